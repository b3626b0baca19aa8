package dev.mlops.cli.demo;

import dev.mlops.cli.dashboard.Dashboard;
import dev.mlops.cli.dashboard.LineChart;
import dev.mlops.core.monitoring.AlertRules;
import dev.mlops.core.monitoring.ModelMonitor;
import dev.mlops.core.monitoring.ReferenceProfiles;
import dev.mlops.core.monitoring.RetrainingTrigger;
import dev.mlops.data.Dataset;
import dev.mlops.data.Record;
import dev.mlops.model.Model;
import dev.mlops.model.ModelDescriptor;
import dev.mlops.model.Prediction;
import dev.mlops.monitoring.AlertRaised;
import dev.mlops.monitoring.MonitorConfig;
import dev.mlops.monitoring.RetrainingDecision;
import dev.mlops.monitoring.RetrainingPolicy;
import dev.mlops.monitoring.WindowClosed;
import dev.mlops.monitoring.WindowPolicy;
import dev.mlops.monitoring.WindowSummary;
import dev.mlops.time.MlopsClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Production monitoring: the served ONNX model behind a {@link ModelMonitor}, fed seeded
 * bootstrap traffic from the dataset with a gradual shift in one feature and a sudden one in
 * another; prints the windows that drifted, the alerts with their windows and rows, and the
 * automatic retraining the first alert triggers (later ones fall in its cool-down).
 */
final class MonitoringStep implements DemoStep {
  static final int WINDOW = 200;
  static final int WINDOWS = 15;
  static final String GRADUAL = "mean_radius";
  static final int GRADUAL_FROM = 5;
  static final double GRADUAL_SD_PER_WINDOW = 0.15;
  static final String SUDDEN = "worst_area";
  static final int SUDDEN_FROM = 10;
  static final double SUDDEN_SD = 1.5;

  @Override
  public String title() {
    return "Monitoring: live traffic with a gradual and a sudden shift, alerts and retraining";
  }

  @Override
  public void run(DemoContext context) throws Exception {
    Model served = context.get(OnnxServingStep.MODEL);
    Dataset data = context.dataset();
    List<String> features = served.describe().inputSpec().orElseThrow().featureNames();
    Dataset reference = data.select(features);
    List<WindowSummary> windows = Collections.synchronizedList(new ArrayList<>());
    List<AlertRaised> alerts = Collections.synchronizedList(new ArrayList<>());
    List<RetrainingDecision> decisions = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch retrained = new CountDownLatch(1);
    // wall time only for latency; window and alert timestamps come from the demo's fixed clock
    MlopsClock clock = MlopsClock.of(context.clock(), System::nanoTime);

    ModelMonitor monitor = ModelMonitor.of(new Borrowed(served), MonitorConfig.builder()
        .window(WindowPolicy.ofCount(WINDOW))
        .reference(ReferenceProfiles.of(reference))
        .rule(AlertRules.drift())
        .build(), clock);
    RetrainingTrigger trigger = RetrainingTrigger.automatic(
        RetrainingPolicy.automatic().coolDown(Duration.ofHours(24)), alert -> retrained.countDown(),
        clock);
    trigger.events().onEvent(RetrainingDecision.class, decisions::add);
    trigger.watch(monitor.events());
    monitor.events().onEvent(WindowClosed.class, w -> windows.add(w.window()));
    monitor.events().onEvent(AlertRaised.class, alerts::add);

    Map<String, Double> sd = new LinkedHashMap<>();
    sd.put(GRADUAL, std(reference.numeric(GRADUAL).presentValues()));
    sd.put(SUDDEN, std(reference.numeric(SUDDEN).presentValues()));
    Random random = new Random(context.seed());
    for (int i = 0; i < WINDOW * WINDOWS; i++) {
      monitor.predict(traffic(reference.row(random.nextInt(reference.rowCount())), i, sd));
    }
    monitor.close();
    boolean done = retrained.await(10, TimeUnit.SECONDS);
    trigger.close();

    var out = context.out();
    out.printf(Locale.ROOT, "%d requests in %d windows of %d; %s +%.2f sd per window from window "
        + "%d, %s +%.1f sd from window %d%n", WINDOW * WINDOWS, WINDOWS, WINDOW, GRADUAL,
        GRADUAL_SD_PER_WINDOW, GRADUAL_FROM, SUDDEN, SUDDEN_SD, SUDDEN_FROM);
    for (WindowSummary w : windows) {
      String drifted = w.drift().entrySet().stream().filter(e -> e.getValue().drifted())
          .map(e -> String.format(Locale.ROOT, "%s (psi %.2f)", e.getKey(),
              e.getValue().score()))
          .collect(Collectors.joining(", "));
      out.printf(Locale.ROOT, "  window %2d rows %4d-%4d  drifted: %s%n", w.index(),
          w.startRow(), w.endRow() - 1, drifted.isEmpty() ? "-" : drifted);
    }
    out.printf(Locale.ROOT, "alerts (rule drift, cool-down %d windows): %d%n",
        AlertRules.drift().coolDownWindows(), alerts.size());
    for (AlertRaised a : alerts) {
      out.printf(Locale.ROOT, "  window %d, row %d: %s%n", a.window(), a.row(), a.reason());
    }
    long falseAlarms = alerts.stream().filter(a -> a.window() < GRADUAL_FROM).count();
    out.printf(Locale.ROOT, "false alarms before the first shift: %d%n", falseAlarms);
    for (RetrainingDecision d : decisions) {
      // the cool-down reason carries elapsed wall time; the rest is the same on every run
      out.printf(Locale.ROOT, "  retraining %s (window %d)%s%n", d.decision(), d.window(),
          d.decision() == RetrainingDecision.Decision.SKIPPED_COOL_DOWN ? "" : ": " + d.reason());
    }
    if (!done) {
      out.println("  retraining did not finish within 10 s");
    }
    writeJson(context, windows, alerts, decisions);
    addToDashboard(context, windows, alerts, decisions);
  }

