package dev.mlops.core.drift.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.testkit.KitRunner;
import dev.mlops.drift.DetectorSnapshot;
import dev.mlops.drift.StreamingDriftDetector;
import dev.mlops.testkit.drift.StreamingDriftDetectorContractTest;
import org.junit.jupiter.api.Test;

/** The streaming kit fails a detector whose restore forgets and one that reacts too late. */
class StreamingDriftDetectorKitTest {

  /** Restores a fresh detector: a restart loses everything the old one saw. */
  static class ForgetfulRestoreKit extends StreamingDriftDetectorContractTest {
    @Override
    protected StreamingDriftDetector detector() {
      return new MeanShiftDetector(50, 0.25);
    }

    @Override
    protected StreamingDriftDetector restore(DetectorSnapshot snapshot) {
      return new MeanShiftDetector(50, 0.25);
    }
  }

  /** A threshold no mean of 0/1 values can pass by more than 1: the change is never flagged. */
  static class DeafKit extends StreamingDriftDetectorContractTest {
    @Override
    protected StreamingDriftDetector detector() {
      return new MeanShiftDetector(50, 1.0);
    }

    @Override
    protected StreamingDriftDetector restore(DetectorSnapshot snapshot) {
      return MeanShiftDetector.restore(snapshot);
    }
  }

  @Test
  void failsARestoreThatLosesTheState() {
    KitRunner.Result result = KitRunner.run(ForgetfulRestoreKit.class);
    assertThat(result.failed()).isEqualTo(1);
    assertThat(result.failures()).singleElement().asString()
        .startsWith("aRestoredDetectorContinuesExactlyAsTheOriginal()")
        .contains("count restored at 1");
  }

  @Test
  void failsADetectorThatMissesTheChange() {
    KitRunner.Result result = KitRunner.run(DeafKit.class);
    assertThat(result.failures()).singleElement().asString()
        .startsWith("flagsTheChangeWithinItsDelayAndNotBefore()")
        .contains("to drift within 300 values of index 1000 but it never drifted in 2000 values");
  }
}
