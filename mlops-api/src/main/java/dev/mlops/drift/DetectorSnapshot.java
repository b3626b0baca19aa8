package dev.mlops.drift;

import java.util.Objects;

/**
 * The full state of a {@link StreamingDriftDetector} (configuration, counters, window) as a
 * versioned JSON document, so that a service restart keeps what the detector has seen. The api
 * has no JSON library; the document is kept as text and read back by the detector's own restore
 * entry point in {@code mlops-core}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param detectorType the detector's type name, e.g. {@code "adwin"}; a restore entry point only
 *     accepts its own
 * @param formatVersion version of the document's layout, {@code >= 1}; a reader accepts this
 *     version and older ones it knows
 * @param json the document; it repeats the type and version so that a stored copy describes
 *     itself
 */
public record DetectorSnapshot(String detectorType, int formatVersion, String json) {

  /**
   * Checks arguments.
   *
   * @throws IllegalArgumentException if the type is blank or the version is below 1
   */
  public DetectorSnapshot {
    Objects.requireNonNull(detectorType, "detectorType");
    Objects.requireNonNull(json, "json");
    if (detectorType.isBlank()) {
      throw new IllegalArgumentException("detectorType must not be blank");
    }
    if (formatVersion < 1) {
      throw new IllegalArgumentException("formatVersion must be >= 1, was " + formatVersion);
    }
  }
}
