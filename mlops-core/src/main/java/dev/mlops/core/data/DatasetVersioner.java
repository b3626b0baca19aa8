package dev.mlops.core.data;

import dev.mlops.data.Dataset;
import dev.mlops.data.DatasetSpec;
import dev.mlops.data.DatasetVersion;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Records {@link DatasetVersion}s: the content digest ({@link DatasetFingerprint}), the spec's
 * hash ({@link SpecJson#hash(DatasetSpec)}), the row count and the provenance, stamped with the
 * injected clock.
 *
 * <p>Immutable and thread-safe.
 */
public final class DatasetVersioner {
  /** Default digest variant: {@value}, order-sensitive like a file hash (DVC, git). */
  public static final boolean DEFAULT_ORDER_SENSITIVE = true;

  private final Clock clock;
  private final boolean orderSensitive;

  private DatasetVersioner(Clock clock, boolean orderSensitive) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.orderSensitive = orderSensitive;
  }

  /** Returns a versioner using the order-sensitive digest. */
  public static DatasetVersioner of(Clock clock) {
    return new DatasetVersioner(clock, DEFAULT_ORDER_SENSITIVE);
  }

  /**
   * Returns a versioner.
   *
   * @param clock the time source of {@link DatasetVersion#createdAt()}
   * @param orderSensitive whether the digest changes when rows are reordered
   */
  public static DatasetVersioner of(Clock clock, boolean orderSensitive) {
    return new DatasetVersioner(clock, orderSensitive);
  }

  /**
   * Records a version of a dataset without a spec.
   *
   * @param data the dataset; its name becomes the version's name
   * @param source where it came from (file path, URL, query)
   * @param producer who or what produced it
   * @param tags free metadata
   */
  public DatasetVersion version(
      Dataset data, String source, String producer, Map<String, String> tags) {
    return create(data, Optional.empty(), source, producer, tags);
  }

  /**
   * Records a version of a dataset together with the hash of the spec it follows.
   *
   * @param data the dataset; its name becomes the version's name
   * @param spec the dataset's spec
   * @param source where it came from (file path, URL, query)
   * @param producer who or what produced it
   * @param tags free metadata
   */
  public DatasetVersion version(
      Dataset data, DatasetSpec spec, String source, String producer, Map<String, String> tags) {
    return create(data, Optional.of(SpecJson.hash(Objects.requireNonNull(spec, "spec"))), source,
        producer, tags);
  }

  private DatasetVersion create(Dataset data, Optional<String> specHash, String source,
      String producer, Map<String, String> tags) {
    Objects.requireNonNull(data, "data");
    return new DatasetVersion(data.name(), DatasetFingerprint.digest(data, orderSensitive),
        orderSensitive, specHash, data.rowCount(), source, clock.instant(), producer,
        Objects.requireNonNull(tags, "tags"));
  }
}
