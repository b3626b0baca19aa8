package dev.mlops.core.drift.streaming;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.drift.DetectorSnapshot;
import dev.mlops.drift.DriftState;
import java.util.Objects;

/**
 * DDM (Gama et al. 2004): watches an error rate {@code p} (values in [0, 1], 1 = error) with its
 * binomial standard deviation {@code s = sqrt(p (1 - p) / n)}, remembers the point where
 * {@code p + s} was lowest, and enters the warning zone when {@code p + s} exceeds that
 * {@code p_min + warningLevel * s_min}, a drift above {@code p_min + driftLevel * s_min}. The
 * estimated change start is where the warning zone began (the paper's "context"), else the
 * drift itself. After a drift the next value starts afresh, as in MOA.
 *
 * <p>Both modes follow MOA 2024.07's {@code DDM} step by step, including its warm-up count
 * (the tests are made from the {@code minInstances - 1}-th value on, and the minimum is only
 * tracked from then); MOA mode reports no change start.
 *
 * <p>Values outside [0, 1] are rejected. Allocation-free; constant memory. Not thread-safe (see
 * {@link dev.mlops.drift.StreamingDriftDetector}).
 */
public final class DdmDetector extends AbstractDetector {
  /** Snapshot type name: {@value}. */
  public static final String TYPE = "ddm";
  /** Snapshot layout version: {@value}. */
  public static final int FORMAT_VERSION = 1;

  private final DdmConfig config;
  private long n = 1;
  private double p = 1;
  private double s;
  private double psMin = Double.MAX_VALUE;
  private double pMin = Double.MAX_VALUE;
  private double sMin = Double.MAX_VALUE;
  private double statistic = Double.NaN;

  /** Creates a detector with {@code config}. */
  public DdmDetector(DdmConfig config) {
    super(TYPE);
    this.config = Objects.requireNonNull(config, "config");
  }

  /** Creates a detector with the defaults. */
  public DdmDetector() {
    this(DdmConfig.defaults());
  }

  /** Returns the configuration. */
  public DdmConfig config() {
    return config;
  }

  /** Returns the current error-rate estimate. */
  public double errorRate() {
    return n > 1 ? p : 0;
  }

  @Override
  void checkValue(double value, long index) {
    Checks.unitInterval(TYPE, index, value);
  }

  @Override
  DriftState step(double value, long index) {
    if (state() == DriftState.DRIFT) {
      clear();
    }
    p = p + (value - p) / (double) n;
    s = Math.sqrt(p * (1 - p) / (double) n);
    n++;
    if (n < config.minInstances()) {
      statistic = Double.NaN;
      return DriftState.NONE;
    }
    if (p + s <= psMin) {
      pMin = p;
      sMin = s;
      psMin = p + s;
    }
    statistic = p + s;
    if (n > config.minInstances() && p + s > pMin + config.driftLevel() * sMin) {
      return DriftState.DRIFT;
    }
    if (p + s > pMin + config.warningLevel() * sMin) {
      return DriftState.WARNING;
    }
    return DriftState.NONE;
  }

  @Override
  long estimateChangeStart(long index, long warningStart) {
    return config.moaCompatible() ? -1 : warningStart >= 0 ? warningStart : index;
  }

  /** Returns {@code p + s}. */
  @Override
  double statistic() {
    return statistic;
  }

  /** Returns the drift level {@code p_min + driftLevel * s_min}. */
  @Override
  double threshold() {
    return Double.isNaN(statistic) ? Double.NaN : pMin + config.driftLevel() * sMin;
  }

  @Override
  void clear() {
    n = 1;
    p = 1;
    s = 0;
    psMin = Double.MAX_VALUE;
    pMin = Double.MAX_VALUE;
    sMin = Double.MAX_VALUE;
    statistic = Double.NaN;
  }

  @Override
  void writeState(ObjectNode node) {
    node.put("n", n);
    node.put("p", p);
    node.put("s", s);
    node.put("ps_min", psMin);
    node.put("p_min", pMin);
    node.put("s_min", sMin);
    node.put("statistic", Double.isNaN(statistic) ? null : statistic);
  }

  @Override
  void readState(SnapshotDocument doc) {
    n = doc.stateLong("n");
    p = doc.stateNumber("p");
    s = doc.stateNumber("s");
    psMin = doc.stateNumber("ps_min");
    pMin = doc.stateNumber("p_min");
    sMin = doc.stateNumber("s_min");
    statistic = doc.stateNumberOrNaN("statistic");
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
  public static DdmDetector restore(DetectorSnapshot snapshot) {
    Settings.Opened<DdmConfig> o =
        Settings.open(snapshot, TYPE, FORMAT_VERSION, DdmConfig::fromSettings);
    DdmDetector d = new DdmDetector(o.config());
    return d.restoreFrom(o.doc(), d);
  }

  /**
   * Restores a detector, insisting that its snapshot was taken with {@code expected}.
   *
   * @throws dev.mlops.drift.SnapshotException naming {@code config.<key>} if the
   *     configurations differ, or as {@link #restore(DetectorSnapshot)}
   */
  public static DdmDetector restore(DetectorSnapshot snapshot,
      DdmConfig expected) {
    Settings.Opened<DdmConfig> o =
        Settings.open(snapshot, TYPE, FORMAT_VERSION, DdmConfig::fromSettings);
    o.requireConfig(expected, expected.settings(), o.config().settings());
    DdmDetector d = new DdmDetector(o.config());
    return d.restoreFrom(o.doc(), d);
  }
}
