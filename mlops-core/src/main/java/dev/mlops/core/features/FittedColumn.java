package dev.mlops.core.features;

import dev.mlops.data.CategoricalDomain;
import dev.mlops.data.FeatureSpec;
import dev.mlops.data.FeatureTransformException;
import dev.mlops.data.FeatureType;
import dev.mlops.data.NumericRange;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One raw column of a {@link FittedPipeline}: its fitted operations and what the training data
 * looked like (type, range), from which the request spec is derived.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the raw column name
 * @param type the training column's type: NUMERIC or INTEGER for numeric columns, CATEGORICAL
 *     for encoded ones
 * @param ops the fitted operations in order; a categorical column has one {@link FittedOp.Encode}
 * @param min the smallest present training value (NaN for categorical columns)
 * @param max the largest present training value (NaN for categorical columns)
 */
public record FittedColumn(
    String name, FeatureType type, List<FittedOp> ops, double min, double max) {

  /** The step name used for failures before any step runs: {@value}. */
  public static final String INPUT_STEP = "input";

  /**
   * Copies and checks.
   *
   * @throws IllegalArgumentException if a categorical column does not have exactly one encoder
   *     or a numeric one has an encoder
   */
  public FittedColumn {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    ops = List.copyOf(ops);
    boolean encoded = !ops.isEmpty() && ops.get(0) instanceof FittedOp.Encode;
    if (encoded != (type == FeatureType.CATEGORICAL)
        || (encoded && ops.size() != 1)
        || (!encoded && ops.stream().anyMatch(o -> o instanceof FittedOp.Encode))) {
      throw new IllegalArgumentException(
          "column '" + name + "' of type " + type + " cannot have operations " + ops);
    }
  }

  /** Returns whether the column is encoded from categories (else numeric). */
  public boolean categorical() {
    return type == FeatureType.CATEGORICAL;
  }

  /** Returns the encoder of a categorical column. */
  public FittedOp.Encode encoder() {
    if (!categorical()) {
      throw new IllegalStateException("column '" + name + "' is numeric");
    }
    return (FittedOp.Encode) ops.get(0);
  }

  /** Returns whether a missing value is filled (by an impute step) rather than rejected. */
  public boolean fillsMissing() {
    if (categorical()) {
      return encoder().fill().isPresent();
    }
    return !ops.isEmpty() && ops.get(0) instanceof FittedOp.Fill;
  }

  /** Returns the names of the output features, in order. */
  public List<String> outputNames() {
    if (!categorical()) {
      return List.of(name);
    }
    FittedOp.Encode e = encoder();
    if (!e.oneHot()) {
      return List.of(name);
    }
    List<String> out = new ArrayList<>();
    e.categories().forEach(c -> out.add(name + "=" + c));
    if (e.unknown() == UnknownPolicy.EXTRA_COLUMN) {
      out.add(name + "=" + FittedOp.Encode.UNKNOWN_CATEGORY);
    }
    return out;
  }

  /** Returns the number of output features. */
  public int width() {
    return categorical() ? encoder().width() : 1;
  }

  /** Returns what a request's value of this column must look like. */
  public FeatureSpec requestSpec() {
    FeatureSpec.Builder b = FeatureSpec.builder(name, type);
    if (categorical()) {
      b.domain(new CategoricalDomain(encoder().categories(),
          encoder().unknown() == UnknownPolicy.ERROR ? 1.0 : 0.0));
    } else {
      b.range(new NumericRange(min, max, true, true, fillsMissing(), false));
    }
    return (fillsMissing() ? b.optional() : b).build();
  }

  /**
   * Writes this column's features for one raw value into {@code out} from {@code offset}.
   *
   * @param value a {@link Number}, a numeric {@link String} or {@code null} for numeric columns;
   *     any value (its text) or {@code null} for categorical ones
   * @throws FeatureTransformException naming the column and step for a missing value without an
   *     impute step, an unseen category under the ERROR policy, or a value of the wrong type
   */
  void apply(Object value, double[] out, int offset) {
    if (categorical()) {
      FittedOp.Encode e = encoder();
      int code = e.code(text(value), name);
      if (e.oneHot()) {
        for (int i = 0; i < e.width(); i++) {
          out[offset + i] = i == code ? 1 : 0;
        }
      } else {
        out[offset] = code;
      }
      return;
    }
    float x = (float) number(value);
    if (Float.isNaN(x) && !fillsMissing()) {
      throw new FeatureTransformException(name, ops.isEmpty() ? INPUT_STEP : ops.get(0).step(),
          "the value is missing (NaN) and no impute step is declared");
    }
    for (FittedOp op : ops) {
      x = ((FittedOp.Numeric) op).apply(x, name);
    }
    out[offset] = x;
  }

  private double number(Object value) {
    if (value == null) {
      return Double.NaN;
    }
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    if (value instanceof String s) {
      try {
        return new BigDecimal(s.strip()).doubleValue();
      } catch (NumberFormatException e) {
        throw new FeatureTransformException(name, INPUT_STEP,
            "expected a number, was the text '" + s + "'");
      }
    }
    throw new FeatureTransformException(name, INPUT_STEP,
        "expected a number, was " + value.getClass().getSimpleName() + " " + value);
  }

  /** Returns a raw value as a category: integral doubles without a fraction, null when missing. */
  static String text(Object value) {
    if (value == null || (value instanceof Double d && d.isNaN())) {
      return null;
    }
    if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 0x1p53) {
      return Long.toString(d.longValue());
    }
    return value.toString();
  }
}
