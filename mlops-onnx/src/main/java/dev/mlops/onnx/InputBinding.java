package dev.mlops.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import dev.mlops.FailureKind;
import dev.mlops.ModelInferenceException;
import dev.mlops.core.model.ElementType;
import dev.mlops.data.Record;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.List;
import java.util.Set;

/**
 * Fills one model input from records: the features, in column order, become a {@code [rows,
 * features]} tensor (or {@code [rows]} when the input has rank 1). Values are converted and
 * checked in Java before any native memory is allocated: text for a numeric input is parsed as a
 * decimal number (exactly, for INT64 and INT32), a value outside the element type's range (a
 * {@code 1e39} for FLOAT, a {@code 3000000000} for INT32) is a {@link ModelInferenceException}
 * naming feature, value and type, never an infinity or a clamped number, and a string input gets
 * text as it is. Immutable and thread-safe.
 */
final class InputBinding {
  /** Element types that records can be converted to. */
  static final Set<ElementType> SUPPORTED =
      Set.of(ElementType.FLOAT, ElementType.DOUBLE, ElementType.INT64, ElementType.INT32,
          ElementType.STRING);

  /**
   * The string a missing value of a string input becomes when the model accepts missing values:
   * the empty string, as an exported feature pipeline expects.
   */
  static final String MISSING_TEXT = "";

  private final String model;
  private final TensorInfo input;
  private final List<String> features;
  private final boolean allowMissing;
  private final Set<String> domain;

  InputBinding(String model, TensorInfo input, List<String> features, boolean allowMissing) {
    this(model, input, features, allowMissing, Set.of());
  }

  /**
   * A binding whose string values must belong to {@code domain} (empty: any value), as a model
   * with an exported feature pipeline declares for a column whose unknown policy is "error".
   */
  InputBinding(
      String model, TensorInfo input, List<String> features, boolean allowMissing,
      Set<String> domain) {
    this.model = model;
    this.input = input;
    this.features = List.copyOf(features);
    this.allowMissing = allowMissing;
    this.domain = Set.copyOf(domain);
  }

  String inputName() {
    return input.name();
  }

  ElementType type() {
    return input.elementType();
  }

  List<String> features() {
    return features;
  }

  /** Converts the records' features into the input's element type, row-major. */
  Object values(List<? extends Record> records) {
    int width = features.size();
    int rows = records.size();
    switch (input.elementType()) {
      case FLOAT -> {
        float[] out = new float[rows * width];
        for (int r = 0; r < rows; r++) {
          Record rec = records.get(r);
          for (int c = 0; c < width; c++) {
            out[r * width + c] = (float) number(rec, r, features.get(c));
          }
        }
        return out;
      }
      case DOUBLE -> {
        double[] out = new double[rows * width];
        for (int r = 0; r < rows; r++) {
          Record rec = records.get(r);
          for (int c = 0; c < width; c++) {
            out[r * width + c] = number(rec, r, features.get(c));
          }
        }
        return out;
      }
      case INT64, INT32 -> {
        long[] out = new long[rows * width];
        for (int r = 0; r < rows; r++) {
          Record rec = records.get(r);
          for (int c = 0; c < width; c++) {
            out[r * width + c] = whole(rec, r, features.get(c));
          }
        }
        return out;
      }
      case STRING -> {
        String[] out = new String[rows * width];
        for (int r = 0; r < rows; r++) {
          Record rec = records.get(r);
          for (int c = 0; c < width; c++) {
            out[r * width + c] = text(rec, r, features.get(c));
          }
        }
        return out;
      }
      default -> throw new IllegalStateException("unsupported input type " + input.elementType());
    }
  }

  /** Wraps converted values in a native tensor; the caller closes it. */
  OnnxTensor tensor(OrtEnvironment env, Object values, int rows) throws OrtException {
    long[] shape = input.shape().size() == 1 ? new long[] {rows} : new long[] {rows, features.size()};
    return switch (input.elementType()) {
      case FLOAT -> OnnxTensor.createTensor(env, FloatBuffer.wrap((float[]) values), shape);
      case DOUBLE -> OnnxTensor.createTensor(env, DoubleBuffer.wrap((double[]) values), shape);
      case INT64 -> OnnxTensor.createTensor(env, LongBuffer.wrap((long[]) values), shape);
      case INT32 -> OnnxTensor.createTensor(env, IntBuffer.wrap(narrow((long[]) values)), shape);
      case STRING -> OnnxTensor.createTensor(env, (String[]) values, shape);
      default -> throw new IllegalStateException("unsupported input type " + input.elementType());
    };
  }

  private double number(Record rec, int row, String feature) {
    Object v = value(rec, feature);
    double d;
    if (v instanceof Number n) {
      d = n.doubleValue();
    } else if (v instanceof Boolean b) {
      d = b ? 1 : 0;
    } else if (v instanceof String s) {
      d = parseNumber(s, row, feature);
    } else if (v == null) {
      d = Double.NaN;
    } else {
      throw wrongType(feature, row, v);
    }
    if (Double.isNaN(d) && !allowMissing) {
      throw new ModelInferenceException(FailureKind.INVALID_INPUT,
          model, feature, "a number for input '" + input.name() + "'",
          v == null ? "missing" : "NaN",
          "feature '" + feature + "' of row " + row + " is missing or NaN", null);
    }
    if (input.elementType() == ElementType.FLOAT && Double.isFinite(d)
        && Math.abs(d) > Float.MAX_VALUE) {
      throw outOfRange(feature, row, v, "[-" + Float.MAX_VALUE + ", " + Float.MAX_VALUE + "]");
    }
    return d;
  }

