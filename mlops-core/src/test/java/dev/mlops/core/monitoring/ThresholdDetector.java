package dev.mlops.core.monitoring;

import dev.mlops.drift.DetectorSnapshot;
import dev.mlops.drift.DriftSignal;
import dev.mlops.drift.DriftState;
import dev.mlops.drift.StreamingDriftDetector;
import java.util.OptionalLong;

/**
 * A detector double: DRIFT for a value above the limit, else NONE; the statistic is the value.
 * Not thread-safe, as real detectors are not; counts its calls so a test can see the monitor
 * guards it.
 */
final class ThresholdDetector implements StreamingDriftDetector {
  private final double limit;
  private long count;
  private double last;
  private DriftState state = DriftState.NONE;

  ThresholdDetector(double limit) {
    this.limit = limit;
  }

  @Override
  public String name() {
    return "threshold";
  }

  @Override
  public DriftState add(double value) {
    count++;
    last = value;
    state = value > limit ? DriftState.DRIFT : DriftState.NONE;
    return state;
  }

  @Override
  public DriftSignal lastSignal() {
    if (count == 0) {
      throw new IllegalStateException("no value yet");
    }
    long index = count - 1;
    return state == DriftState.DRIFT
        ? new DriftSignal(state, index, OptionalLong.empty(), OptionalLong.of(index), last, limit)
        : DriftSignal.none(index, last, limit);
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
    state = DriftState.NONE;
  }

  @Override
  public DetectorSnapshot snapshot() {
    return new DetectorSnapshot("threshold", 1,
        "{\"type\":\"threshold\",\"formatVersion\":1,\"limit\":" + limit + "}");
  }
}
