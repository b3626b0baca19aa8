package dev.mlops.core.drift.streaming;

import dev.mlops.drift.DetectorSnapshot;
import dev.mlops.drift.SnapshotException;

/**
 * Reads a stored snapshot document (the text of {@link DetectorSnapshot#json()}) back into a
 * {@link DetectorSnapshot}, taking type and version from the document itself, so a host only
 * has to keep the text.
 *
 * <p>Stateless and thread-safe.
 */
public final class DetectorSnapshots {
  private DetectorSnapshots() {}

  /**
   * Parses a document's header.
   *
   * @param json a document written by a detector's {@code snapshot()}
   * @return the snapshot, ready for {@link StreamingDetectorRegistry#restore(DetectorSnapshot)}
   * @throws SnapshotException if the text is not JSON or lacks {@code detector_type} or a valid
   *     {@code format_version}, naming line and column or the field
   */
  public static DetectorSnapshot parse(String json) {
    return SnapshotDocument.parse(json);
  }
}
