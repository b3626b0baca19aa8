package dev.mlops.core.drift.streaming;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.drift.DriftState;

/**
 * The cumulative sums Page-Hinkley and CUSUM share: the running mean of the values since the
 * last restart, and for each watched direction a sum of deviations from it (faded by
 * {@code alpha}, or clamped at zero for CUSUM) with its running minimum. Not thread-safe.
 */
final class MeanDeviationSums {
  private final Direction direction;
  private final double delta;
  private final double threshold;
  private final int minInstances;
  private final boolean moa;
  private final double alpha;
  private final boolean clamped;

  private long seen;
  private double mean;
  private final Side up = new Side();
  private final Side down = new Side();
  private double statistic = Double.NaN;
  private long changeStart = -1;

  /** One direction's sum and its lowest point. */
  private static final class Side {
    double sum;
    double min;
    long minIndex = -1;
  }

  MeanDeviationSums(Direction direction, double delta, double threshold, int minInstances,
      boolean moa, double alpha, boolean clamped) {
    this.direction = direction;
    this.delta = delta;
    this.threshold = threshold;
    this.minInstances = minInstances;
    this.moa = moa;
    this.alpha = alpha;
    this.clamped = clamped;
  }

  DriftState step(double x, long index, boolean restart) {
    if (restart || seen == 0) {
      restart(index);
    }
    seen++;
    mean = mean + (x - mean) / (double) seen;
    if (direction.watchesIncrease()) {
      up.sum = clamped ? Math.max(0, up.sum + x - mean - delta)
          : alpha * up.sum + (x - mean - delta);
      track(up, index);
    }
    if (direction.watchesDecrease()) {
      down.sum = clamped ? Math.max(0, down.sum - x + mean - delta)
          : alpha * down.sum + (mean - x - delta);
      track(down, index);
    }
    // MOA counts from 1 before the first value, so its warm-up ends one value earlier.
    boolean warm = moa ? seen + 1 >= minInstances : seen >= minInstances;
    if (!warm) {
      statistic = Double.NaN;
      return DriftState.NONE;
    }
    double upStat = direction.watchesIncrease() ? excess(up) : Double.NEGATIVE_INFINITY;
    double downStat = direction.watchesDecrease() ? excess(down) : Double.NEGATIVE_INFINITY;
    statistic = Math.max(upStat, downStat);
    if (statistic > threshold) {
      Side side = upStat >= downStat ? up : down;
      changeStart = side.minIndex + 1;
      return DriftState.DRIFT;
    }
    changeStart = -1;
    return DriftState.NONE;
  }

  /** MOA's Page-Hinkley compares the faded sum itself; the test proper, its rise above the min. */
  private double excess(Side s) {
    return moa ? s.sum : s.sum - s.min;
  }

  private static void track(Side s, long index) {
    if (s.sum <= s.min) {
      s.min = s.sum;
      s.minIndex = index;
    }
  }

  private void restart(long index) {
    seen = 0;
    mean = 0;
    restart(up, index);
    restart(down, index);
  }

  private static void restart(Side s, long index) {
    s.sum = 0;
    s.min = 0;
    s.minIndex = index - 1;
  }

  long changeStart() {
    return changeStart;
  }

  double statistic() {
    return statistic;
  }

  double threshold() {
    return Double.isNaN(statistic) ? Double.NaN : threshold;
  }

  void clear() {
    seen = 0;
    mean = 0;
    restart(up, 0);
    restart(down, 0);
    statistic = Double.NaN;
    changeStart = -1;
  }

  void write(ObjectNode node) {
    node.put("seen", seen);
    node.put("mean", mean);
    node.put("up_sum", up.sum);
    node.put("up_min", up.min);
    node.put("up_min_index", up.minIndex);
    node.put("down_sum", down.sum);
    node.put("down_min", down.min);
    node.put("down_min_index", down.minIndex);
    node.put("statistic", Double.isNaN(statistic) ? null : statistic);
    node.put("sums_change_start", changeStart);
  }

  void read(SnapshotDocument doc) {
    seen = doc.stateLong("seen");
    mean = doc.stateNumber("mean");
    up.sum = doc.stateNumber("up_sum");
    up.min = doc.stateNumber("up_min");
    up.minIndex = doc.stateLong("up_min_index");
    down.sum = doc.stateNumber("down_sum");
    down.min = doc.stateNumber("down_min");
    down.minIndex = doc.stateLong("down_min_index");
    statistic = doc.stateNumberOrNaN("statistic");
    changeStart = doc.stateLong("sums_change_start");
  }
}
