package dev.mlops.core.drift.streaming;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.drift.DetectorSnapshot;
import dev.mlops.drift.DriftSignal;
import dev.mlops.drift.DriftState;
import dev.mlops.drift.StreamingDriftDetector;
import java.util.OptionalLong;

/**
 * Test double of a streaming detector: the mean of the first {@code window} values is the
 * reference; afterwards the statistic is |mean of the last {@code window} values - reference|,
 * WARNING above half the threshold, DRIFT above it. Small, but it has everything a real detector
 * must snapshot: config, counters, a ring buffer and a warning start. Not thread-safe.
 */
final class MeanShiftDetector implements StreamingDriftDetector {
  static final String TYPE = "test-mean-shift";
  static final int FORMAT_VERSION = 2;

  private final int window;
  private final double threshold;
  private final double[] ring;
  private long count;
  private double referenceSum;
  private double windowSum;
  private DriftState state = DriftState.NONE;
  private long warningStart = -1;
  private double statistic = Double.NaN;

  MeanShiftDetector(int window, double threshold) {
    this.window = window;
    this.threshold = threshold;
    this.ring = new double[window];
  }

  @Override
  public String name() {
    return TYPE;
  }

  @Override
  public DriftState add(double value) {
    long i = count++;
    if (i < window) {
      referenceSum += value;
      ring[(int) i] = value;
      windowSum += value;
      return state;
    }
    int slot = (int) (i % window);
    windowSum += value - ring[slot];
    ring[slot] = value;
    statistic = Math.abs(windowSum / window - referenceSum / window);
    DriftState next = statistic > threshold ? DriftState.DRIFT
        : statistic > threshold / 2 ? DriftState.WARNING : DriftState.NONE;
    if (next == DriftState.NONE) {
      warningStart = -1;
    } else if (warningStart < 0) {
      warningStart = i;
    }
    state = next;
    return state;
  }

  @Override
  public DriftSignal lastSignal() {
    if (count == 0) {
      throw new IllegalStateException("no value added yet");
    }
    long index = count - 1;
    double t = count > window ? threshold : Double.NaN;
    if (state == DriftState.NONE) {
      return DriftSignal.none(index, statistic, t);
    }
    long changeStart = Math.max(warningStart - window + 1, 0);
    return new DriftSignal(state, index, OptionalLong.of(warningStart),
        OptionalLong.of(changeStart), statistic, t);
  }

  @Override
  public DriftState state() {
    return state;
  }

  @Override
  public long count() {
    return count;
  }

  @Override
  public void reset() {
    count = 0;
    referenceSum = 0;
    windowSum = 0;
    state = DriftState.NONE;
    warningStart = -1;
    statistic = Double.NaN;
  }

  @Override
  public DetectorSnapshot snapshot() {
    ObjectNode config = SnapshotDocument.object();
    config.put("window", window);
    config.put("threshold", threshold);
    ObjectNode s = SnapshotDocument.object();
    s.put("count", count);
    s.put("reference_sum", referenceSum);
    s.put("window_sum", windowSum);
    s.put("state", state.name());
    s.put("warning_start", warningStart);
    s.put("statistic", count > window ? statistic : 0.0); // NaN is not JSON
    SnapshotDocument.putNumbers(s, "ring", ring, 0, ring.length);
    return SnapshotDocument.write(TYPE, FORMAT_VERSION, config, s);
  }

  /** Restores with the snapshot's own configuration. */
  static MeanShiftDetector restore(DetectorSnapshot snapshot) {
    SnapshotDocument doc = SnapshotDocument.read(snapshot, TYPE, FORMAT_VERSION);
    MeanShiftDetector d =
        new MeanShiftDetector((int) doc.configLong("window"), doc.configNumber("threshold"));
    d.count = doc.stateLong("count");
    d.referenceSum = doc.stateNumber("reference_sum");
    d.windowSum = doc.stateNumber("window_sum");
    d.state = DriftState.valueOf(doc.stateText("state"));
    d.warningStart = doc.stateLong("warning_start");
    d.statistic = d.count > d.window ? doc.stateNumber("statistic") : Double.NaN;
    double[] ring = doc.stateNumbers("ring");
    System.arraycopy(ring, 0, d.ring, 0, d.window);
    return d;
  }

  /** Restores, insisting on the configuration the caller runs with. */
  static MeanShiftDetector restore(DetectorSnapshot snapshot, int window, double threshold) {
    SnapshotDocument doc = SnapshotDocument.read(snapshot, TYPE, FORMAT_VERSION);
    SnapshotDocument.requireSameConfig("window", window, doc.configLong("window"));
    SnapshotDocument.requireSameConfig("threshold", threshold, doc.configNumber("threshold"));
    return restore(snapshot);
  }
}
