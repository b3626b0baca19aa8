package dev.mlops.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlops.evaluation.ClassificationReport;
import dev.mlops.evaluation.RegressionReport;
import dev.mlops.evaluation.SliceConfig;
import dev.mlops.scoping.KeyMetrics;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/metrics.md, the {@link KeyMetrics} constants, what {@link EvaluationLogger} logs and what
 * {@link EvaluationJson} writes must name the same metrics the same way.
 */
class KeyMetricsAgreementTest {
  private static final Path DOC = Path.of("..", "docs", "metrics.md");
  private static final ObjectMapper JSON = new ObjectMapper();

  record Row(String name, String constant, String tags, String runKey, String reportField,
      String meter) {}

  private static Map<String, Row> table;
  private static ClassificationReport classification;
  private static RegressionReport regression;

  @BeforeAll
  static void read() throws IOException {
    table = parseTable(Files.readAllLines(DOC, StandardCharsets.UTF_8));
    classification = Evaluation.classification(EvaluationData.builder()
        .actual(List.of("neg", "pos", "neg", "pos"))
        .predicted(List.of("neg", "pos", "pos", "pos"))
        .scores(new double[] {0.1, 0.8, 0.6, 0.9}, "pos")
        .build());
    regression = Evaluation.regression(new double[] {1, 2, 3}, new double[] {1.5, 2, 2});
  }

  private static Map<String, Row> parseTable(List<String> lines) {
    Map<String, Row> rows = new LinkedHashMap<>();
    boolean inTable = false;
    for (String line : lines) {
      if (line.startsWith("| Name |")) {
        inTable = true;
        continue;
      }
      if (!inTable || line.startsWith("|---")) {
        continue;
      }
      if (!line.startsWith("|")) {
        break;
      }
      String[] c = line.split("\\|", -1);
      Row r = new Row(cell(c[1]), cell(c[2]), cell(c[5]), cell(c[6]), cell(c[7]), cell(c[8]));
      assertThat(rows.put(r.name(), r)).as("duplicate row " + r.name()).isNull();
    }
    assertThat(rows).as("table rows in " + DOC).isNotEmpty();
    return rows;
  }

  private static String cell(String s) {
    return s.replace("`", "").trim();
  }

  private static Map<String, String> constants() throws IllegalAccessException {
    Map<String, String> out = new LinkedHashMap<>();
    for (Field f : KeyMetrics.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class
          && !f.getName().startsWith("TAG_") && !f.getName().equals("METER_PREFIX")) {
        out.put((String) f.get(null), f.getName());
      }
    }
    return out;
  }

  @Test
  void everyConstantHasARowAndEveryRowAConstant() throws IllegalAccessException {
    Map<String, String> constants = constants();
    assertThat(table.keySet()).containsExactlyInAnyOrderElementsOf(constants.keySet());
    for (Row r : table.values()) {
      assertThat(r.constant()).as(r.name()).isEqualTo(constants.get(r.name()));
    }
  }

  @Test
  void meterColumnFollowsTheRule() {
    for (Row r : table.values()) {
      assertThat(r.meter()).as(r.name()).isEqualTo(KeyMetrics.meterName(r.name()));
    }
  }

  @Test
  void evaluationLogsExactlyTheRunKeysOfTheTable() {
    EvaluationLoggerTest.RecordingRun run = new EvaluationLoggerTest.RecordingRun();
    EvaluationLogger.log(run, classification);
    EvaluationLogger.log(run, regression);
    EvaluationLogger.log(run, ErrorAnalyzer.analyze(EvaluationData.builder()
        .actual(List.of("a", "b")).predicted(List.of("a", "a")).build()));
    EvaluationLogger.log(run, SliceEvaluator.evaluate(EvaluationData.builder()
        .actual(List.of("a", "b")).predicted(List.of("a", "a")).build(),
        SliceMetric.accuracy(), List.of(), SliceConfig.defaults()));

    Set<String> expected = new LinkedHashSet<>();
    for (Row r : table.values()) {
      if (r.runKey().isEmpty()) {
        continue;
      }
      if (r.tags().isEmpty()) {
        assertThat(r.runKey()).as(r.name()).isEqualTo(r.name());
        expected.add(r.name());
      } else {
        assertThat(r.runKey()).isEqualTo(r.name() + "." + r.tags() + ".<label>");
        for (String label : classification.labels()) {
          expected.add(KeyMetrics.taggedKey(r.name(), r.tags(), label));
        }
      }
    }
    assertThat(run.metrics.keySet()).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void reportJsonCarriesTheSameNamesAndValuesAsItsOwnFields() throws IOException {
    check(JSON.readTree(EvaluationJson.toJson(classification)), classification.labels());
    check(JSON.readTree(EvaluationJson.toJson(regression)), List.of());
  }

  private static void check(JsonNode report, List<String> labels) {
    JsonNode keyMetrics = report.get("key_metrics");
    List<String> seen = new ArrayList<>();
    for (Row r : table.values()) {
      if (r.reportField().isEmpty()) {
        continue;
      }
      if (r.tags().isEmpty()) {
        JsonNode field = report.at(r.reportField());
        if (field.isMissingNode()) {
          continue; // a field of the other report kind
        }
        assertThat(value(field)).as(r.name()).isEqualTo(value(keyMetrics.get(r.name())));
        seen.add(r.name());
      } else {
        for (int i = 0; i < labels.size(); i++) {
          String key = KeyMetrics.taggedKey(r.name(), r.tags(), labels.get(i));
          JsonNode field = report.at(r.reportField().replace("<i>", String.valueOf(i)));
          assertThat(value(field)).as(key).isEqualTo(value(keyMetrics.get(key)));
          seen.add(key);
        }
      }
    }
    List<String> written = new ArrayList<>();
    keyMetrics.fieldNames().forEachRemaining(written::add);
    assertThat(written).containsExactlyInAnyOrderElementsOf(seen);
  }

  /** A report field is a plain number or a metric object {value, status, reason}. */
  private static JsonNode value(JsonNode n) {
    assertThat(n).isNotNull();
    return n.isObject() ? n.get("value") : n;
  }
}
