package dev.mlops.data;

import java.util.List;
import java.util.Objects;

/**
 * One broken rule found by validation: which feature, what kind, how many rows, and examples.
 *
 * <p>Immutable and thread-safe.
 *
 * @param feature the feature concerned, or {@code "*"} for a dataset-level rule
 * @param kind the rule that was broken
 * @param count how many rows (or values) broke it
 * @param exampleRows up to a few 0-based row indices where it happened
 * @param exampleValues the offending values at those rows, as text ({@code "<missing>"} for none)
 * @param expected what the spec asks for, e.g. "in [0.0, 1.0]"
 * @param actual what was found, e.g. "min 1.7"
 */
public record Violation(
    String feature,
    ViolationKind kind,
    long count,
    List<Long> exampleRows,
    List<String> exampleValues,
    String expected,
    String actual) {

  /** Feature name used for dataset-level violations: {@value}. */
  public static final String DATASET = "*";

  /** Copies the lists and checks arguments. */
  public Violation {
    Objects.requireNonNull(feature, "feature");
    Objects.requireNonNull(kind, "kind");
    exampleRows = List.copyOf(exampleRows);
    exampleValues = List.copyOf(exampleValues);
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(actual, "actual");
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0, was " + count);
    }
  }
}
