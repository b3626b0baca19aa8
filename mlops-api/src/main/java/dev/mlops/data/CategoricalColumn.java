package dev.mlops.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A dictionary-encoded column of {@link FeatureType#CATEGORICAL} string values; {@code null} marks
 * a missing value. Each distinct value gets an integer code in order of first appearance, so
 * counting and comparing categories never hashes strings per row.
 *
 * <p>Immutable and thread-safe.
 */
public final class CategoricalColumn implements Column {
  /** Code returned by {@link #code(int)} for a missing value: {@value}. */
  public static final int MISSING_CODE = -1;

  private final String name;
  private final int[] codes;
  private final List<String> categories;
  private final int missing;

  private CategoricalColumn(String name, int[] codes, List<String> categories) {
    this.name = Columns.checkName(name);
    this.codes = codes;
    this.categories = List.copyOf(categories);
    int m = 0;
    for (int c : codes) {
      if (c == MISSING_CODE) {
        m++;
      }
    }
    this.missing = m;
  }

  /**
   * Creates a column from values; {@code null} entries are missing.
   *
   * @param name column name, non-empty
   * @param values the values in row order
   */
  public static CategoricalColumn of(String name, String... values) {
    return of(name, Arrays.asList(values));
  }

  /**
   * Creates a column from values; {@code null} entries are missing.
   *
   * @param name column name, non-empty
   * @param values the values in row order
   */
  public static CategoricalColumn of(String name, List<String> values) {
    Map<String, Integer> dictionary = new HashMap<>();
    List<String> categories = new ArrayList<>();
    int[] codes = new int[values.size()];
    for (int i = 0; i < codes.length; i++) {
      String v = values.get(i);
      if (v == null) {
        codes[i] = MISSING_CODE;
      } else {
        Integer code = dictionary.get(v);
        if (code == null) {
          code = categories.size();
          dictionary.put(v, code);
          categories.add(v);
        }
        codes[i] = code;
      }
    }
    return new CategoricalColumn(name, codes, categories);
  }

  /**
   * Creates a column from codes into a dictionary, without copying the strings per row.
   *
   * @param name column name, non-empty
   * @param codes per row, an index into {@code categories} or {@link #MISSING_CODE}; copied
   * @param categories the distinct values, no duplicates, no nulls
   * @throws IllegalArgumentException if a code is out of range or categories repeat
   */
  public static CategoricalColumn ofCodes(String name, int[] codes, List<String> categories) {
    if (categories.stream().distinct().count() != categories.size()) {
      throw new IllegalArgumentException("categories of '" + name + "' repeat: " + categories);
    }
    for (int i = 0; i < codes.length; i++) {
      if (codes[i] < MISSING_CODE || codes[i] >= categories.size()) {
        throw new IllegalArgumentException(
            "code " + codes[i] + " at row " + i + " of '" + name + "' is not in [-1, "
                + categories.size() + ")");
      }
    }
    return new CategoricalColumn(name, codes.clone(), categories);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public FeatureType type() {
    return FeatureType.CATEGORICAL;
  }

  @Override
  public int size() {
    return codes.length;
  }

  /** Returns the value at {@code row}, or {@code null} when missing. */
  public String value(int row) {
    int c = codes[row];
    return c == MISSING_CODE ? null : categories.get(c);
  }

  /** Returns the dictionary code at {@code row}, or {@link #MISSING_CODE}. */
  public int code(int row) {
    return codes[row];
  }

  /** Returns the distinct values in order of first appearance; index = code. */
  public List<String> categories() {
    return categories;
  }

  /** Returns how many rows hold each category, indexed by code. */
  public long[] categoryCounts() {
    long[] counts = new long[categories.size()];
    for (int c : codes) {
      if (c != MISSING_CODE) {
        counts[c]++;
      }
    }
    return counts;
  }

  @Override
  public boolean isMissing(int row) {
    Columns.checkRow(row, codes.length, name);
    return codes[row] == MISSING_CODE;
  }

  @Override
  public Object get(int row) {
    Columns.checkRow(row, codes.length, name);
    return value(row);
  }

  @Override
  public int missingCount() {
    return missing;
  }

  @Override
  public CategoricalColumn select(int[] rows) {
    List<String> values = new ArrayList<>(rows.length);
    for (int r : rows) {
      values.add(value(r));
    }
    return of(name, values);
  }

  @Override
  public CategoricalColumn withName(String newName) {
    return new CategoricalColumn(newName, codes, categories);
  }

  /** Two categorical columns are equal when name and row values are equal (codes may differ). */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof CategoricalColumn other)
        || !name.equals(other.name)
        || codes.length != other.codes.length) {
      return false;
    }
    for (int i = 0; i < codes.length; i++) {
      if (!Objects.equals(value(i), other.value(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = name.hashCode();
    for (int i = 0; i < codes.length; i++) {
      h = 31 * h + Objects.hashCode(value(i));
    }
    return h;
  }

  @Override
  public String toString() {
    return "CategoricalColumn[" + name + ", " + codes.length + " rows, "
        + categories.size() + " categories]";
  }
}
