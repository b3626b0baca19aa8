package dev.mlops.cli.demo;

import dev.mlops.core.model.BatchScorer;
import dev.mlops.data.Dataset;
import dev.mlops.data.Record;
import dev.mlops.model.Model;
import dev.mlops.scoping.KeyMetrics;
import dev.mlops.scoping.ObjectiveResult;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures the served model's accuracy on the held-out rows and its single-thread latency and
 * throughput, then checks them against the objectives declared in {@link ScopingStep}.
 */
final class ObjectivesCheckStep implements DemoStep {
  /** Passes over the held-out rows when timing predictions: {@value}. */
  static final int TIMING_PASSES = 5;

  @Override
  public String title() {
    return "Scoping check: measure the served model against the declared objectives";
  }

  @Override
  public void run(DemoContext context) {
    Dataset scored = context.get(OnnxServingStep.SCORED);
    Model model = context.get(OnnxServingStep.MODEL);
    int correct = 0;
    for (int i = 0; i < scored.rowCount(); i++) {
      if (scored.row(i).getString("diagnosis")
          .equals(scored.row(i).getString(BatchScorer.LABEL_COLUMN))) {
        correct++;
      }
    }
    double accuracy = (double) correct / scored.rowCount();

    List<Record> rows = scored.rows();
    long[] nanos = new long[rows.size() * TIMING_PASSES];
    long start = System.nanoTime();
    for (int pass = 0, k = 0; pass < TIMING_PASSES; pass++) {
      for (Record r : rows) {
        long t0 = System.nanoTime();
        model.predict(r);
        nanos[k++] = System.nanoTime() - t0;
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Arrays.sort(nanos);
    double p99Ms = nanos[(int) Math.ceil(0.99 * nanos.length) - 1] / 1e6;
    double qps = nanos.length / seconds;

    Map<String, Double> measured = Map.of(
        KeyMetrics.ACCURACY, accuracy,
        KeyMetrics.LATENCY_P99_MS, p99Ms,
        KeyMetrics.THROUGHPUT_QPS, qps);
    List<ObjectiveResult> results = context.get(ScopingStep.OBJECTIVES).evaluate(measured);
    var out = context.out();
    out.printf(Locale.ROOT, "%d held-out rows, %d timed single-thread predictions%n",
        scored.rowCount(), nanos.length);
    for (ObjectiveResult r : results) {
      out.printf(Locale.ROOT, "  %-26s measured %10.3f  %s%n",
          r.objective(), r.measured().orElse(Double.NaN), r.met() ? "met" : "NOT MET");
    }
    out.println(results.stream().allMatch(ObjectiveResult::met)
        ? "all objectives met: the model may go on to a gated rollout"
        : "some objectives are not met: do not roll out");
    context.dashboard().section("deployment", "5. Deployment")
        .heading("Pre-rollout check of the served ONNX model against the scoping objectives")
        .table(List.of("objective", "measured", "verdict"), results.stream().map(r -> List.of(
            r.objective().toString(), String.format(Locale.ROOT, "%.3f", r.measured().orElse(Double.NaN)),
            r.met() ? "met" : "NOT MET")).toList());
  }
}
