package dev.mlops.labels;

import java.util.Objects;

/**
 * How well rule labels match gold labels for one class.
 *
 * <p>Immutable and thread-safe.
 *
 * @param label the class
 * @param support items whose gold label is the class
 * @param predicted items the rules gave the class
 * @param precision share of rule-labeled items of the class that are gold-labeled with it; NaN
 *     when the rules never gave it
 * @param recall share of gold items of the class the rules labeled with it; NaN when no support
 * @param f1 harmonic mean of precision and recall; NaN when either is NaN or both are 0
 */
public record ClassAgreement(
    String label, int support, int predicted, double precision, double recall, double f1) {

  /** Checks arguments. */
  public ClassAgreement {
    Objects.requireNonNull(label, "label");
  }
}
