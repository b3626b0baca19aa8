package dev.mlops.cli.demo;

import dev.mlops.cli.dashboard.Dashboard;
import dev.mlops.cli.dashboard.LineChart;
import dev.mlops.core.data.CsvWriter;
import dev.mlops.core.feedback.CbpeCalibration;
import dev.mlops.core.feedback.CbpeWindow;
import dev.mlops.core.feedback.JoinCounts;
import dev.mlops.core.feedback.LabelJoin;
import dev.mlops.core.feedback.LabelJoinConfig;
import dev.mlops.core.feedback.PerformanceTally;
import dev.mlops.core.feedback.PredictionLogConfig;
import dev.mlops.core.feedback.PredictionLogReader;
import dev.mlops.core.feedback.PredictionLogger;
import dev.mlops.core.feedback.RetrainingData;
import dev.mlops.data.Record;
import dev.mlops.feedback.FieldRule;
import dev.mlops.feedback.GroundTruth;
import dev.mlops.feedback.HmacKey;
import dev.mlops.feedback.LoggedPrediction;
import dev.mlops.feedback.PrivacyPolicy;
import dev.mlops.model.Arm;
import dev.mlops.model.Prediction;
import dev.mlops.model.PredictionOutcome;
import dev.mlops.model.PredictionRequest;
import dev.mlops.scoping.KeyMetrics;
import dev.mlops.time.MlopsClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Production feedback: a calibrated churn classifier serves 8 windows of traffic, logged with the
 * customer's e-mail hashed; from window 4 on its inputs drift towards the decision boundary.
 * Labels arrive later for 60 % of the requests, shuffled and some twice. CBPE estimates each
 * window's accuracy before any label, and the realized accuracy of the labeled part is printed
 * next to it: both fall with the shift, and the estimate brackets the realized value.
 */
final class FeedbackStep implements DemoStep {
  static final int WINDOWS = 8;
  static final int WINDOW_SIZE = 500;
  static final int SHIFT_FROM = 4;
  static final String LOG_DIR = "prediction-log";
  private static final Instant START = Instant.parse("2026-12-01T09:00:00Z");

  @Override
  public String title() {
    return "Feedback: log production traffic, join delayed labels, estimate accuracy before them";
  }

  /** The served model's probability of churn for a customer score x. */
  private static double churn(double x) {
    return 1 / (1 + Math.exp(-3 * x));
  }

  @Override
  public void run(DemoContext context) throws Exception {
    Random random = new Random(context.seed());
    MlopsClock clock = MlopsClock.of(Clock.fixed(START, ZoneOffset.UTC), () -> 0L);
    // a log left by an earlier demo in the same folder would be read back as this run's traffic
    Path dir = context.emptyDirectory(LOG_DIR);
    List<GroundTruth> labels = new ArrayList<>();
    PredictionLogConfig config = PredictionLogConfig.builder(dir)
        .privacy(PrivacyPolicy.builder().field("email", FieldRule.hmac()).build()).build();
    HmacKey key = HmacKey.of(("demo-key-" + context.seed() + "-not-for-production").getBytes(StandardCharsets.UTF_8));
    try (PredictionLogger log = PredictionLogger.builder(config).clock(clock).hmacKey(key).build()) {
      for (int i = 0; i < WINDOWS * WINDOW_SIZE; i++) {
        boolean shifted = i / WINDOW_SIZE >= SHIFT_FROM;
        double x = shifted ? random.nextGaussian() * 0.25 : random.nextGaussian() * 1.5;
        double p = churn(x);
        String id = "req-" + i;
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("score", x);
        f.put("email", "customer" + random.nextInt(100_000) + "@example.com");
        PredictionRequest request = PredictionRequest.builder(Record.of(f)).requestId(id)
            .receivedAt(START.plusSeconds(i)).build();
        Map<String, Double> probabilities = new LinkedHashMap<>();
        probabilities.put("stay", 1 - p);
        probabilities.put("churn", p);
        log.log(new PredictionOutcome.Success(request, "churn-model", "7", Arm.PRIMARY,
            Duration.ofNanos(180_000), Prediction.classification(p >= 0.5 ? "churn" : "stay",
                probabilities, "7", Duration.ofNanos(150_000))));
        String truth = random.nextDouble() < p ? "churn" : "stay";
        if (random.nextDouble() < 0.6) {
          labels.add(new GroundTruth(id, truth, START.plusSeconds(i + 86_400)));
          if (random.nextDouble() < 0.05) {
            labels.add(new GroundTruth(id, truth, START.plusSeconds(i + 90_000)));
          }
        }
      }
      log.flush();
      context.out().printf(Locale.ROOT, "  logged %d predictions to %s (e-mail hashed, %d dropped)%n",
          log.written(), dir.getFileName(), log.dropped());
    }
    java.util.Collections.shuffle(labels, random);
    labels.add(new GroundTruth("req-unknown", "churn", START));

    CbpeCalibration calibration = reference(random);
    List<CbpeWindow> estimated = new ArrayList<>();
    List<PerformanceTally> realized = new ArrayList<>();
    for (int w = 0; w < WINDOWS; w++) {
      estimated.add(CbpeWindow.create(calibration, "churn"));
      realized.add(new PerformanceTally(Optional.of("churn")));
    }
    LabelJoin join = new LabelJoin(LabelJoinConfig.defaults(), clock, (joined, replaced) -> {
      int w = Integer.parseInt(joined.requestId().substring(4)) / WINDOW_SIZE;
      replaced.ifPresent(r -> realized.get(w).remove(r));
      realized.get(w).add(joined);
    });
    List<LoggedPrediction> records = PredictionLogReader.of(dir).readAll().records();
    for (int i = 0; i < records.size(); i++) {
      LoggedPrediction r = records.get(i);
      estimated.get(i / WINDOW_SIZE).add(r.probabilities(), r.label());
      join.prediction(r);
    }
    labels.forEach(join::label);
    JoinCounts counts = join.counts();
    context.out().printf(Locale.ROOT,
        "  %d delayed labels joined (shuffled; %d duplicates, last wins; %d for an unknown id)%n",
        counts.labels(), counts.duplicates(), counts.waited());
    context.out().printf(Locale.ROOT, "  CBPE calibration on the reference: %s%n", calibration.kind());
    context.out().printf(Locale.ROOT, "  %-7s %-9s %-17s %-9s %s%n", "window", "est. acc", "band (±3σ)", "realized", "labeled");
    for (int w = 0; w < WINDOWS; w++) {
      CbpeWindow.Estimate a = estimated.get(w).estimate().get(KeyMetrics.ACCURACY);
      double real = realized.get(w).metrics().get(KeyMetrics.ACCURACY);
      context.out().printf(Locale.ROOT, "  %-7s %-9.3f [%.3f, %.3f]   %-9.3f %d%n",
          w + (w == SHIFT_FROM ? "*" : ""), a.value(), a.lower(), a.upper(), real, realized.get(w).count());
    }
    context.out().printf(Locale.ROOT,
        "  (* inputs shift towards the boundary: accuracy falls, and CBPE saw it before any label)%n");

    RetrainingData.Export export = RetrainingData.export(dir, labels, RetrainingData.Selection.all(),
        context.clock());
    Path csv = context.outputDir().resolve(RETRAINING_FILE);
    CsvWriter.defaults().write(export.data(), csv);
    context.out().printf(Locale.ROOT, "  retraining data: %d labeled rows -> %s (%s; %d unlabeled, %d unmatched)%n",
        export.data().rowCount(), RETRAINING_FILE, export.version().digest().substring(0, 19),
        export.unlabeledPredictions(), export.unmatchedLabels());
    performance(context, estimated, realized, export);
  }