  /**
   * Parses decimal text ({@code -1.5}, {@code 2e-3}, {@code 00501}); {@code NaN} is missing and
   * {@code inf}/{@code Infinity} with an optional sign are infinite, as the CSV reader reads them.
   * A finite number too large for a double is out of range, never silently infinite.
   */
  private double parseNumber(String text, int row, String feature) {
    String s = text.strip();
    String body = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
    if (s.equals("NaN") || s.equals("nan")) {
      return Double.NaN;
    }
    if (body.equals("inf") || body.equals("Inf") || body.equals("Infinity")) {
      return s.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    double d = decimal(text, row, feature).doubleValue();
    if (Double.isInfinite(d)) {
      throw outOfRange(feature, row, text, "[-" + Double.MAX_VALUE + ", " + Double.MAX_VALUE + "]");
    }
    return d;
  }

  private BigDecimal decimal(String text, int row, String feature) {
    try {
      return new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      throw wrongType(feature, row, text);
    }
  }

  private long whole(Record rec, int row, String feature) {
    Object v = value(rec, feature);
    long value;
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      value = ((Number) v).longValue();
    } else if (v instanceof BigInteger big) {
      value = exactLong(new BigDecimal(big), feature, row, v);
    } else if (v instanceof String s) {
      value = exactLong(decimal(s, row, feature), feature, row, v);
    } else if (v instanceof Number n && !Double.isNaN(n.doubleValue())) {
      double d = n.doubleValue();
      if (d != Math.rint(d) || Double.isInfinite(d)) {
        throw notWhole(feature, row, Double.toString(d));
      }
      if (d < -0x1p63 || d >= 0x1p63) {
        throw outOfRange(feature, row, v, range());
      }
      value = (long) d;
    } else if (v instanceof Boolean b) {
      value = b ? 1 : 0;
    } else if (v == null || v instanceof Number) {
      throw new ModelInferenceException(FailureKind.INVALID_INPUT, model, feature,
          input.elementType() + " for input '" + input.name() + "'", v == null ? "missing" : "NaN",
          "feature '" + feature + "' of row " + row + " is missing or NaN", null);
    } else {
      throw wrongType(feature, row, v);
    }
    if (input.elementType() == ElementType.INT32
        && (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE)) {
      throw outOfRange(feature, row, v, range());
    }
    return value;
  }

  private long exactLong(BigDecimal d, String feature, int row, Object v) {
    if (d.signum() != 0 && d.stripTrailingZeros().scale() > 0) {
      throw notWhole(feature, row, v.toString());
    }
    try {
      return d.longValueExact();
    } catch (ArithmeticException e) {
      throw outOfRange(feature, row, v, range());
    }
  }

  private String range() {
    return input.elementType() == ElementType.INT32
        ? "[" + Integer.MIN_VALUE + ", " + Integer.MAX_VALUE + "]"
        : "[" + Long.MIN_VALUE + ", " + Long.MAX_VALUE + "]";
  }

  private ModelInferenceException notWhole(String feature, int row, String actual) {
    return new ModelInferenceException(FailureKind.INVALID_INPUT, model, feature,
        input.elementType() + " for input '" + input.name() + "'", actual,
        "feature '" + feature + "' of row " + row + " is not a whole number", null);
  }

  private ModelInferenceException outOfRange(String feature, int row, Object v, String range) {
    return new ModelInferenceException(FailureKind.INVALID_INPUT, model, feature,
        input.elementType() + " in " + range + " for input '" + input.name() + "'", v.toString(),
        "feature '" + feature + "' of row " + row + " is out of range for "
            + input.elementType(), null);
  }

  /** A string input gets text as it is; a whole number is written without a fraction. */
  private String text(Record rec, int row, String feature) {
    Object v = value(rec, feature);
    if (v == null || (v instanceof Double d && d.isNaN())) {
      if (allowMissing) {
        return MISSING_TEXT;
      }
      throw new ModelInferenceException(FailureKind.INVALID_INPUT,
          model, feature, "a string for input '" + input.name() + "'",
          "missing", "feature '" + feature + "' of row " + row + " is missing", null);
    }
    String text = v instanceof String s ? s : rec.getString(feature);
    if (!domain.isEmpty() && !domain.contains(text)) {
      throw new ModelInferenceException(FailureKind.INVALID_INPUT, model, feature,
          "one of " + domain.stream().sorted().toList(), "'" + text + "'",
          "feature '" + feature + "' of row " + row + " has a category the model's pipeline "
              + "rejects (not seen at fit time)", null);
    }
    return text;
  }

  private Object value(Record rec, String feature) {
    try {
      return rec.get(feature);
    } catch (IllegalArgumentException absent) {
      // Record.get throws for an absent feature; catching it saves a second lookup per value.
      throw new ModelInferenceException(FailureKind.INVALID_INPUT, model, feature,
          "feature '" + feature + "' for input '" + input.name() + "'",
          "record features " + rec.featureNames(), "the record lacks a feature the model needs",
          null);
    }
  }

  private ModelInferenceException wrongType(String feature, int row, Object v) {
    return new ModelInferenceException(FailureKind.INVALID_INPUT, model, feature,
        input.elementType() + " for input '" + input.name() + "'",
        v.getClass().getSimpleName() + " '" + v + "'",
        "feature '" + feature + "' of row " + row + " has the wrong type", null);
  }

  /** Narrows values {@link #whole} has already checked to be in the INT32 range. */
  private static int[] narrow(long[] values) {
    int[] out = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (int) values[i];
    }
    return out;
  }
}
