package dev.mlops.cli.demo;

import dev.mlops.core.drift.streaming.StreamingDetectors;
import dev.mlops.drift.DriftSignal;
import dev.mlops.drift.DriftState;
import dev.mlops.drift.StreamingDriftDetector;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Watches a simulated stream of the served model's prediction errors, as a service would, with
 * ADWIN, DDM and HDDM-A: the error rate rises from 8% to 20% at prediction 3000 (a new elevator
 * opens and couriers take other routes). Seeded by the demo seed, so a run repeats.
 */
final class StreamingDriftStep implements DemoStep {
  /** Predictions simulated: {@value}. */
  static final int LENGTH = 6000;
  /** Where the error rate rises: {@value}. */
  static final int CHANGE_AT = 3000;

  @Override
  public String title() {
    return "Streaming drift: watch the prediction errors one by one";
  }

  @Override
  public void run(DemoContext context) {
    SplittableRandom random = new SplittableRandom(context.seed());
    double[] errors = new double[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      errors[i] = random.nextDouble() < (i < CHANGE_AT ? 0.08 : 0.20) ? 1 : 0;
    }
    var out = context.out();
    out.printf(Locale.ROOT, "%d predictions, error rate 8%% then 20%% from prediction %d%n",
        LENGTH, CHANGE_AT);
    List<List<String>> rows = new java.util.ArrayList<>();
    for (String type : new String[] {"adwin", "ddm", "hddm-a"}) {
      StreamingDriftDetector d = StreamingDetectors.create(type, Map.of());
      DriftSignal first = null;
      for (double e : errors) {
        DriftSignal s = d.update(e);
        if (first == null && s.state() == DriftState.DRIFT && s.index() >= CHANGE_AT) {
          first = s;
        }
      }
      out.printf(Locale.ROOT, "  %-7s %s%n", type, first == null ? "no drift flagged"
          : String.format(Locale.ROOT, "drift flagged at prediction %d, change began near %s",
              first.index(), first.changeStart().isPresent()
                  ? String.valueOf(first.changeStart().getAsLong()) : "?"));
      rows.add(List.of(type, first == null ? "none" : Long.toString(first.index()),
          first == null || first.changeStart().isEmpty() ? "?" : Long.toString(first.changeStart().getAsLong())));
    }
    context.dashboard().section("monitoring", "6. Monitoring")
        .heading(String.format(Locale.ROOT, "Streaming drift on the prediction errors: 8%% then 20%% from prediction %d",
            CHANGE_AT))
        .table(List.of("detector", "drift flagged at prediction", "change began near"), rows);
    out.println("  (./mlops stream-drift runs the same detectors over a CSV column)");
  }
}
