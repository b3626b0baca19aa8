package dev.mlops.core.drift.streaming;

import dev.mlops.drift.DetectorSnapshot;
import dev.mlops.drift.SnapshotException;
import dev.mlops.drift.StreamingDriftDetector;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Restores streaming detectors from snapshots, whatever their type: each detector type registers
 * the newest format version it reads and its restore function. A service keeps one registry and,
 * after a restart, turns each stored document back into a detector that continues exactly where
 * the old one stopped:
 *
 * <pre>{@code
 * StreamingDetectorRegistry registry = StreamingDetectorRegistry.builder()
 *     .register("adwin", 1, AdwinDetector::restore)
 *     .build();
 * StreamingDriftDetector d = registry.restore(DetectorSnapshots.parse(storedJson));
 * }</pre>
 *
 * <p>Immutable and thread-safe; the restored detectors are not (see
 * {@link StreamingDriftDetector}).
 */
public final class StreamingDetectorRegistry {
  private final Map<String, Entry> entries;

  private record Entry(
      int formatVersion, Function<DetectorSnapshot, ? extends StreamingDriftDetector> restore) {}

  private StreamingDetectorRegistry(Map<String, Entry> entries) {
    this.entries = Map.copyOf(entries);
  }

  /** Starts an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the registered detector types. */
  public Set<String> types() {
    return entries.keySet();
  }

  /**
   * Restores a detector.
   *
   * @param snapshot a snapshot of a registered type
   * @return a detector in the state the snapshot captured
   * @throws SnapshotException naming {@code detectorType} for an unregistered type,
   *     {@code formatVersion} for a version newer than registered, or the broken field
   */
  public StreamingDriftDetector restore(DetectorSnapshot snapshot) {
    Objects.requireNonNull(snapshot, "snapshot");
    Entry e = entries.get(snapshot.detectorType());
    if (e == null) {
      throw new SnapshotException("detectorType", "one of " + new TreeSet<>(types()),
          "'" + snapshot.detectorType() + "'");
    }
    SnapshotDocument.checkHeader(snapshot.detectorType(), snapshot.formatVersion(),
        snapshot.detectorType(), e.formatVersion());
    return e.restore().apply(snapshot);
  }

  /** Builds a {@link StreamingDetectorRegistry}. Not thread-safe. */
  public static final class Builder {
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Registers a detector type.
     *
     * @param detectorType the type name its snapshots carry
     * @param formatVersion the newest format version {@code restore} reads, {@code >= 1}
     * @param restore rebuilds a detector from a snapshot of this type
     * @throws IllegalArgumentException if the type is blank or already registered, or the
     *     version is below 1
     */
    public Builder register(String detectorType, int formatVersion,
        Function<DetectorSnapshot, ? extends StreamingDriftDetector> restore) {
      Objects.requireNonNull(detectorType, "detectorType");
      Objects.requireNonNull(restore, "restore");
      if (detectorType.isBlank()) {
        throw new IllegalArgumentException("detectorType must not be blank");
      }
      if (formatVersion < 1) {
        throw new IllegalArgumentException("formatVersion must be >= 1, was " + formatVersion);
      }
      if (entries.putIfAbsent(detectorType, new Entry(formatVersion, restore)) != null) {
        throw new IllegalArgumentException(
            "detectorType '" + detectorType + "' is already registered");
      }
      return this;
    }

    /** Builds the registry. */
    public StreamingDetectorRegistry build() {
      return new StreamingDetectorRegistry(entries);
    }
  }
}
