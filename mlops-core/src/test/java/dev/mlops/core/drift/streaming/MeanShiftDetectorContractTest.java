package dev.mlops.core.drift.streaming;

import dev.mlops.drift.DetectorSnapshot;
import dev.mlops.drift.StreamingDriftDetector;
import dev.mlops.testkit.drift.StreamingDriftDetectorContractTest;

/**
 * The snapshot fixture passes the streaming kit; the real detectors (issue 14) extend the same
 * kit. Window 50, threshold 0.25: a shift of the error rate from 0.1 to 0.6 is flagged once the
 * window mean has moved half of it, about 25 values in.
 */
class MeanShiftDetectorContractTest extends StreamingDriftDetectorContractTest {
  @Override
  protected StreamingDriftDetector detector() {
    return new MeanShiftDetector(50, 0.25);
  }

  @Override
  protected StreamingDriftDetector restore(DetectorSnapshot snapshot) {
    return MeanShiftDetector.restore(snapshot);
  }
}
