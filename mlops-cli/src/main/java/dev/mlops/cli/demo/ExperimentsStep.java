package dev.mlops.cli.demo;

import dev.mlops.core.experiments.FileTracker;
import dev.mlops.core.experiments.FileTrackerConfig;
import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.Dataset;
import dev.mlops.data.DatasetVersion;
import dev.mlops.data.NumericColumn;
import dev.mlops.experiments.ActiveRun;
import dev.mlops.experiments.RunComparison;
import dev.mlops.experiments.RunRecord;
import dev.mlops.experiments.RunSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/**
 * Records two training runs in an embedded experiment store under the demo folder: a
 * majority-class baseline and a one-feature threshold rule fitted on a seeded 70/30 split; then
 * finds them with an MLflow filter and compares them.
 */
final class ExperimentsStep implements DemoStep {
  static final String EXPERIMENT = "breast-cancer-demo";
  static final String FEATURE = "worst_concave_points";
  static final String POSITIVE = "malignant";

  @Override
  public String title() {
    return "Experiments: record, search and compare training runs";
  }

  @Override
  public void run(DemoContext context) throws Exception {
    Dataset data = context.dataset();
    NumericColumn x = data.numeric(FEATURE);
    CategoricalColumn y = data.categorical("diagnosis");
    boolean[] positive = new boolean[data.rowCount()];
    for (int i = 0; i < positive.length; i++) {
      positive[i] = POSITIVE.equals(y.value(i));
    }
    boolean[] test = split(positive.length, 0.3, context.seed());
    DatasetVersion version = context.get(DataSpecStep.VERSION);
    Path store = context.outputDir().resolve("runs");
    var out = context.out();
    String baselineId;
    String ruleId;
    double baseline;
    double rule;
    double threshold;
    try (FileTracker tracker = FileTracker.open(FileTrackerConfig.builder(store).clock(context.clock()).build())) {
      boolean majority = count(positive, test, false, true) * 2 > count(test, false);
      baseline = accuracy(positive, test, i -> majority);
      try (ActiveRun run = start(tracker, "majority-baseline", context.seed(), version)) {
        baselineId = run.runId();
        run.logParam("model", "majority").logParam("predicts", majority ? POSITIVE : "benign");
        run.logMetric("accuracy", baseline);
      }
      threshold = bestThreshold(x, positive, test);
      rule = accuracy(positive, test, i -> x.value(i) > threshold);
      try (ActiveRun run = start(tracker, "threshold-rule", context.seed(), version)) {
        ruleId = run.runId();
        run.logParam("model", "threshold").logParam("feature", FEATURE).logParam("threshold", Double.toString(threshold));
        run.logMetric("train_accuracy", accuracy(positive, negate(test), i -> x.value(i) > threshold));
        run.logMetric("accuracy", rule);
      }
      String filter = "metrics.accuracy > 0.5 and attributes.run_id IN ('" + baselineId + "', '" + ruleId + "')";
      List<RunRecord> found = tracker.searchRuns(List.of(EXPERIMENT), filter, List.of("metrics.accuracy DESC"), 10);
      out.printf("store: %s (%d runs of this demo)%n", store, found.size());
      out.printf("search: %s%n  order by metrics.accuracy DESC%n", filter.replace(baselineId, "<baseline>").replace(ruleId, "<rule>"));
      for (RunRecord r : found) {
        out.printf(Locale.ROOT, "  %-18s accuracy %.4f  model=%s  data %s (%s)%n", r.runName(),
            r.latestMetrics().get("accuracy").value(), r.params().get("model"),
            r.inputs().get(0).dataset().digest().substring(0, 19), r.inputs().get(0).context());
      }
      RunComparison c = tracker.compareRuns(List.of(baselineId, ruleId));
      out.printf("compare: params that differ %s%n", c.differingParams().keySet());
      Optional<String> commit = Optional.ofNullable(found.get(0).tags().get("mlflow.source.git.commit"));
      out.printf("captured: java %s, %s/%s, git %s%n", found.get(0).tags().get("mlops.java.version"),
          found.get(0).tags().get("mlops.os.name"), found.get(0).tags().get("mlops.os.arch"),
          commit.map(h -> h.substring(0, Math.min(10, h.length()))).orElse("(not a git work tree)"));
    }
    context.put(RUNS, new RunTable(new ArrayList<>(List.of(
        runRow("majority-baseline", "model=majority", version, baseline),
        runRow("threshold-rule", "model=threshold, feature=" + FEATURE + ", threshold="
            + String.format(Locale.ROOT, "%.4f", threshold), version, rule)))));
    out.printf("try: ./mlops runs list --store %s --order-by \"metrics.accuracy DESC\"%n", store);
    out.printf("     ./mlops runs compare --store %s %s %s%n", store, baselineId, ruleId);
  }

