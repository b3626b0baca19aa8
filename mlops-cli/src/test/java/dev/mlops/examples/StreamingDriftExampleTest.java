package dev.mlops.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.drift.streaming.AdwinDetector;
import dev.mlops.core.drift.streaming.DetectorSnapshots;
import dev.mlops.core.drift.streaming.HddmAConfig;
import dev.mlops.core.drift.streaming.HddmADetector;
import dev.mlops.core.drift.streaming.StreamingDetectors;
import dev.mlops.drift.DriftSignal;
import dev.mlops.drift.DriftState;
import dev.mlops.drift.StreamingDriftDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The README's "Streaming drift" example (docs/drift-streaming.md), kept compiling and true. */
class StreamingDriftExampleTest {
  private final List<Long> retrainedFrom = new ArrayList<>();

  private void retrain(OptionalLong changeStart) {
    retrainedFrom.add(changeStart.orElseThrow());
  }

  @Test
  void detectorsFlagTheErrorRateJumpAndSurviveARestart() {
    Random random = new Random(42);
    double[] errors = new double[4_000];
    for (int i = 0; i < errors.length; i++) {
      errors[i] = random.nextDouble() < (i < 2_000 ? 0.05 : 0.30) ? 1 : 0;
    }

    // README: streaming drift
    StreamingDriftDetector d = new AdwinDetector();                    // defaults
    StreamingDriftDetector moa = new HddmADetector(HddmAConfig.moa()); // MOA 2024.07's behaviour
    StreamingDriftDetector tuned = StreamingDetectors.create("ddm", Map.of("driftLevel", "2.5"));
    for (double error : errors) {
      if (d.add(error) == DriftState.DRIFT) {            // allocation-free hot path
        DriftSignal s = d.lastSignal();                  // index, changeStart, delay(), statistic
        retrain(s.changeStart());
      }
    }
    String stored = d.snapshot().json();                 // versioned JSON; restore after a restart:
    StreamingDriftDetector again = StreamingDetectors.registry().restore(DetectorSnapshots.parse(stored));

    assertThat(retrainedFrom).isNotEmpty();
    assertThat(retrainedFrom.get(0)).as("ADWIN dates the change to its window start").isLessThan(2_400L);
    assertThat(again.snapshot().json()).isEqualTo(stored);
    assertThat(moa.add(0)).isEqualTo(DriftState.NONE);
    assertThat(tuned.add(0)).isEqualTo(DriftState.NONE);
  }
}
