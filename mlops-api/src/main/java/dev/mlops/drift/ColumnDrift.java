package dev.mlops.drift;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The drift result of one column. Immutable and thread-safe.
 *
 * @param name the column name
 * @param type the feature type as text ("numeric" or "categorical"; the column's own type when
 *     skipped)
 * @param test the test used, e.g. "ks", "wasserstein", "jensenshannon"; the test that would have
 *     run, or empty text, when skipped
 * @param statistic the test statistic or distance; NaN when skipped
 * @param pValue the p-value for p-value tests; empty for distance tests and skipped columns
 * @param adjustedPValue the p-value after the report's multiple-testing correction; empty when
 *     there is none, for distances and skipped columns
 * @param threshold the decision threshold (p-value below it, or distance at or above it, drifts)
 * @param drifted whether the column drifted
 * @param referenceMissingRate share of missing values in the reference
 * @param currentMissingRate share of missing values in the current data
 * @param missingRatePValue p-value of the two-proportion z-test on the missing counts; empty when
 *     neither side has missing values or a side is empty
 * @param missingRateDrifted whether the missing rate changed significantly (a signal of its own,
 *     not counted in {@code drifted})
 * @param newCategories categories seen only in the current data, sorted
 * @param status whether the test ran
 * @param reason why the column was skipped, or a note; empty otherwise
 */
public record ColumnDrift(
    String name,
    String type,
    String test,
    double statistic,
    OptionalDouble pValue,
    OptionalDouble adjustedPValue,
    double threshold,
    boolean drifted,
    double referenceMissingRate,
    double currentMissingRate,
    OptionalDouble missingRatePValue,
    boolean missingRateDrifted,
    List<String> newCategories,
    ColumnStatus status,
    Optional<String> reason) {

  /** Copies the list and checks arguments. */
  public ColumnDrift {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(test, "test");
    Objects.requireNonNull(pValue, "pValue");
    Objects.requireNonNull(adjustedPValue, "adjustedPValue");
    Objects.requireNonNull(missingRatePValue, "missingRatePValue");
    newCategories = List.copyOf(newCategories);
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reason, "reason");
    checkProbability(name, "p-value", pValue);
    checkProbability(name, "adjusted p-value", adjustedPValue);
    checkProbability(name, "missing-rate p-value", missingRatePValue);
    if (status == ColumnStatus.SKIPPED && reason.isEmpty()) {
      throw new IllegalArgumentException("skipped column '" + name + "' needs a reason");
    }
    if (status == ColumnStatus.SKIPPED && drifted) {
      throw new IllegalArgumentException("skipped column '" + name + "' cannot drift");
    }
    if (status == ColumnStatus.OK && Double.isNaN(statistic)) {
      throw new IllegalArgumentException("tested column '" + name + "' has a NaN statistic");
    }
  }

  private static void checkProbability(String name, String what, OptionalDouble p) {
    if (p.isPresent() && !(p.getAsDouble() >= 0 && p.getAsDouble() <= 1)) {
      throw new IllegalArgumentException(
          what + " of '" + name + "' must be in [0, 1], was " + p.getAsDouble());
    }
  }

  /**
   * Returns how far the column is past its threshold, 1 at the threshold and larger with more
   * drift: distance/threshold for distances, log(p)/log(threshold) for p-value tests (using the
   * adjusted p-value when present); 0 when skipped. Reports sort columns by it.
   */
  public double driftScore() {
    if (status == ColumnStatus.SKIPPED) {
      return 0;
    }
    OptionalDouble p = adjustedPValue.isPresent() ? adjustedPValue : pValue;
    if (p.isEmpty()) {
      return statistic / threshold;
    }
    double pv = Math.max(p.getAsDouble(), Double.MIN_NORMAL);
    // + 0.0 turns the -0.0 of p = 1 (log 1 / log t) into 0.0, so reports never print "-0.0".
    return threshold >= 1 ? 0 : Math.log(pv) / Math.log(threshold) + 0.0;
  }
}
