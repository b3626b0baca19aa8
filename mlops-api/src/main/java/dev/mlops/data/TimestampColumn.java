package dev.mlops.data;

import java.time.Instant;
import java.util.List;

/**
 * A column of {@link FeatureType#TIMESTAMP} values ({@link Instant}); {@code null} marks a missing
 * value.
 *
 * <p>Immutable and thread-safe.
 */
public final class TimestampColumn extends ObjectArrayColumn<Instant> implements Column {

  private TimestampColumn(String name, Instant[] values) {
    super(name, values);
  }

  /**
   * Creates a column from a copy of {@code values}; {@code null} entries are missing.
   *
   * @param name column name, non-empty
   * @param values the values in row order
   */
  public static TimestampColumn of(String name, Instant... values) {
    return new TimestampColumn(name, values.clone());
  }

  /**
   * Creates a column from {@code values}; {@code null} entries are missing.
   *
   * @param name column name, non-empty
   * @param values the values in row order
   */
  public static TimestampColumn of(String name, List<Instant> values) {
    return new TimestampColumn(name, values.toArray(new Instant[0]));
  }

  @Override
  TimestampColumn create(String newName, Instant[] newValues) {
    return new TimestampColumn(newName, newValues);
  }

  @Override
  public FeatureType type() {
    return FeatureType.TIMESTAMP;
  }

  @Override
  public TimestampColumn select(int[] rows) {
    return create(name(), selectValues(rows));
  }

  @Override
  public TimestampColumn withName(String newName) {
    return create(newName, values());
  }
}
