package dev.mlops.cli.demo;

import dev.mlops.cli.dashboard.Chart;
import dev.mlops.cli.dashboard.Dashboard;
import dev.mlops.cli.dashboard.LineChart;
import dev.mlops.core.deployment.RolloutController;
import dev.mlops.data.Dataset;
import dev.mlops.data.Record;
import dev.mlops.deployment.GatesEvaluated;
import dev.mlops.deployment.PairedAccuracyTest;
import dev.mlops.deployment.RolloutPlan;
import dev.mlops.deployment.RolloutState;
import dev.mlops.deployment.RolloutStatus;
import dev.mlops.deployment.RolloutStep;
import dev.mlops.deployment.RolloutTransition;
import dev.mlops.deployment.ShadowDisagreement;
import dev.mlops.deployment.ShadowReport;
import dev.mlops.model.Model;
import dev.mlops.model.ModelDescriptor;
import dev.mlops.model.Prediction;
import dev.mlops.model.PredictionRequest;
import dev.mlops.onnx.OnnxModel;
import dev.mlops.scoping.KeyMetrics;
import dev.mlops.scoping.Objectives;
import dev.mlops.time.MlopsClock;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rolls two candidates out against the served model through shadow, 5 %, 50 % and 100 %, replaying
 * the bundled rows as keyed traffic with their labels: a subtly wrong candidate (right on most
 * patients, but calling every tumour in the top {@value #SEGMENT_PERCENT} % of {@code worst_area}
 * benign) is rolled back automatically in shadow with the reason; an equivalent re-export is
 * promoted step by step. Deterministic: shadow copies run on the replaying thread and time comes
 * from a fixed clock.
 */
final class DeploymentStep implements DemoStep {
  static final int SEGMENT_PERCENT = 8;
  private static final String LABEL = "diagnosis";

  static final RolloutPlan PLAN = RolloutPlan.builder()
      .step(RolloutStep.shadow(300))
      .step(RolloutStep.canary(500, 60))
      // 600, not 200: the two arms of a 50 % canary see different patients; at about 2 % error the
      // accuracy difference of two 200-request arms has a standard error near 0.013, so an equal
      // candidate misses the 0.02 margin by chance (seed 7 did); with 600 it is near 0.008
      .step(RolloutStep.canary(5_000, 600))
      .step(RolloutStep.unanalysed(10_000))
      .gates(Objectives.builder()
          .atLeast(KeyMetrics.SHADOW_AGREEMENT, 0.97, 200)
          .atMost(KeyMetrics.ERROR_RATE, 0.01)
          .atLeastRelative(KeyMetrics.ACCURACY, -0.02, 50)
          .build())
      .build();

  @Override
  public String title() {
    return "Deployment: shadow, canary and gates roll a subtly wrong candidate back and promote a good one";
  }

  @Override
  public void run(DemoContext context) throws Exception {
    OnnxModel primary = context.get(OnnxServingStep.MODEL);
    Dataset data = context.dataset();
    double cut = percentile(data.numeric("worst_area").toArray(), 100 - SEGMENT_PERCENT);
    PrintWriter out = context.out();
    out.printf(Locale.ROOT, "plan: shadow 300 -> 5%% (60 candidate requests) -> 50%% (600) -> 100%%; gates: %s%n",
        PLAN.gates().objectives());

    Model wrong = new Relabelling(primary, "v2-large-tumours-benign",
        r -> r.getDouble("worst_area") > cut ? "benign" : null);
    Timeline badTimeline = new Timeline(wrong.version());
    RolloutStatus bad = rollout(context, primary, wrong, data, "wrong", badTimeline);
    out.printf(Locale.ROOT, "candidate %s: %s at step %d%n  reason: %s%n", wrong.version(), bad.state(),
        bad.step(), bad.reason());
    Model good = new Relabelling(primary, "v2-reexport", r -> null);
    Timeline goodTimeline = new Timeline(good.version());
    RolloutStatus promoted = rollout(context, primary, good, data, "good", goodTimeline);
    out.printf(Locale.ROOT, "candidate %s: %s%n", good.version(), promoted.state());
    context.writeJson("rollout.json", List.of(badTimeline.summary(bad), goodTimeline.summary(promoted)));
    out.println("journals: rollout-wrong.journal, rollout-good.journal; timeline: rollout.json");

    Dashboard.Section section = context.dashboard().section("deployment", "5. Deployment");
    section.text(String.format(Locale.ROOT, "Plan: shadow 300 requests, canary 5%% (60 candidate requests), "
        + "canary 50%% (600), then 100%%. Gates: %s.", PLAN.gates().objectives()));
    section.text(String.format(Locale.ROOT, "%s: %s at step %d. Reason: %s", wrong.version(), bad.state(),
        bad.step(), bad.reason()));
    section.text(String.format(Locale.ROOT, "%s: %s.", good.version(), promoted.state()));
    section.chart(badTimeline.chart("rollout-wrong", bad));
    section.chart(goodTimeline.chart("rollout-good", promoted));
    List<List<String>> rows = new ArrayList<>();
    badTimeline.gates.forEach(g -> rows.add(g.row(wrong.version())));
    goodTimeline.gates.forEach(g -> rows.add(g.row(good.version())));
    section.table(List.of("candidate", "step", "after request", "verdict", "gates"), rows);
  }

  /** One gate evaluation on the timeline. */
  private record Gate(long request, int step, String overall, String verdicts) {
    List<String> row(String candidate) {
      return List.of(candidate, Integer.toString(step), Long.toString(request), overall, verdicts);
    }
  }

  /** The traffic weight over requests and the gate verdicts of one rollout, for rollout.json and the chart. */
  private static final class Timeline {
    final String candidate;
    final List<double[]> weights = new ArrayList<>();
    final List<Gate> gates = new ArrayList<>();
    long requests;

    Timeline(String candidate) {
      this.candidate = candidate;
      weights.add(new double[] {0, 0});
    }

    void weight(int weightBps) {
      weights.add(new double[] {requests, weightBps / 100.0});
    }

    Map<String, Object> summary(RolloutStatus status) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("candidate", candidate);
      m.put("state", status.state().toString());
      m.put("step", status.step());
      m.put("reason", status.reason());
      m.put("requests", requests);
      m.put("weights", weights.stream().map(w -> Map.of("request", (long) w[0], "percent", w[1])).toList());
      m.put("gates", gates.stream().map(g -> Map.of("request", g.request, "step", g.step, "overall", g.overall,
          "verdicts", g.verdicts)).toList());
      return m;
    }

    Chart chart(String id, RolloutStatus status) {
      double[] x = new double[weights.size() + 1];
      double[] y = new double[weights.size() + 1];
      for (int i = 0; i < weights.size(); i++) {
        x[i] = weights.get(i)[0];
        y[i] = weights.get(i)[1];
      }
      x[weights.size()] = requests;
      y[weights.size()] = status.state() == RolloutState.ROLLED_BACK ? 0 : y[weights.size() - 1];
      LineChart chart = LineChart.builder(id, "Rollout timeline of " + candidate)
          .axes("requests served", "candidate traffic (%)").yRange(0, 100)
          .description(String.format(Locale.ROOT, "Candidate traffic weight over the requests served, with a "
              + "marker per gate evaluation (circle: pass, triangle: fail); final state %s at step %d.",
              status.state(), status.step()))
          .steps("candidate traffic %", x, y);
      for (Gate g : gates) {
        chart.marker(g.request, "step " + g.step + " gates " + g.overall + ": " + g.verdicts,
            "PASS".equals(g.overall) ? LineChart.Mark.PASS : "FAIL".equals(g.overall) ? LineChart.Mark.ALERT
                : LineChart.Mark.INFO);
      }
      if (status.state() == RolloutState.ROLLED_BACK) {
        chart.marker(requests, "rolled back: " + status.reason(), LineChart.Mark.ALERT);
      }
      return chart.build();
    }
  }

  private RolloutStatus rollout(DemoContext context, OnnxModel primary, Model candidate, Dataset data, String tag,
      Timeline timeline) throws java.io.IOException {
    PrintWriter out = context.out();
    MlopsClock clock = fixedClock();
    Path journal = context.outputDir().resolve("rollout-" + tag + ".journal");
    // a journal left by an earlier demo in the same folder would resume that rollout
    Files.deleteIfExists(journal);
    try (RolloutController rollout = RolloutController.builder("demo-" + tag, PLAN, primary, candidate)
        .clock(clock).salt("demo-" + context.seed()).shadowExecutor(Runnable::run).labelsExpected(true)
        .journal(journal).build()) {
      rollout.events().onEvent(GatesEvaluated.class, g -> {
        String verdicts = g.verdicts().stream().map(v -> v.objective().metric() + " " + v.verdict())
            .collect(java.util.stream.Collectors.joining(", "));
        out.printf(Locale.ROOT, "  step %d gates %s after %d requests (%d to the candidate): %s%n", g.step(),
            g.overall(), g.requests(), g.candidateRequests(), verdicts);
        timeline.gates.add(new Gate(timeline.requests, g.step(), g.overall().toString(), verdicts));
      });
      rollout.events().onEvent(RolloutTransition.class, t -> {
        if (t.kind() == RolloutTransition.Kind.STEP_STARTED) {
          out.printf(Locale.ROOT, "  -> step %d (%s)%n", t.step(), PLAN.step(t.step()).describe());
          timeline.weight(PLAN.step(t.step()).weightBps());
        }
      });
      ShadowReport shadow = null;
      for (long i = 0; rollout.status().state() == RolloutState.RUNNING && i < 20_000; i++) {
        Record row = data.row((int) (i % data.rowCount()));
        String id = tag + "-" + i;
        rollout.serve(PredictionRequest.builder(row).requestId(id).routingKey("patient-" + i).clock(clock).build());
        rollout.label(id, row.getString(LABEL));
        timeline.requests = i + 1;
        if (rollout.status().step() == 0) {
          shadow = rollout.shadowReport();
        }
      }
      if (shadow != null && rollout.status().state() == RolloutState.ROLLED_BACK) {
        printShadow(out, shadow);
      }
      return rollout.status();
    }
  }

  private static void printShadow(PrintWriter out, ShadowReport r) {
    out.printf(Locale.ROOT, "  shadow: agreement %.3f (95%% CI %.3f-%.3f) on %d requests%n", r.agreement(),
        r.agreementInterval().orElseThrow().lower(), r.agreementInterval().orElseThrow().upper(), r.compared());
    for (ShadowDisagreement d : r.disagreements().subList(0, Math.min(2, r.disagreements().size()))) {
      out.printf(Locale.ROOT, "  disagreement %s: worst_area %.0f, primary %s, candidate %s%n", d.requestId(),
          d.features().getDouble("worst_area"), d.primary().label().orElse("?"),
          d.candidate().flatMap(Prediction::label).orElse("failed"));
    }
    r.pairedAccuracy().ifPresent((PairedAccuracyTest t) -> out.printf(Locale.ROOT,
        "  McNemar: primary alone right %d, candidate alone right %d, p = %.2g%n",
        t.primaryOnlyCorrect(), t.candidateOnlyCorrect(), t.pValue()));
  }

  private static MlopsClock fixedClock() {
    AtomicLong nanos = new AtomicLong();
    return MlopsClock.of(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), nanos::get);
  }

  private static double percentile(double[] values, double p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(p / 100 * sorted.length))];
  }

  /** The served model, except that a rule overrides its label on some inputs. */
  private static final class Relabelling implements Model {
    private final Model base;
    private final String version;
    private final java.util.function.Function<Record, String> override;

    Relabelling(Model base, String version, java.util.function.Function<Record, String> override) {
      this.base = base;
      this.version = version;
      this.override = override;
    }

    @Override
    public String name() {
      return base.name();
    }

    @Override
    public String version() {
      return version;
    }

    @Override
    public ModelDescriptor describe() {
      return base.describe();
    }

    @Override
    public Prediction predict(Record record) {
      Prediction p = base.predict(record);
      String label = override.apply(record);
      if (label == null) {
        return new Prediction(p.label(), p.score(), p.probabilities(), version, p.latency());
      }
      return Prediction.classification(label, p.probabilities(), version, p.latency());
    }

    @Override
    public void close() {
      // the base model belongs to the demo context, which closes it
    }
  }
}
