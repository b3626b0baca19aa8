package dev.mlops.core.experiments.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import dev.mlops.data.DatasetVersion;
import dev.mlops.experiments.MetricPoint;
import dev.mlops.experiments.RunRecord;
import dev.mlops.experiments.RunStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunFilterTest {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  static RunRecord run(String id, double rmse, String model, RunStatus status, long startOffset) {
    Map<String, MetricPoint> metrics = Map.of(
        "rmse", new MetricPoint("rmse", rmse, 3, T0),
        "f1 score", new MetricPoint("f1 score", 0.5, 0, T0),
        "val.loss", new MetricPoint("val.loss", rmse * 2, 0, T0));
    DatasetVersion d = new DatasetVersion("iris", "sha256:beef", false, Optional.empty(), 150, "iris.csv", T0, "me", Map.of());
    return new RunRecord(id, "exp", "run " + id, status, T0.plusMillis(startOffset), Optional.empty(), Optional.empty(),
        Map.of("model", model, "learning-rate", "0.1"),
        Map.of("mlflow.user", "O'Brien", "team", "Vision"),
        metrics, List.of(new RunRecord.DatasetInput(d, "training")));
  }

  static final RunRecord TREE = run("a1", 0.8, "tree", RunStatus.FINISHED, 0);
  static final RunRecord LINEAR = run("b2", 1.2, "linear", RunStatus.FAILED, 10);

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "metrics.rmse < 1 and params.model = 'tree'            | true  | false",
      "metrics.rmse <= 0.8                                   | true  | false",
      "metrics.rmse > 0.8 AND metrics.rmse >= 1.2            | false | true",
      "metrics.rmse != 0.8                                   | false | true",
      "metrics.rmse = 1.2e0                                  | false | true",
      "metric.rmse < -1                                      | false | false",
      "metrics.`f1 score` = 0.5                              | true  | true",
      "metrics.\"f1 score\" = 0.5                            | true  | true",
      "metrics.val.loss < 2                                  | true  | false",
      "metrics.`val.loss` < 2                                | true  | false",
      "metrics.missing < 2                                   | false | false",
      "params.model != 'tree'                                | false | true",
      "params.model = \"linear\"                             | false | true",
      "params.`learning-rate` = '0.1'                        | true  | true",
      "params.model LIKE 'tr%'                               | true  | false",
      "params.model LIKE '_inear'                            | false | true",
      "params.model like 'TR%'                               | false | false",
      "params.model ILIKE 'TR%'                              | true  | false",
      "params.model IN ('tree', 'forest')                    | true  | false",
      "params.model NOT IN ('tree')                          | false | true",
      "tags.mlflow.user = 'O''Brien'                         | true  | true",
      "tags.`mlflow.user` = 'O\\'Brien'                      | true  | true",
      "tags.team ILIKE 'vis%'                                | true  | true",
      "attributes.status = 'FAILED'                          | false | true",
      "attributes.status IN ('FINISHED', 'KILLED')           | true  | false",
      "attributes.run_id = 'a1'                              | true  | false",
      "attributes.run_name LIKE 'run %'                      | true  | true",
      "attributes.start_time > 1767225600005                 | false | true",
      "datasets.digest = 'sha256:beef'                       | true  | true",
      "datasets.context = 'evaluation'                       | false | false",
      "datasets.name IN ('iris') and params.model = 'tree'   | true  | false",
  })
  void matchesLikeMlflow(String filter, String tree, String linear) {
    RunFilter f = RunFilter.parse(filter);
    assertThat(f.test(TREE)).as("%s on tree", filter).isEqualTo(Boolean.parseBoolean(tree));
    assertThat(f.test(LINEAR)).as("%s on linear", filter).isEqualTo(Boolean.parseBoolean(linear));
  }

  @Test
  void blankMatchesEverything() {
    assertThat(RunFilter.parse("  ").test(TREE)).isTrue();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "metrics.rmse < 1 or params.model = 'tree'  | position 17: OR is not supported",
      "metrics.rmse LIKE '1'                      | position 13: operator LIKE is not allowed for metric 'rmse'",
      "params.model < 'x'                         | position 13: operator < is not allowed for 'model'",
      "params.model = tree                        | position 15: expected a quoted string value",
      "metrics.rmse < 'x'                         | position 15: expected a number",
      "params.model = 'tree                       | position 15: unterminated ' quote",
      "foo.rmse < 1                               | position 0: unknown entity 'foo'",
      "attributes.color = 'red'                   | position 11: unknown attribute 'color'",
      "datasets.size = 'x'                        | position 9: unknown dataset field 'size'",
      "metrics.rmse == 1                          | position 13: unknown operator '=='",
      "metrics.rmse 1                             | position 13: expected a comparison operator",
      "metrics.`f1 score < 1                      | position 8: unterminated ` quote",
      "params.model IN 'tree'                     | position 16: expected '('",
      "metrics. < 1                               | position 8: expected a key after 'metrics.'",
      "metrics.rmse < 1 params.x = 'y'            | position 17: expected AND or the end",
  })
  void reportsWhereAFilterIsWrong(String filter, String message) {
    assertThatThrownBy(() -> RunFilter.parse(filter))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message)
        .hasMessageContaining("(in: " + filter + ")");
  }

  @Test
  void ordersByMetricWithMissingLastAndDefaultTieBreak() {
    RunRecord none = new RunRecord("c3", "exp", "none", RunStatus.RUNNING, T0.plusMillis(5), Optional.empty(),
        Optional.empty(), Map.of(), Map.of(), Map.of(), List.of());
    List<RunRecord> runs = new ArrayList<>(List.of(none, LINEAR, TREE));
    runs.sort(RunOrder.parse(List.of("metrics.rmse ASC")));
    assertThat(runs).extracting(RunRecord::runId).containsExactly("a1", "b2", "c3");
    runs.sort(RunOrder.parse(List.of("metrics.rmse desc")));
    assertThat(runs).extracting(RunRecord::runId).containsExactly("b2", "a1", "c3");
    runs.sort(RunOrder.parse(List.of()));
    assertThat(runs).extracting(RunRecord::runId).containsExactly("b2", "c3", "a1");
    runs.sort(RunOrder.parse(List.of("params.model", "attributes.start_time DESC")));
    assertThat(runs).extracting(RunRecord::runId).containsExactly("b2", "a1", "c3");
    assertThatThrownBy(() -> RunOrder.parse(List.of("metrics.rmse UP")))
        .hasMessageContaining("position 13: expected ASC, DESC");
  }

  @Test
  void numericClauseAgreesWithJavaComparison() {
    qt().withFixedSeed(42L).forAll(doubles().between(-1e6, 1e6), doubles().between(-1e6, 1e6))
        .checkAssert((value, bound) -> {
          RunRecord r = run("p", value, "m", RunStatus.FINISHED, 0);
          String literal = String.format(Locale.ROOT, "%s", bound);
          assertThat(RunFilter.parse("metrics.rmse < " + literal).test(r)).isEqualTo(value < bound);
          assertThat(RunFilter.parse("metrics.rmse >= " + literal).test(r)).isEqualTo(value >= bound);
        });
  }
}