  static final String RETRAINING_FILE = "retraining-data.csv";

  private static void performance(DemoContext context, List<CbpeWindow> estimated, List<PerformanceTally> realized,
      RetrainingData.Export export) throws java.io.IOException {
    double[] x = new double[WINDOWS];
    double[] est = new double[WINDOWS];
    double[] lower = new double[WINDOWS];
    double[] upper = new double[WINDOWS];
    double[] real = new double[WINDOWS];
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int w = 0; w < WINDOWS; w++) {
      CbpeWindow.Estimate a = estimated.get(w).estimate().get(KeyMetrics.ACCURACY);
      x[w] = w;
      est[w] = a.value();
      lower[w] = a.lower();
      upper[w] = a.upper();
      real[w] = realized.get(w).metrics().get(KeyMetrics.ACCURACY);
      rows.add(Map.of("window", w, "estimated", est[w], "lower", lower[w], "upper", upper[w], "realized", real[w],
          "labeled", realized.get(w).count()));
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("windows", rows);
    json.put("retrainingData", Map.of("file", RETRAINING_FILE, "rows", export.data().rowCount(),
        "digest", export.version().digest(), "unlabeled", export.unlabeledPredictions()));
    context.writeJson("performance.json", json);

    Dashboard.Section section = context.dashboard().section("monitoring", "6. Monitoring");
    section.heading("Estimated vs realized accuracy as delayed labels arrive");
    section.chart(LineChart.builder("estimated-vs-realized", "Estimated (CBPE) vs realized accuracy")
        .axes("window of " + WINDOW_SIZE + " predictions", "accuracy")
        .description(String.format(Locale.ROOT, "CBPE's accuracy estimate per window, made before any label, "
            + "with its ±3σ band, and the accuracy realized once the delayed labels arrived; inputs shift "
            + "from window %d.", SHIFT_FROM))
        .band("CBPE ±3σ band", x, lower, upper)
        .series("estimated", x, est)
        .series("realized", x, real)
        .marker(SHIFT_FROM, "inputs shift towards the decision boundary", LineChart.Mark.INFO)
        .build());
    section.text(String.format(Locale.ROOT, "Retraining data exported: %d labeled rows in %s, dataset version %s.",
        export.data().rowCount(), RETRAINING_FILE, export.version().digest()));
  }

  /** A labeled reference window from before the shift. */
  private static CbpeCalibration reference(Random random) {
    int n = 4000;
    double[] p = new double[n];
    boolean[] y = new boolean[n];
    for (int i = 0; i < n; i++) {
      p[i] = churn(random.nextGaussian() * 1.5);
      y[i] = random.nextDouble() < p[i];
    }
    return CbpeCalibration.fit(p, y);
  }
}
