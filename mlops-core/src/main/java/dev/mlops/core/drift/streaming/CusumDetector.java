package dev.mlops.core.drift.streaming;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.drift.DetectorSnapshot;
import dev.mlops.drift.DriftState;
import java.util.Objects;

/**
 * CUSUM (Page's cumulative sum): an upper sum {@code g = max(0, g + x - mean - delta)} of each
 * value's excess over the running mean flags a rise of the mean when it exceeds
 * {@code threshold}; a lower sum watches a fall. The estimated change start is the value after
 * the sum last stood at zero. No warning zone. After a drift the next value starts a fresh test
 * (as MOA does).
 *
 * <p>In MOA compatibility mode the test is MOA 2024.07's {@code CusumDM}: the upper sum only,
 * with no change-start estimate.
 *
 * <p>Allocation-free; constant memory. Not thread-safe (see
 * {@link dev.mlops.drift.StreamingDriftDetector}).
 */
public final class CusumDetector extends AbstractDetector {
  /** Snapshot type name: {@value}. */
  public static final String TYPE = "cusum";
  /** Snapshot layout version: {@value}. */
  public static final int FORMAT_VERSION = 1;

  private final CusumConfig config;
  private final MeanDeviationSums sums;

  /** Creates a detector with {@code config}. */
  public CusumDetector(CusumConfig config) {
    super(TYPE);
    this.config = Objects.requireNonNull(config, "config");
    this.sums = new MeanDeviationSums(config.direction(), config.delta(), config.threshold(),
        config.minInstances(), config.moaCompatible(), 1.0, true);
  }

  /** Creates a detector with the defaults. */
  public CusumDetector() {
    this(CusumConfig.defaults());
  }

  /** Returns the configuration. */
  public CusumConfig config() {
    return config;
  }

  @Override
  DriftState step(double value, long index) {
    return sums.step(value, index, state() == DriftState.DRIFT);
  }

  @Override
  long estimateChangeStart(long index, long warningStart) {
    return config.moaCompatible() ? -1 : sums.changeStart();
  }

  @Override
  double statistic() {
    return sums.statistic();
  }

  @Override
  double threshold() {
    return sums.threshold();
  }

  @Override
  void clear() {
    sums.clear();
  }

  @Override
  int formatVersion() {
    return FORMAT_VERSION;
  }

  @Override
  void writeConfig(ObjectNode node) {
    config.settings().forEach(node::put);
  }

  @Override
  void writeState(ObjectNode node) {
    sums.write(node);
  }

  @Override
  void readState(SnapshotDocument doc) {
    sums.read(doc);
  }

  /**
   * Restores a detector with the configuration its snapshot holds.
   *
   * @throws dev.mlops.drift.SnapshotException if the snapshot is of another type, a newer
   *     version or malformed
   */
  public static CusumDetector restore(DetectorSnapshot snapshot) {
    Settings.Opened<CusumConfig> o =
        Settings.open(snapshot, TYPE, FORMAT_VERSION, CusumConfig::fromSettings);
    CusumDetector d = new CusumDetector(o.config());
    return d.restoreFrom(o.doc(), d);
  }

  /**
   * Restores a detector, insisting that its snapshot was taken with {@code expected}.
   *
   * @throws dev.mlops.drift.SnapshotException naming {@code config.<key>} if the
   *     configurations differ, or as {@link #restore(DetectorSnapshot)}
   */
  public static CusumDetector restore(DetectorSnapshot snapshot,
      CusumConfig expected) {
    Settings.Opened<CusumConfig> o =
        Settings.open(snapshot, TYPE, FORMAT_VERSION, CusumConfig::fromSettings);
    o.requireConfig(expected, expected.settings(), o.config().settings());
    CusumDetector d = new CusumDetector(o.config());
    return d.restoreFrom(o.doc(), d);
  }
}
