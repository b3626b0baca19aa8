package dev.mlops.core.drift.streaming;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.drift.DetectorSnapshot;
import dev.mlops.drift.DriftState;
import java.util.Objects;

/**
 * HDDM-A (Frías-Blanco et al. 2015, the A-test): watches the mean of values in [0, 1] (an error
 * indicator or a bounded loss) with Hoeffding's bound. It keeps a cut point where the mean plus
 * its bound was lowest; when the mean of the values since that cut exceeds the mean before it by
 * more than the bound at {@code warningConfidence}, it warns, at {@code driftConfidence}, it
 * flags a drift. The estimated change start is the cut point. Two-sided on request (a mirrored
 * cut point watches a fall). After a drift the next value starts afresh, as in MOA.
 *
 * <p>Both modes follow MOA 2024.07's {@code HDDM_A_Test} step by step; MOA mode reports no
 * change start. Unlike MOA, values outside [0, 1] are rejected: the bound assumes them, and MOA
 * fed a N(0, 1) stream alarms hundreds of times.
 *
 * <p>Allocation-free; constant memory. Not thread-safe (see
 * {@link dev.mlops.drift.StreamingDriftDetector}).
 */
public final class HddmADetector extends AbstractDetector {
  /** Snapshot type name: {@value}. */
  public static final String TYPE = "hddm-a";
  /** Snapshot layout version: {@value}. */
  public static final int FORMAT_VERSION = 1;

  private final HddmAConfig config;
  // The logarithms of the bounds, computed once (the same doubles MOA computes per value).
  private final double logOneOverDrift;
  private final double logTwoOverDrift;
  private final double logTwoOverWarning;
  private long n;
  private double sum;
  private long nMin;
  private double sumMin;
  private long nMax;
  private double sumMax;
  private long runStart;
  private double statistic = Double.NaN;
  private double bound = Double.NaN;
  private long cutAt = -1;
  private boolean silentRestart;

  /** Creates a detector with {@code config}. */
  public HddmADetector(HddmAConfig config) {
    super(TYPE);
    this.config = Objects.requireNonNull(config, "config");
    this.logOneOverDrift = Math.log(1.0 / config.driftConfidence());
    this.logTwoOverDrift = Math.log(2.0 / config.driftConfidence());
    this.logTwoOverWarning = Math.log(2.0 / config.warningConfidence());
  }

  /** Creates a detector with the defaults. */
  public HddmADetector() {
    this(HddmAConfig.defaults());
  }

  /** Returns the configuration. */
  public HddmAConfig config() {
    return config;
  }

  @Override
  void checkValue(double value, long index) {
    Checks.unitInterval(TYPE, index, value);
  }

  @Override
  DriftState step(double value, long index) {
    if (state() == DriftState.DRIFT || n == 0 || silentRestart) {
      silentRestart = false;
      clear();
      runStart = index;
    }
    n++;
    sum += value;
    if (nMin == 0) {
      nMin = n;
      sumMin = sum;
    }
    if (nMax == 0) {
      nMax = n;
      sumMax = sum;
    }
    double epsilon = hoeffding(n);
    if (sumMin / nMin + hoeffding(nMin) >= sum / n + epsilon) {
      nMin = n;
      sumMin = sum;
    }
    if (sumMax / nMax - hoeffding(nMax) <= sum / n - epsilon) {
      nMax = n;
      sumMax = sum;
    }
    DriftState next = DriftState.NONE;
    cutAt = -1;
    statistic = Double.NaN;
    bound = Double.NaN;
    if (config.direction().watchesIncrease()) {
      next = test(sumMin, nMin, true);
    }
    if (config.direction().watchesDecrease() && config.moaCompatible()) {
      // MOA 2024.07's two-sided test restarts on a significant fall but reports neither the
      // drift nor a warning for it: the increase test's flags overwrite them.
      if (test(sumMax, nMax, false) == DriftState.DRIFT) {
        silentRestart = true;
      }
    } else if (config.direction().watchesDecrease()) {
      DriftState fall = test(sumMax, nMax, false);
      if (fall == DriftState.DRIFT || (fall == DriftState.WARNING && next == DriftState.NONE)) {
        next = fall;
      }
    }
    return next;
  }

