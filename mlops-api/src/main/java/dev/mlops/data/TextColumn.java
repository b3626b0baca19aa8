package dev.mlops.data;

import java.util.List;

/**
 * A column of {@link FeatureType#TEXT} values; {@code null} marks a missing value.
 *
 * <p>Immutable and thread-safe.
 */
public final class TextColumn extends ObjectArrayColumn<String> implements Column {

  private TextColumn(String name, String[] values) {
    super(name, values);
  }

  /**
   * Creates a column from a copy of {@code values}; {@code null} entries are missing.
   *
   * @param name column name, non-empty
   * @param values the values in row order
   */
  public static TextColumn of(String name, String... values) {
    return new TextColumn(name, values.clone());
  }

  /**
   * Creates a column from {@code values}; {@code null} entries are missing.
   *
   * @param name column name, non-empty
   * @param values the values in row order
   */
  public static TextColumn of(String name, List<String> values) {
    return new TextColumn(name, values.toArray(new String[0]));
  }

  @Override
  TextColumn create(String newName, String[] newValues) {
    return new TextColumn(newName, newValues);
  }

  @Override
  public FeatureType type() {
    return FeatureType.TEXT;
  }

  @Override
  public TextColumn select(int[] rows) {
    return create(name(), selectValues(rows));
  }

  @Override
  public TextColumn withName(String newName) {
    return create(newName, values());
  }
}
