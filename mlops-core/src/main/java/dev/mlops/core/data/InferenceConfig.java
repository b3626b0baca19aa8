package dev.mlops.core.data;

import java.util.Objects;
import java.util.Optional;

/**
 * Settings of {@link SpecInference}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxDomainSize a string column with at most this many distinct values is inferred as
 *     CATEGORICAL with its observed values as the domain; with more it is inferred as TEXT with
 *     observed length bounds
 * @param labelColumn the label column, if the data is labeled: its classes become the spec's
 *     label classes
 * @param idColumn the column identifying rows, if any: it is marked unique when its values are
 */
public record InferenceConfig(
    int maxDomainSize, Optional<String> labelColumn, Optional<String> idColumn) {

  /**
   * Default largest inferred categorical domain: {@value}, TensorFlow Data Validation's
   * {@code infer_schema(max_string_domain_size=100)} default.
   */
  public static final int DEFAULT_MAX_DOMAIN_SIZE = 100;

  /**
   * Checks the settings.
   *
   * @throws IllegalArgumentException if {@code maxDomainSize < 1}
   */
  public InferenceConfig {
    Objects.requireNonNull(labelColumn, "labelColumn");
    Objects.requireNonNull(idColumn, "idColumn");
    if (maxDomainSize < 1) {
      throw new IllegalArgumentException("maxDomainSize must be >= 1, was " + maxDomainSize);
    }
  }

  /** Default settings: domains up to {@value #DEFAULT_MAX_DOMAIN_SIZE} values, no label, no id. */
  public static InferenceConfig defaults() {
    return builder().build();
  }

  /** Starts a builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link InferenceConfig}s. Not thread-safe. */
  public static final class Builder {
    private int maxDomainSize = DEFAULT_MAX_DOMAIN_SIZE;
    private String labelColumn;
    private String idColumn;

    private Builder() {}

    /** Sets the largest inferred categorical domain. */
    public Builder maxDomainSize(int value) {
      this.maxDomainSize = value;
      return this;
    }

    /** Sets the label column ({@code null}: none). */
    public Builder labelColumn(String value) {
      this.labelColumn = value;
      return this;
    }

    /** Sets the id column ({@code null}: none). */
    public Builder idColumn(String value) {
      this.idColumn = value;
      return this;
    }

    /** Builds the settings, checking them. */
    public InferenceConfig build() {
      return new InferenceConfig(
          maxDomainSize, Optional.ofNullable(labelColumn), Optional.ofNullable(idColumn));
    }
  }
}
