package dev.mlops.labels;

/**
 * The measurement level of labels, which decides how two different labels are compared
 * (Krippendorff's difference functions, weighted kappa). There is deliberately no default: the
 * caller states it.
 *
 * <p>Immutable and thread-safe (an enum).
 */
public enum MeasurementLevel {
  /** Unordered categories: any two different labels disagree equally. */
  NOMINAL,
  /** Ordered categories (e.g. 1–5 stars): farther ranks disagree more. */
  ORDINAL,
  /** Numbers where differences matter (e.g. °C). */
  INTERVAL,
  /** Numbers with a true zero where ratios matter (e.g. counts). */
  RATIO;

  /** Returns whether labels must parse as numbers at this level. */
  public boolean isNumeric() {
    return this == INTERVAL || this == RATIO;
  }
}
