package dev.mlops.evaluation;

/**
 * A decision threshold on a binary score and what it achieves: examples with
 * {@code score >= threshold} are predicted positive (scikit-learn's convention).
 *
 * <p>Immutable and thread-safe.
 *
 * @param threshold the threshold
 * @param precision the precision at this threshold
 * @param recall the recall at this threshold
 * @param predictedPositive how many examples the threshold predicts positive
 */
public record OperatingPoint(
    double threshold, double precision, double recall, long predictedPositive) {}
