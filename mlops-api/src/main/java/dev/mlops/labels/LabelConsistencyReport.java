package dev.mlops.labels;

import java.util.Objects;

/**
 * The result of {@link LabelConsistencyChecker#check}: counts and the overall agreement
 * statistics.
 *
 * @param level the measurement level used
 * @param items distinct items
 * @param annotators distinct annotators
 * @param ratings annotations analysed
 * @param percentAgreement share of agreeing annotator pairs over items rated at least twice
 * @param krippendorffAlpha Krippendorff's alpha at {@code level}, missing ratings allowed
 * @param fleissKappa Fleiss' kappa; undefined unless every item has the same number of ratings
 * @param cohenKappa Cohen's kappa; defined for exactly two annotators
 */
public record LabelConsistencyReport(
    MeasurementLevel level,
    int items,
    int annotators,
    long ratings,
    Agreement percentAgreement,
    Agreement krippendorffAlpha,
    Agreement fleissKappa,
    Agreement cohenKappa) {

  /** Checks arguments. */
  public LabelConsistencyReport {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(percentAgreement, "percentAgreement");
    Objects.requireNonNull(krippendorffAlpha, "krippendorffAlpha");
    Objects.requireNonNull(fleissKappa, "fleissKappa");
    Objects.requireNonNull(cohenKappa, "cohenKappa");
  }
}
