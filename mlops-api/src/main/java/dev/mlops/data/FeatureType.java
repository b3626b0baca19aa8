package dev.mlops.data;

/**
 * The logical type of a feature (column). Storage follows the type: {@link #NUMERIC} and
 * {@link #INTEGER} live in a {@link NumericColumn} (NaN for missing), {@link #CATEGORICAL} in a
 * {@link CategoricalColumn}, {@link #BOOLEAN} in a {@link BooleanColumn}, {@link #TEXT} in a
 * {@link TextColumn} and {@link #TIMESTAMP} in a {@link TimestampColumn}.
 *
 * <p>Immutable and thread-safe (an enum).
 */
public enum FeatureType {
  /** Real numbers; missing is NaN. */
  NUMERIC,
  /** Whole numbers stored as doubles; missing is NaN. */
  INTEGER,
  /** A small set of discrete string values. */
  CATEGORICAL,
  /** true / false. */
  BOOLEAN,
  /** Free text: too many distinct values to be a category. */
  TEXT,
  /** Points in time ({@link java.time.Instant}). */
  TIMESTAMP;

  /** Returns whether values of this type are stored as doubles in a {@link NumericColumn}. */
  public boolean isNumeric() {
    return this == NUMERIC || this == INTEGER;
  }
}
