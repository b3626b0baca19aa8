package dev.mlops.core.drift.streaming;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.drift.DetectorSnapshot;
import dev.mlops.drift.DriftSignal;
import dev.mlops.drift.DriftState;
import dev.mlops.drift.SnapshotException;
import dev.mlops.drift.StreamingDriftDetector;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * What every detector of this package shares: the index counter, the state machine (warning
 * start, change start), the bad-input policy and the common part of the snapshot. A subclass
 * implements {@link #step(double, long)} and its own state fields. Not thread-safe.
 */
abstract class AbstractDetector implements StreamingDriftDetector {
  private final String type;
  private long count;
  private DriftState state = DriftState.NONE;
  private long warningStart = -1;
  private long changeStart = -1;

  AbstractDetector(String type) {
    this.type = type;
  }

  @Override
  public final String name() {
    return type;
  }

  @Override
  public final DriftState add(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s: value at index %d is %s; only finite values are accepted (detector unchanged)",
          type, count, value));
    }
    checkValue(value, count);
    long index = count;
    DriftState next = step(value, index);
    count = index + 1;
    if (next == DriftState.NONE) {
      warningStart = -1;
      changeStart = -1;
    } else {
      if (next == DriftState.WARNING && state != DriftState.WARNING) {
        warningStart = index;
      }
      changeStart = Math.min(Math.max(estimateChangeStart(index, warningStart), -1), index);
    }
    state = next;
    return next;
  }

  /**
   * Rejects a value outside the detector's domain before any state changes; by default every
   * finite value is accepted.
   */
  void checkValue(double value, long index) {}

  /**
   * Adds one value and returns the new state. The previous state is {@link #state()}; detectors
   * that start afresh after a drift do so here, when the next value arrives, as MOA does.
   */
  abstract DriftState step(double value, long index);

  /**
   * Estimates where the change began, called when the state is not NONE; -1 when unknown.
   *
   * @param warningStart where the current warning zone began, -1 if none
   */
  abstract long estimateChangeStart(long index, long warningStart);

  /** The test statistic after the latest value, NaN during warm-up. */
  abstract double statistic();

  /** The value the statistic is compared with, NaN during warm-up. */
  abstract double threshold();

  /** Forgets the subclass's statistics (the base has already cleared its own). */
  abstract void clear();

  /** Writes the configuration into a snapshot. */
  abstract void writeConfig(ObjectNode config);

  /** Writes the subclass's state into a snapshot. */
  abstract void writeState(ObjectNode state);

  /** Reads the subclass's state back from a snapshot written by {@link #writeState}. */
  abstract void readState(SnapshotDocument doc);

  abstract int formatVersion();

  @Override
  public final DriftSignal lastSignal() {
    if (count == 0) {
      throw new IllegalStateException(type + ": no value added since creation or reset");
    }
    long index = count - 1;
    if (state == DriftState.NONE) {
      return DriftSignal.none(index, statistic(), threshold());
    }
    return new DriftSignal(state, index, optional(warningStart), optional(changeStart),
        statistic(), threshold());
  }

  private static OptionalLong optional(long i) {
    return i < 0 ? OptionalLong.empty() : OptionalLong.of(i);
  }

  @Override
  public final DriftState state() {
    return state;
  }

  @Override
  public final long count() {
    return count;
  }

  @Override
  public final void reset() {
    count = 0;
    state = DriftState.NONE;
    warningStart = -1;
    changeStart = -1;
    clear();
  }

  @Override
  public final DetectorSnapshot snapshot() {
    ObjectNode config = SnapshotDocument.object();
    writeConfig(config);
    ObjectNode s = SnapshotDocument.object();
    s.put("count", count);
    s.put("state", state.name());
    s.put("warning_start", warningStart);
    s.put("change_start", changeStart);
    writeState(s);
    return SnapshotDocument.write(type, formatVersion(), config, s);
  }

  /** Restores the common state and then the subclass's; returns {@code this}. */
  final <D extends AbstractDetector> D restoreFrom(SnapshotDocument doc, D self) {
    count = nonNegative(doc, "count");
    state = doc.stateEnum("state", DriftState.class);
    warningStart = doc.stateLong("warning_start");
    changeStart = doc.stateLong("change_start");
    readState(doc);
    return self;
  }

  private static long nonNegative(SnapshotDocument doc, String field) {
    long v = doc.stateLong(field);
    if (v < 0) {
      throw new SnapshotException("state." + field, ">= 0", String.valueOf(v));
    }
    return v;
  }
}
