package dev.mlops.core.drift.streaming;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.drift.DetectorSnapshot;
import dev.mlops.drift.DriftState;
import java.util.Objects;

/**
 * EDDM (Baena-García et al. 2006): watches the distance between consecutive errors (values in
 * [0, 1]; a value of exactly 1 is an error, anything else a success, as in MOA). With {@code m}
 * and {@code sd} the mean and standard deviation of those distances, it remembers the largest
 * {@code m + 2 sd}; when the ratio of the current {@code m + 2 sd} to that maximum falls below
 * {@code warningLevel} it warns, below {@code driftLevel} it flags a drift (errors coming closer
 * together). The estimated change start is where the warning zone began, else the drift. The
 * state changes only on errors. After a drift the next value starts afresh, as in MOA.
 *
 * <p>Both modes follow MOA 2024.07's {@code EDDM} step by step; MOA mode reports no change
 * start.
 *
 * <p>Values outside [0, 1] are rejected. Allocation-free; constant memory. Not thread-safe (see
 * {@link dev.mlops.drift.StreamingDriftDetector}).
 */
public final class EddmDetector extends AbstractDetector {
  /** Snapshot type name: {@value}. */
  public static final String TYPE = "eddm";
  /** Snapshot layout version: {@value}. */
  public static final int FORMAT_VERSION = 1;

  private final EddmConfig config;
  private long n = 1;
  private long errors;
  private long lastErrorAt;
  private long previousErrorAt;
  private double mean;
  private double sumSquares;
  private double maxMean2Sd;
  private double statistic = Double.NaN;
  private DriftState held = DriftState.NONE;

  /** Creates a detector with {@code config}. */
  public EddmDetector(EddmConfig config) {
    super(TYPE);
    this.config = Objects.requireNonNull(config, "config");
  }

  /** Creates a detector with the defaults. */
  public EddmDetector() {
    this(EddmConfig.defaults());
  }

  /** Returns the configuration. */
  public EddmConfig config() {
    return config;
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
    n++;
    if (value != 1.0) {
      return held;
    }
    errors++;
    previousErrorAt = lastErrorAt;
    lastErrorAt = n - 1;
    long distance = lastErrorAt - previousErrorAt;
    double oldMean = mean;
    mean = mean + (distance - mean) / errors;
    sumSquares = sumSquares + (distance - mean) * (distance - oldMean);
    double sd = Math.sqrt(sumSquares / errors);
    double m2s = mean + 2 * sd;
    held = DriftState.NONE;
    if (m2s > maxMean2Sd) {
      if (n > config.minInstances()) {
        maxMean2Sd = m2s;
      }
      statistic = Double.NaN;
      return held;
    }
    statistic = m2s / maxMean2Sd;
    boolean armed = n > config.minInstances() && errors > config.minErrors();
    if (armed && statistic < config.driftLevel()) {
      held = DriftState.DRIFT;
    } else if (armed && statistic < config.warningLevel()) {
      held = DriftState.WARNING;
    }
    return held;
  }

  @Override
  long estimateChangeStart(long index, long warningStart) {
    return config.moaCompatible() ? -1 : warningStart >= 0 ? warningStart : index;
  }

  /** Returns the ratio of (mean + 2 sd) error distance to its maximum. */
  @Override
  double statistic() {
    return statistic;
  }

  /** Returns the drift level. */
  @Override
  double threshold() {
    return Double.isNaN(statistic) ? Double.NaN : config.driftLevel();
  }

  @Override
  void clear() {
    n = 1;
    errors = 0;
    lastErrorAt = 0;
    previousErrorAt = 0;
    mean = 0;
    sumSquares = 0;
    maxMean2Sd = 0;
    statistic = Double.NaN;
    held = DriftState.NONE;
  }

  @Override
  void writeState(ObjectNode node) {
    node.put("n", n);
    node.put("errors", errors);
    node.put("last_error_at", lastErrorAt);
    node.put("previous_error_at", previousErrorAt);
    node.put("mean", mean);
    node.put("sum_squares", sumSquares);
    node.put("max_mean_2sd", maxMean2Sd);
    node.put("statistic", Double.isNaN(statistic) ? null : statistic);
    node.put("held", held.name());
  }

  @Override
  void readState(SnapshotDocument doc) {
    n = doc.stateLong("n");
    errors = doc.stateLong("errors");
    lastErrorAt = doc.stateLong("last_error_at");
    previousErrorAt = doc.stateLong("previous_error_at");
    mean = doc.stateNumber("mean");
    sumSquares = doc.stateNumber("sum_squares");
    maxMean2Sd = doc.stateNumber("max_mean_2sd");
    statistic = doc.stateNumberOrNaN("statistic");
    held = doc.stateEnum("held", DriftState.class);
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
  public static EddmDetector restore(DetectorSnapshot snapshot) {
    Settings.Opened<EddmConfig> o =
        Settings.open(snapshot, TYPE, FORMAT_VERSION, EddmConfig::fromSettings);
    EddmDetector d = new EddmDetector(o.config());
    return d.restoreFrom(o.doc(), d);
  }

  /**
   * Restores a detector, insisting that its snapshot was taken with {@code expected}.
   *
   * @throws dev.mlops.drift.SnapshotException naming {@code config.<key>} if the
   *     configurations differ, or as {@link #restore(DetectorSnapshot)}
   */
  public static EddmDetector restore(DetectorSnapshot snapshot,
      EddmConfig expected) {
    Settings.Opened<EddmConfig> o =
        Settings.open(snapshot, TYPE, FORMAT_VERSION, EddmConfig::fromSettings);
    o.requireConfig(expected, expected.settings(), o.config().settings());
    EddmDetector d = new EddmDetector(o.config());
    return d.restoreFrom(o.doc(), d);
  }
}