  private static void writeJson(DemoContext context, List<WindowSummary> windows, List<AlertRaised> alerts,
      List<RetrainingDecision> decisions) throws java.io.IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("windows", windows.stream().map(w -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("window", w.index());
      row.put("startRow", w.startRow());
      row.put("endRow", w.endRow());
      row.put("psi", new java.util.TreeMap<>(Map.of(GRADUAL, w.drift().get(GRADUAL).score(), SUDDEN,
          w.drift().get(SUDDEN).score())));
      row.put("drifted", w.drift().entrySet().stream().filter(e -> e.getValue().drifted()).map(Map.Entry::getKey)
          .sorted().toList());
      return row;
    }).toList());
    m.put("alerts", alerts.stream().map(a -> Map.of("window", a.window(), "row", a.row(), "reason", a.reason()))
        .toList());
    m.put("retraining", decisions.stream().map(d -> Map.of("window", d.window(), "decision",
        d.decision().toString())).toList());
    context.writeJson("monitoring.json", m);
  }

  private static void addToDashboard(DemoContext context, List<WindowSummary> windows, List<AlertRaised> alerts,
      List<RetrainingDecision> decisions) {
    Dashboard.Section section = context.dashboard().section("monitoring", "6. Monitoring");
    section.heading(String.format(Locale.ROOT, "Live traffic: %s drifts gradually from window %d, %s jumps at "
        + "window %d; %d alerts", GRADUAL, GRADUAL_FROM, SUDDEN, SUDDEN_FROM, alerts.size()));
    double[] x = windows.stream().mapToDouble(WindowSummary::index).toArray();
    LineChart chart = LineChart.builder("drift-over-time", "Drift score (PSI) per window, with alerts")
        .axes("window", "population stability index")
        .description(String.format(Locale.ROOT, "PSI of %s (gradual shift) and %s (sudden shift) against the "
            + "reference per window of %d requests; triangles mark the %d alerts.", GRADUAL, SUDDEN, WINDOW,
            alerts.size()))
        .series(GRADUAL + " (gradual)", x, windows.stream().mapToDouble(w -> w.drift().get(GRADUAL).score()).toArray())
        .series(SUDDEN + " (sudden)", x, windows.stream().mapToDouble(w -> w.drift().get(SUDDEN).score()).toArray());
    alerts.forEach(a -> chart.marker(a.window(), "alert in window " + a.window() + ": " + a.reason(),
        LineChart.Mark.ALERT));
    section.chart(chart.build());
    section.table(List.of("alert window", "row", "reason"), alerts.stream()
        .map(a -> List.of(Long.toString(a.window()), Long.toString(a.row()), a.reason())).toList());
    section.table(List.of("retraining decision", "window"), decisions.stream()
        .map(d -> List.of(d.decision().toString(), Long.toString(d.window()))).toList());
  }

  /** A row of the reference with the demo's shifts applied for request {@code i}. */
  private static Record traffic(Record row, int i, Map<String, Double> sd) {
    Map<String, Object> values = new LinkedHashMap<>(row.toMap());
    int window = i / WINDOW;
    if (window >= GRADUAL_FROM) {
      double shift = GRADUAL_SD_PER_WINDOW * (window - GRADUAL_FROM + 1) * sd.get(GRADUAL);
      values.put(GRADUAL, row.getDouble(GRADUAL) + shift);
    }
    if (window >= SUDDEN_FROM) {
      values.put(SUDDEN, row.getDouble(SUDDEN) + SUDDEN_SD * sd.get(SUDDEN));
    }
    return Record.of(values);
  }

  private static double std(double[] x) {
    double mean = java.util.Arrays.stream(x).average().orElse(0);
    double s = 0;
    for (double v : x) {
      s += (v - mean) * (v - mean);
    }
    return Math.sqrt(s / x.length);
  }

  /** The served model, left open when the monitor closes (the demo context owns it). */
  private record Borrowed(Model model) implements Model {
    @Override
    public String name() {
      return model.name();
    }

    @Override
    public String version() {
      return model.version();
    }

    @Override
    public ModelDescriptor describe() {
      return model.describe();
    }

    @Override
    public Prediction predict(Record record) {
      return model.predict(record);
    }

    @Override
    public void close() {
      // the demo context closes the model
    }
  }
}