  /** The A-test of the values after a cut against those before it. */
  private DriftState test(double cutSum, long cutN, boolean rise) {
    if (cutN == n) {
      return DriftState.NONE;
    }
    double m = (double) (n - cutN) / cutN * (1.0 / n);
    double difference = rise ? sum / n - cutSum / cutN : cutSum / cutN - sum / n;
    double driftBound = Math.sqrt(m / 2 * logTwoOverDrift);
    if (Double.isNaN(statistic) || difference - driftBound > statistic - bound) {
      statistic = difference;
      bound = driftBound;
    }
    if (difference >= driftBound) {
      cutAt = runStart + cutN;
      return DriftState.DRIFT;
    }
    if (difference >= Math.sqrt(m / 2 * logTwoOverWarning)) {
      cutAt = runStart + cutN;
      return DriftState.WARNING;
    }
    return DriftState.NONE;
  }

  private double hoeffding(long count) {
    return Math.sqrt(1.0 / (2 * count) * logOneOverDrift);
  }

  @Override
  long estimateChangeStart(long index, long warningStart) {
    return config.moaCompatible() ? -1 : cutAt;
  }

  /** Returns the difference of means after and before the cut point. */
  @Override
  double statistic() {
    return statistic;
  }

  /** Returns the drift bound that difference is compared with. */
  @Override
  double threshold() {
    return bound;
  }

  @Override
  void clear() {
    n = 0;
    sum = 0;
    nMin = 0;
    sumMin = 0;
    nMax = 0;
    sumMax = 0;
    runStart = 0;
    statistic = Double.NaN;
    bound = Double.NaN;
    cutAt = -1;
    silentRestart = false;
  }

  @Override
  void writeState(ObjectNode node) {
    node.put("n", n);
    node.put("sum", sum);
    node.put("n_min", nMin);
    node.put("sum_min", sumMin);
    node.put("n_max", nMax);
    node.put("sum_max", sumMax);
    node.put("run_start", runStart);
    node.put("statistic", Double.isNaN(statistic) ? null : statistic);
    node.put("bound", Double.isNaN(bound) ? null : bound);
    node.put("cut_at", cutAt);
    node.put("silent_restart", silentRestart);
  }

  @Override
  void readState(SnapshotDocument doc) {
    n = doc.stateLong("n");
    sum = doc.stateNumber("sum");
    nMin = doc.stateLong("n_min");
    sumMin = doc.stateNumber("sum_min");
    nMax = doc.stateLong("n_max");
    sumMax = doc.stateNumber("sum_max");
    runStart = doc.stateLong("run_start");
    statistic = doc.stateNumberOrNaN("statistic");
    bound = doc.stateNumberOrNaN("bound");
    cutAt = doc.stateLong("cut_at");
    silentRestart = doc.stateFlag("silent_restart");
  }

  @Override
  int formatVersion() {
    return FORMAT_VERSION;
  }

  @Override
  void writeConfig(ObjectNode node) {
    config.settings().forEach(node::put);
  }

  /**
   * Restores a detector with the configuration its snapshot holds.
   *
   * @throws dev.mlops.drift.SnapshotException if the snapshot is of another type, a newer
   *     version or malformed
   */
  public static HddmADetector restore(DetectorSnapshot snapshot) {
    Settings.Opened<HddmAConfig> o =
        Settings.open(snapshot, TYPE, FORMAT_VERSION, HddmAConfig::fromSettings);
    HddmADetector d = new HddmADetector(o.config());
    return d.restoreFrom(o.doc(), d);
  }

  /**
   * Restores a detector, insisting that its snapshot was taken with {@code expected}.
   *
   * @throws dev.mlops.drift.SnapshotException naming {@code config.<key>} if the
   *     configurations differ, or as {@link #restore(DetectorSnapshot)}
   */
  public static HddmADetector restore(DetectorSnapshot snapshot,
      HddmAConfig expected) {
    Settings.Opened<HddmAConfig> o =
        Settings.open(snapshot, TYPE, FORMAT_VERSION, HddmAConfig::fromSettings);
    o.requireConfig(expected, expected.settings(), o.config().settings());
    HddmADetector d = new HddmADetector(o.config());
    return d.restoreFrom(o.doc(), d);
  }
}
