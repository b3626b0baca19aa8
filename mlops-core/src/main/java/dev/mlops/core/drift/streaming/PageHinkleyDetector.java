package dev.mlops.core.drift.streaming;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.drift.DetectorSnapshot;
import dev.mlops.drift.DriftState;
import java.util.Objects;

/**
 * Page-Hinkley test: accumulates each value's deviation from the running mean (less a tolerance
 * {@code delta}, faded by {@code alpha}) and flags a drift when the sum has risen more than
 * {@code threshold} above its lowest point, for a rise of the mean; a mirrored sum watches a
 * fall. The estimated change start is the value after that lowest point. No warning zone.
 * After a drift the next value starts a fresh test (as MOA and River do).
 *
 * <p>In MOA compatibility mode the test is MOA 2024.07's {@code PageHinkleyDM}: one-sided, and
 * the faded sum itself is compared with the threshold (no running minimum), with no change-start
 * estimate.
 *
 * <p>Allocation-free; constant memory. Not thread-safe (see
 * {@link dev.mlops.drift.StreamingDriftDetector}).
 */
public final class PageHinkleyDetector extends AbstractDetector {
  /** Snapshot type name: {@value}. */
  public static final String TYPE = "page-hinkley";
  /** Snapshot layout version: {@value}. */
  public static final int FORMAT_VERSION = 1;

  private final PageHinkleyConfig config;
  private final MeanDeviationSums sums;

  /** Creates a detector with {@code config}. */
  public PageHinkleyDetector(PageHinkleyConfig config) {
    super(TYPE);
    this.config = Objects.requireNonNull(config, "config");
    this.sums = new MeanDeviationSums(config.direction(), config.delta(), config.threshold(),
        config.minInstances(), config.moaCompatible(), config.alpha(), false);
  }

  /** Creates a detector with the defaults. */
  public PageHinkleyDetector() {
    this(PageHinkleyConfig.defaults());
  }

  /** Returns the configuration. */
  public PageHinkleyConfig config() {
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
  public static PageHinkleyDetector restore(DetectorSnapshot snapshot) {
    Settings.Opened<PageHinkleyConfig> o =
        Settings.open(snapshot, TYPE, FORMAT_VERSION, PageHinkleyConfig::fromSettings);
    PageHinkleyDetector d = new PageHinkleyDetector(o.config());
    return d.restoreFrom(o.doc(), d);
  }

  /**
   * Restores a detector, insisting that its snapshot was taken with {@code expected}.
   *
   * @throws dev.mlops.drift.SnapshotException naming {@code config.<key>} if the
   *     configurations differ, or as {@link #restore(DetectorSnapshot)}
   */
  public static PageHinkleyDetector restore(DetectorSnapshot snapshot,
      PageHinkleyConfig expected) {
    Settings.Opened<PageHinkleyConfig> o =
        Settings.open(snapshot, TYPE, FORMAT_VERSION, PageHinkleyConfig::fromSettings);
    o.requireConfig(expected, expected.settings(), o.config().settings());
    PageHinkleyDetector d = new PageHinkleyDetector(o.config());
    return d.restoreFrom(o.doc(), d);
  }
}
