package dev.mlops.core.features;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One fitted step of a column: the {@link FeatureStep}'s settings plus the parameters learned at
 * fit time. Numeric operations work in float32, the precision of the exported ONNX graph, so the
 * Java pipeline and ONNX Runtime give the same features (exactly, except the last bits of
 * {@code ln}).
 *
 * <p>Every implementation is an immutable, thread-safe record; {@code step} names the declared
 * step ({@code "2 scale(STANDARD)"}) in error messages and in the JSON form.
 */
public sealed interface FittedOp {

  /** Returns the position and text of the declared step this operation came from. */
  String step();

  /** A numeric operation on one value. */
  sealed interface Numeric extends FittedOp {
    /** Applies the operation to a present or missing (NaN) float value. */
    float apply(float x, String column);
  }

  /**
   * Replaces a missing value by {@code value} (ONNX-ML {@code Imputer}).
   *
   * @param value the fill value
   * @param step the declared step
   */
  record Fill(float value, String step) implements Numeric {
    @Override
    public float apply(float x, String column) {
      return Float.isNaN(x) ? value : x;
    }
  }

  /**
   * {@code (x - offset) * scale} (ONNX-ML {@code Scaler}).
   *
   * @param offset subtracted first
   * @param scale multiplied after
   * @param step the declared step
   */
  record Affine(float offset, float scale, String step) implements Numeric {
    @Override
    public float apply(float x, String column) {
      return (x - offset) * scale;
    }
  }

  /**
   * The number of boundaries {@code b} with {@code x >= b}.
   *
   * @param boundaries strictly increasing float boundaries
   * @param step the declared step
   */
  record Buckets(List<Float> boundaries, String step) implements Numeric {
    /** Copies the boundaries. */
    public Buckets {
      boundaries = List.copyOf(boundaries);
    }

    @Override
    public float apply(float x, String column) {
      int n = 0;
      for (float b : boundaries) {
        if (x >= b) {
          n++;
        }
      }
      return n;
    }
  }

  /**
   * {@code ln(1 + x)} (ONNX {@code Add} and {@code Log}).
   *
   * @param step the declared step
   */
  record Log1p(String step) implements Numeric {
    @Override
    public float apply(float x, String column) {
      if (!(x > -1f)) {
        throw new dev.mlops.data.FeatureTransformException(column, step,
            "log1p needs values above -1, was " + x);
      }
      return (float) Math.log(x + 1f);
    }
  }

  /**
   * Limits to {@code [min, max]} (ONNX {@code Clip}).
   *
   * @param min lower limit
   * @param max upper limit
   * @param step the declared step
   */
  record Clip(float min, float max, String step) implements Numeric {
    @Override
    public float apply(float x, String column) {
      return Math.max(min, Math.min(max, x));
    }
  }

  /**
   * 1 when {@code x > threshold}, else 0 (ONNX-ML {@code Binarizer}).
   *
   * @param threshold the threshold
   * @param step the declared step
   */
  record Binarize(float threshold, String step) implements Numeric {
    @Override
    public float apply(float x, String column) {
      return x > threshold ? 1f : 0f;
    }
  }

  /**
   * Encodes a category (ONNX-ML {@code LabelEncoder} to a code, then a comparison per one-hot
   * column). A missing value is first replaced by {@code fill}, if any.
   *
   * @param categories the training categories (sorted), plus a constant fill value
   * @param fill the category a missing value becomes, from an impute step
   * @param oneHot one 0/1 column per category when true, the category's index when false
   * @param unknown what an unseen category becomes
   * @param step the declared encoder step
   */
  record Encode(
      List<String> categories, Optional<String> fill, boolean oneHot, UnknownPolicy unknown,
      String step) implements FittedOp {

    /** Name suffix of the one-hot column of unseen categories: {@value}. */
    public static final String UNKNOWN_CATEGORY = "<unknown>";

    /** Copies and checks. */
    public Encode {
      categories = List.copyOf(categories);
      Objects.requireNonNull(fill, "fill");
      Objects.requireNonNull(unknown, "unknown");
      if (fill.isPresent() && !categories.contains(fill.get())) {
        throw new IllegalArgumentException(
            "fill '" + fill.get() + "' is not one of the categories " + categories);
      }
    }

    /** Returns the number of output columns. */
    public int width() {
      if (!oneHot) {
        return 1;
      }
      return categories.size() + (unknown == UnknownPolicy.EXTRA_COLUMN ? 1 : 0);
    }

    /**
     * Returns the code of a category: its index, or for an unseen one -1 (IGNORE) or the number of
     * categories (EXTRA_COLUMN). A missing value ({@code null}) is its fill's code.
     *
     * @throws dev.mlops.data.FeatureTransformException if the value is missing without a fill, or
     *     unseen under the ERROR policy
     */
    public int code(String value, String column) {
      String v = value == null ? fill.orElse(null) : value;
      if (v == null) {
        throw new dev.mlops.data.FeatureTransformException(column, step,
            "the value is missing and no impute step is declared");
      }
      int index = categories.indexOf(v);
      if (index >= 0) {
        return index;
      }
      return switch (unknown) {
        case IGNORE -> -1;
        case EXTRA_COLUMN -> categories.size();
        case ERROR -> throw new dev.mlops.data.FeatureTransformException(column, step,
            "category '" + v + "' was not seen at fit time; expected one of " + categories);
      };
    }

    /** Returns the code the exported graph gives an unseen category (-1 under ERROR too). */
    public int unknownCode() {
      return unknown == UnknownPolicy.EXTRA_COLUMN ? categories.size() : -1;
    }
  }
}