  /** A row of the dashboard's run table: name, params, dataset digest, accuracy. */
  static List<String> runRow(String name, String params, DatasetVersion version, double accuracy) {
    return List.of(name, params, version.digest().substring(0, 19), String.format(Locale.ROOT, "%.4f", accuracy));
  }

  /** The dashboard's run table: one row per tracked run, appended to by the inference step. */
  record RunTable(List<List<String>> rows) {}

  /** The run table, for the inference step, which adds the logistic regression and shows it. */
  static final DemoContext.Key<RunTable> RUNS = new DemoContext.Key<>("run table", RunTable.class);

  static ActiveRun start(FileTracker tracker, String name, long seed, DatasetVersion version) {
    ActiveRun run = tracker.startRun(RunSpec.of(EXPERIMENT, name).withSeed(seed));
    run.logParam("split.test_fraction", "0.3");
    run.logInput(version, "training");
    return run;
  }

  /** A seeded random test split: each row is in the test set with probability {@code fraction}. */
  private static boolean[] split(int n, double fraction, long seed) {
    Random random = new Random(seed);
    boolean[] test = new boolean[n];
    for (int i = 0; i < n; i++) {
      test[i] = random.nextDouble() < fraction;
    }
    return test;
  }

  private static boolean[] negate(boolean[] mask) {
    boolean[] out = new boolean[mask.length];
    for (int i = 0; i < mask.length; i++) {
      out[i] = !mask[i];
    }
    return out;
  }

  /** The threshold (midpoint between adjacent training values) with the best training accuracy. */
  private static double bestThreshold(NumericColumn x, boolean[] positive, boolean[] test) {
    double best = Double.NaN;
    double bestAccuracy = -1;
    double[] values = x.toArray().clone();
    Arrays.sort(values);
    for (int k = 1; k < values.length; k++) {
      if (values[k] == values[k - 1]) {
        continue;
      }
      double t = (values[k] + values[k - 1]) / 2;
      double acc = accuracy(positive, negate(test), i -> x.value(i) > t);
      if (acc > bestAccuracy) {
        bestAccuracy = acc;
        best = t;
      }
    }
    return best;
  }

  private interface Rule {
    boolean predictPositive(int row);
  }

  private static double accuracy(boolean[] positive, boolean[] mask, Rule rule) {
    int right = 0;
    int total = 0;
    for (int i = 0; i < positive.length; i++) {
      if (mask[i]) {
        total++;
        right += rule.predictPositive(i) == positive[i] ? 1 : 0;
      }
    }
    return (double) right / total;
  }

  private static int count(boolean[] mask, boolean value) {
    int n = 0;
    for (boolean b : mask) {
      n += b == value ? 1 : 0;
    }
    return n;
  }

  private static int count(boolean[] positive, boolean[] test, boolean inTest, boolean value) {
    int n = 0;
    for (int i = 0; i < positive.length; i++) {
      n += test[i] == inTest && positive[i] == value ? 1 : 0;
    }
    return n;
  }
}
