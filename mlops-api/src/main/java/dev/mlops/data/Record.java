package dev.mlops.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of features: a row view of a {@link Dataset}, or a request built at serving time with
 * {@link #of(Map)}. Values are {@link Double}, {@link String}, {@link Boolean} or
 * {@link java.time.Instant}; a missing value is {@code null} (or NaN for numbers).
 *
 * <p>Implementations in this package are immutable and thread-safe; a row view reads from an
 * immutable dataset.
 */
public interface Record {

  /** Returns the feature names in order. */
  List<String> featureNames();

  /** Returns whether this record has a feature named {@code feature} (present or missing). */
  boolean has(String feature);

  /**
   * Returns the value of a feature, or {@code null} when it is missing.
   *
   * @throws IllegalArgumentException if the record has no such feature
   */
  Object get(String feature);

  /**
   * Returns a numeric feature as a double; NaN when missing.
   *
   * @throws IllegalArgumentException if the record has no such feature or its value is not a
   *     number
   */
  default double getDouble(String feature) {
    Object v = get(feature);
    if (v == null) {
      return Double.NaN;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    throw new IllegalArgumentException(
        "feature '" + feature + "' is not numeric: " + v.getClass().getSimpleName() + " " + v);
  }

  /**
   * Returns a feature as a string, or {@code null} when missing. A whole floating-point number
   * within &plusmn;2<sup>53</sup> is written without a fraction ({@code "1"}, not {@code "1.0"}),
   * the same text spec inference, class balance and trained models give an integral numeric
   * label; any other value is its {@code toString()}.
   *
   * @throws IllegalArgumentException if the record has no such feature
   */
  default String getString(String feature) {
    Object v = get(feature);
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (Double.isNaN(d)) {
        return null;
      }
      if (d == Math.rint(d) && Math.abs(d) < 0x1p53) {
        return Long.toString((long) d);
      }
    }
    return v == null ? null : v.toString();
  }

  /**
   * Returns whether a feature is missing ({@code null} or NaN).
   *
   * @throws IllegalArgumentException if the record has no such feature
   */
  default boolean isMissing(String feature) {
    Object v = get(feature);
    return v == null || (v instanceof Double d && d.isNaN());
  }

  /** Returns the features as an insertion-ordered map; missing values map to {@code null}. */
  default Map<String, Object> toMap() {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String f : featureNames()) {
      out.put(f, get(f));
    }
    return out;
  }

  /**
   * Creates a record from a map, keeping its iteration order; {@code null} values are missing.
   * Numbers are converted to {@link Double}.
   *
   * @param values feature name to value
   * @throws IllegalArgumentException if a value is not a number, string, boolean or instant
   */
  static Record of(Map<String, ?> values) {
    return MapRecord.copyOf(values);
  }
}
