package dev.mlops.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import dev.mlops.FailureKind;
import dev.mlops.ModelInferenceException;
import dev.mlops.core.model.ElementType;
import dev.mlops.data.Record;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.List;
import java.util.Set;

/**
 * Fills one model input from records: the features, in column order, become a {@code [rows,
 * features]} tensor (or {@code [rows]} when the input has rank 1). Values are converted and
 * checked in Java before any native memory is allocated. Immutable and thread-safe.
 */
final class InputBinding {
  /** Element types that records can be converted to. */
  static final Set<ElementType> SUPPORTED =
      Set.of(ElementType.FLOAT, ElementType.DOUBLE, ElementType.INT64, ElementType.INT32,
          ElementType.STRING);

  private final String model;
  private final TensorInfo input;
  private final List<String> features;
  private final boolean allowMissing;

  InputBinding(String model, TensorInfo input, List<String> features, boolean allowMissing) {
    this.model = model;
    this.input = input;
    this.features = List.copyOf(features);
    this.allowMissing = allowMissing;
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
    return d;
  }

  private long whole(Record rec, int row, String feature) {
    Object v = value(rec, feature);
    if (v instanceof Number n && !Double.isNaN(n.doubleValue())) {
      double d = n.doubleValue();
      if (d != Math.rint(d) || Double.isInfinite(d)) {
        throw new ModelInferenceException(FailureKind.INVALID_INPUT, model, feature,
            input.elementType() + " for input '" + input.name() + "'", Double.toString(d),
            "feature '" + feature + "' of row " + row + " is not a whole number", null);
      }
      return (long) d;
    }
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (v == null || v instanceof Number) {
      throw new ModelInferenceException(FailureKind.INVALID_INPUT, model, feature,
          input.elementType() + " for input '" + input.name() + "'", v == null ? "missing" : "NaN",
          "feature '" + feature + "' of row " + row + " is missing or NaN", null);
    }
    throw wrongType(feature, row, v);
  }

  private String text(Record rec, int row, String feature) {
    Object v = value(rec, feature);
    if (v == null || (v instanceof Double d && d.isNaN())) {
      throw new ModelInferenceException(FailureKind.INVALID_INPUT,
          model, feature, "a string for input '" + input.name() + "'",
          "missing", "feature '" + feature + "' of row " + row + " is missing", null);
    }
    return v.toString();
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

  private static int[] narrow(long[] values) {
    int[] out = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = Math.toIntExact(values[i]);
    }
    return out;
  }
}
