package dev.mlops.monitoring;

import dev.mlops.data.FeatureSpec;
import dev.mlops.drift.StreamingDriftDetector;
import java.util.Optional;

/**
 * Makes the streaming drift detector a monitor feeds with one numeric feature's values, e.g.
 * {@code feature -> Optional.of(new AdwinDetector(AdwinConfig.defaults()))}. The monitor guards
 * each detector with its own lock, so detectors need not be thread-safe.
 *
 * <p>Implementations must be thread-safe; the monitor calls it once per feature while it is built.
 */
@FunctionalInterface
public interface DetectorFactory {

  /** No detectors: drift comes from the reference profile alone. */
  DetectorFactory NONE = feature -> Optional.empty();

  /**
   * Returns a fresh detector for the feature, or empty to watch it without one.
   *
   * @param feature a numeric feature of the monitor's spec
   */
  Optional<StreamingDriftDetector> create(FeatureSpec feature);
}
