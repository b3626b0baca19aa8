package dev.mlops.data;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable identity of one dataset as used for training or evaluation: its content digest,
 * its spec's hash, size and provenance. Experiment runs and reports reference datasets by this
 * value (lineage).
 *
 * <p>Immutable and thread-safe.
 *
 * @param name a human-readable name
 * @param digest the content digest, {@code "sha256:<hex>"}
 * @param orderSensitive whether the digest changes when rows are reordered
 * @param specHash the digest of the dataset's spec JSON, if a spec was given
 * @param rowCount the number of rows
 * @param source where it came from (file path, URL, query)
 * @param createdAt when this version was recorded
 * @param producer who or what produced it (a job, a person)
 * @param tags free metadata
 */
public record DatasetVersion(
    String name,
    String digest,
    boolean orderSensitive,
    Optional<String> specHash,
    long rowCount,
    String source,
    Instant createdAt,
    String producer,
    Map<String, String> tags) {

  /** Copies the tags and checks arguments. */
  public DatasetVersion {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(specHash, "specHash");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(producer, "producer");
    tags = Map.copyOf(tags);
    if (rowCount < 0) {
      throw new IllegalArgumentException("rowCount must be >= 0, was " + rowCount);
    }
  }
}
