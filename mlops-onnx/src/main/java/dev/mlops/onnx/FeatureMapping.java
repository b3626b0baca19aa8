package dev.mlops.onnx;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which record features fill which model input: input name to the features that make up its
 * columns, in tensor-column order. A model may have several inputs (e.g. one numeric matrix and
 * one string column).
 *
 * <p>Immutable and thread-safe.
 *
 * @param inputs input name to feature names, in column order
 */
public record FeatureMapping(Map<String, List<String>> inputs) {

  /**
   * Copies the mapping, keeping its order.
   *
   * @throws IllegalArgumentException if an input has no features
   */
  public FeatureMapping {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : inputs.entrySet()) {
      List<String> features = List.copyOf(e.getValue());
      if (features.isEmpty()) {
        throw new IllegalArgumentException("input '" + e.getKey() + "' is mapped to no features");
      }
      copy.put(Objects.requireNonNull(e.getKey(), "input name"), features);
    }
    inputs = Collections.unmodifiableMap(copy);
  }

  /** No explicit mapping: derive it from the model (see {@link OnnxModel}). */
  public static FeatureMapping derived() {
    return new FeatureMapping(Map.of());
  }

  /** Maps one input to the given features. */
  public static FeatureMapping of(String input, List<String> features) {
    return new FeatureMapping(Map.of(input, features));
  }

  /** Returns a mapping with one more input. */
  public FeatureMapping and(String input, List<String> features) {
    Map<String, List<String>> copy = new LinkedHashMap<>(inputs);
    copy.put(input, features);
    return new FeatureMapping(copy);
  }

  /** Returns whether no input is mapped explicitly. */
  public boolean isEmpty() {
    return inputs.isEmpty();
  }
}
