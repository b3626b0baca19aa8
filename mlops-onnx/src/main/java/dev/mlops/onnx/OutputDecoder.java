package dev.mlops.onnx;

import ai.onnxruntime.OnnxMap;
import ai.onnxruntime.OnnxSequence;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.mlops.FailureKind;
import dev.mlops.ModelInferenceException;
import dev.mlops.model.ModelTask;
import dev.mlops.core.model.ElementType;
import dev.mlops.model.Prediction;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a model's outputs into {@link Prediction}s. Chosen once per model from its declared
 * outputs:
 *
 * <ul>
 *   <li>a classifier when an output is a sequence of maps (ZipMap) or an int64/string tensor (the
 *       label), or when class names are known and an output is a {@code [N, classes]} float
 *       tensor: label from the label output (else the most probable class), probabilities from
 *       the maps or the tensor;
 *   <li>otherwise a regressor: the first column of the first float or double output;
 *   <li>otherwise nothing decodes, and {@link OnnxModel#predict} explains that {@link
 *       OnnxModel#run} is the way to read the outputs.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
final class OutputDecoder {
  private enum Mode { CLASSIFIER, REGRESSOR, NONE }

  private final String model;
  private final Mode mode;
  private final String labelOutput;
  private final String valueOutput;
  private final boolean valueIsMaps;
  private final List<String> classes;
  private final List<String> classLabels;
  private final Set<String> outputNames;

  private OutputDecoder(
      String model, Mode mode, String labelOutput, String valueOutput, boolean valueIsMaps,
      List<String> classes, List<String> classLabels) {
    this.model = model;
    this.mode = mode;
    this.labelOutput = labelOutput;
    this.valueOutput = valueOutput;
    this.valueIsMaps = valueIsMaps;
    this.classes = List.copyOf(classes);
    this.classLabels = List.copyOf(classLabels);
    Set<String> names = new LinkedHashSet<>();
    if (labelOutput != null) {
      names.add(labelOutput);
    }
    if (valueOutput != null) {
      names.add(valueOutput);
    }
    this.outputNames = Set.copyOf(names);
  }

  static OutputDecoder forModel(String model, ModelMetadata metadata, List<String> classes) {
    Optional<TensorInfo> maps = metadata.outputs().stream()
        .filter(o -> o.kind() == ValueKind.SEQUENCE_OF_MAPS).findFirst();
    Optional<TensorInfo> label = metadata.outputs().stream()
        .filter(o -> o.kind() == ValueKind.TENSOR && isLabelType(o.elementType())).findFirst();
    Optional<TensorInfo> real = metadata.outputs().stream()
        .filter(o -> o.kind() == ValueKind.TENSOR && isReal(o.elementType())).findFirst();
    Optional<TensorInfo> probabilities = real.filter(o -> o.shape().size() == 2);
    if (maps.isPresent() || label.isPresent() || (!classes.isEmpty() && probabilities.isPresent())) {
      String value = maps.map(TensorInfo::name)
          .orElse(probabilities.map(TensorInfo::name).orElse(null));
      probabilities.filter(p -> maps.isEmpty()).ifPresent(p -> checkWidth(model, p, classes));
      return new OutputDecoder(model, Mode.CLASSIFIER, label.map(TensorInfo::name).orElse(null),
          value, maps.isPresent(), classes, knownLabels(classes, maps, probabilities));
    }
    if (real.isPresent()) {
      return new OutputDecoder(
          model, Mode.REGRESSOR, null, real.get().name(), false, classes, List.of());
    }
    return new OutputDecoder(model, Mode.NONE, null, null, false, classes, List.of());
  }

  /**
   * The probability keys every prediction will have, in order: the known classes, else the column
   * numbers of a probability tensor of fixed width; empty when only a run can tell (a ZipMap's
   * keys, a tensor of symbolic width, a label without probabilities).
   */
  private static List<String> knownLabels(
      List<String> classes, Optional<TensorInfo> maps, Optional<TensorInfo> probabilities) {
    if (!classes.isEmpty()) {
      return classes;
    }
    if (maps.isEmpty() && probabilities.isPresent() && probabilities.get().shape().get(1).isFixed()) {
      return columnNames(Math.toIntExact(probabilities.get().shape().get(1).size()));
    }
    return List.of();
  }

  private static void checkWidth(String model, TensorInfo probabilities, List<String> classes) {
    long width = probabilities.shape().get(1).size();
    if (!classes.isEmpty() && width >= 0 && width != classes.size()) {
      throw new ModelInferenceException(FailureKind.ENGINE, model, probabilities.name(),
          classes.size() + " probability columns for classes " + classes,
          probabilities.shapeText(), "the probability output does not match the classes", null);
    }
  }

  private static boolean isLabelType(ElementType t) {
    return t == ElementType.INT64 || t == ElementType.INT32 || t == ElementType.STRING;
  }

  private static boolean isReal(ElementType t) {
    return t == ElementType.FLOAT || t == ElementType.DOUBLE;
  }

  /** Returns the outputs to request from the session. */
  Set<String> outputNames() {
    return outputNames;
  }

  /** Returns what predictions hold: classes, a number, or nothing decodable. */
  ModelTask task() {
    return switch (mode) {
      case CLASSIFIER -> ModelTask.CLASSIFICATION;
      case REGRESSOR -> ModelTask.REGRESSION;
      case NONE -> ModelTask.UNKNOWN;
    };
  }

  /** Returns the class labels in probability order, when known before a run (else empty). */
  List<String> classLabels() {
    return classLabels;
  }

  /** Returns whether the model is decoded as a classifier. */
  boolean isClassifier() {
    return mode == Mode.CLASSIFIER;
  }

  /** Returns a description such as "classifier (label: label, probabilities: probabilities)". */
  String describe() {
    return switch (mode) {
      case CLASSIFIER -> "classifier (label: " + (labelOutput == null ? "most probable class" : labelOutput)
          + ", probabilities: " + (valueOutput == null ? "none" : valueOutput) + ")";
      case REGRESSOR -> "regressor (score: " + valueOutput + ")";
      case NONE -> "raw outputs only";
    };
  }

  /** Throws when nothing decodes to a prediction. */
  void requireDecodable(ModelMetadata metadata) {
    if (mode == Mode.NONE) {
      throw new ModelInferenceException(FailureKind.ENGINE, model, null,
          "a float/double, int64/string or sequence-of-maps output",
          metadata.outputs().stream().map(o -> o.name() + ": " + o.typeText()).toList().toString(),
          "no output decodes to a prediction; read the outputs with run()", null);
    }
  }

  List<Prediction> decode(OrtSession.Result result, int rows, String version, Duration latency)
      throws OrtException {
    List<Prediction> out = new ArrayList<>(rows);
    if (mode == Mode.REGRESSOR) {
      double[] values = numbers(tensor(result, valueOutput));
      int width = values.length / rows;
      for (int r = 0; r < rows; r++) {
        out.add(Prediction.regression(values[r * width], version, latency));
      }
      return out;
    }
    List<Map<String, Double>> probabilities = valueOutput == null
        ? null
        : valueIsMaps ? maps(result.get(valueOutput).orElseThrow(), rows) : matrix(result, rows);
    String[] labels = labelOutput == null ? null : labels(tensor(result, labelOutput), rows);
    for (int r = 0; r < rows; r++) {
      Map<String, Double> p = probabilities == null ? Map.of() : probabilities.get(r);
      String label = labels != null ? labels[r] : mostProbable(p);
      out.add(Prediction.classification(label, p, version, latency));
    }
    return out;
  }

  private List<Map<String, Double>> matrix(OrtSession.Result result, int rows) {
    double[] values = numbers(tensor(result, valueOutput));
    int width = values.length / rows;
    List<String> keys = classes.isEmpty() ? columnNames(width) : classes;
    List<Map<String, Double>> out = new ArrayList<>(rows);
    for (int r = 0; r < rows; r++) {
      Map<String, Double> p = new LinkedHashMap<>(2 * width);
      for (int c = 0; c < width; c++) {
        p.put(keys.get(c), values[r * width + c]);
      }
      out.add(p);
    }
    return out;
  }

  /** Names probability columns "0", "1", ... when the class names are unknown. */
  private static List<String> columnNames(int width) {
    List<String> names = new ArrayList<>(width);
    for (int c = 0; c < width; c++) {
      names.add(Integer.toString(c));
    }
    return names;
  }

  private List<Map<String, Double>> maps(OnnxValue value, int rows) throws OrtException {
    List<? extends OnnxValue> elements = ((OnnxSequence) value).getValue();
    try {
      if (elements.size() != rows) {
        throw new ModelInferenceException(FailureKind.ENGINE, model, valueOutput, rows + " maps",
            elements.size() + " maps", "the probability output has the wrong length", null);
      }
      List<Map<String, Double>> out = new ArrayList<>(rows);
      for (OnnxValue element : elements) {
        out.add(ordered(((OnnxMap) element).getValue()));
      }
      return out;
    } finally {
      // The maps a sequence hands out are new native values owned by the caller.
      elements.forEach(OnnxValue::close);
    }
  }

  /** Orders a ZipMap row by the known classes, else numerically or alphabetically like sklearn. */
  private Map<String, Double> ordered(Map<?, ?> raw) {
    List<Object> keys = new ArrayList<>(raw.keySet());
    if (!classes.isEmpty()) {
      keys.sort(Comparator.comparingInt(k -> {
        int i = classes.indexOf(k.toString());
        return i < 0 ? Integer.MAX_VALUE : i;
      }));
    } else if (keys.stream().allMatch(k -> k instanceof Long)) {
      keys.sort(Comparator.comparingLong(k -> (Long) k));
    } else {
      keys.sort(Comparator.comparing(Object::toString));
    }
    Map<String, Double> out = new LinkedHashMap<>();
    for (Object k : keys) {
      out.put(k.toString(), ((Number) raw.get(k)).doubleValue());
    }
    return out;
  }

  private static String mostProbable(Map<String, Double> p) {
    return p.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
        .orElseThrow();
  }

  private OnnxTensor tensor(OrtSession.Result result, String name) {
    return (OnnxTensor) result.get(name).orElseThrow(
        () -> new ModelInferenceException(FailureKind.ENGINE,
            model, name, "output '" + name + "'", "absent",
            "the model did not return an output it declares", null));
  }

  private String[] labels(OnnxTensor t, int rows) throws OrtException {
    String[] out = new String[rows];
    if (t.getInfo().type == ai.onnxruntime.OnnxJavaType.STRING) {
      List<String> flat = new ArrayList<>(rows);
      flattenStrings(t.getValue(), flat);
      return flat.toArray(out);
    }
    double[] values = numbers(t);
    for (int r = 0; r < rows; r++) {
      out[r] = Long.toString((long) values[r]);
    }
    return out;
  }

  static void flattenStrings(Object value, List<String> out) {
    if (value instanceof String s) {
      out.add(s);
    } else if (value instanceof Object[] array) {
      for (Object o : array) {
        flattenStrings(o, out);
      }
    }
  }

  /** Reads a numeric tensor as doubles, row-major. */
  static double[] numbers(OnnxTensor t) {
    switch (t.getInfo().type) {
      case FLOAT -> {
        FloatBuffer b = t.getFloatBuffer();
        double[] out = new double[b.remaining()];
        for (int i = 0; i < out.length; i++) {
          out[i] = b.get(i);
        }
        return out;
      }
      case DOUBLE -> {
        DoubleBuffer b = t.getDoubleBuffer();
        double[] out = new double[b.remaining()];
        b.get(out);
        return out;
      }
      case INT64 -> {
        LongBuffer b = t.getLongBuffer();
        double[] out = new double[b.remaining()];
        for (int i = 0; i < out.length; i++) {
          out[i] = b.get(i);
        }
        return out;
      }
      case INT32 -> {
        IntBuffer b = t.getIntBuffer();
        double[] out = new double[b.remaining()];
        for (int i = 0; i < out.length; i++) {
          out[i] = b.get(i);
        }
        return out;
      }
      default -> throw new IllegalStateException("not a numeric tensor: " + t.getInfo());
    }
  }
}
