package dev.mlops.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.data.DatasetVersion;
import dev.mlops.evaluation.ClassificationReport;
import dev.mlops.evaluation.PrioritizationTable;
import dev.mlops.experiments.ActiveRun;
import dev.mlops.experiments.RunStatus;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class EvaluationLoggerTest {

  /** Records what is logged to a run; the tracker itself belongs to the experiments package. */
  static final class RecordingRun implements ActiveRun {
    final Map<String, Double> metrics = new ConcurrentHashMap<>();
    final Map<String, String> tags = new ConcurrentHashMap<>();
    final Map<String, String> artifacts = new ConcurrentHashMap<>();

    @Override
    public String runId() {
      return "run-1";
    }

    @Override
    public ActiveRun logParam(String key, String value) {
      return this;
    }

    @Override
    public ActiveRun logMetric(String key, double value, long step) {
      metrics.put(key, value);
      return this;
    }

    @Override
    public ActiveRun setTag(String key, String value) {
      tags.put(key, value);
      return this;
    }

    @Override
    public ActiveRun logInput(DatasetVersion dataset, String context) {
      return this;
    }

    @Override
    public ActiveRun logArtifact(String relativePath, byte[] content) {
      artifacts.put(relativePath, new String(content, StandardCharsets.UTF_8));
      return this;
    }

    @Override
    public void end(RunStatus status) {}

    @Override
    public void close() {}
  }

  @Test
  void logsDefinedMetricsTagsUndefinedOnesAndStoresTheReportAsJson() {
    EvaluationData d = EvaluationData.builder()
        .actual(List.of("neg", "neg", "neg")).predicted(List.of("neg", "pos", "neg"))
        .scores(new double[] {0.1, 0.7, 0.3}, "pos").build();
    ClassificationReport report = Evaluation.classification(d);
    RecordingRun run = new RecordingRun();

    EvaluationLogger.log(run, report);

    assertThat(run.metrics).containsEntry("accuracy", 2.0 / 3)
        .containsKey("log_loss")
        .containsKey("recall.class.neg")
        .doesNotContainKey("roc.auc");
    assertThat(run.tags.get("eval.undefined.roc.auc")).contains("only one class present");
    String json = run.artifacts.get("evaluation/classification.json");
    assertThat(json).contains("\"roc_auc\" : {\n    \"value\" : null,\n    \"status\" : \"UNDEFINED\"");
    assertThat(json).doesNotContain("NaN");
  }

  @Test
  void logsThePrioritizationTable() {
    EvaluationData d = PrioritizerTest.speechData(new String[] {"a", "b"}, new int[] {10, 10},
        new int[] {9, 5});
    PrioritizationTable t = Prioritizer.byTag(d, SliceMetric.accuracy(), Baseline.constant("HLP", 1.0));
    RecordingRun run = new RecordingRun();
    EvaluationLogger.log(run, t);
    EvaluationLogger.log(run, ErrorAnalyzer.analyze(d));
    EvaluationLogger.log(run, BaselineComparator.compare(d, SliceMetric.accuracy(), Slice.tags(d),
        List.of(Baseline.constant("HLP", 1.0))));
    assertThat(run.metrics).containsEntry("evaluation.errors", 6.0);
    assertThat(run.artifacts.get("evaluation/errors.json")).contains("\"tag\" : \"b\"");
    assertThat(run.artifacts.get("evaluation/baselines.json")).contains("\"group\" : \"overall\"");
    assertThat(run.artifacts.get("evaluation/prioritization.json"))
        .contains("\"group\" : \"b\"", "\"potential_gain\" : 0.25", "\"baseline\" : \"HLP\"");
  }
}
