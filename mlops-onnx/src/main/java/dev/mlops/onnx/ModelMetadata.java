package dev.mlops.onnx;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a model file declares about itself: inputs and outputs with their types and shapes, the
 * producer, the operator sets it needs and free-form metadata properties.
 *
 * <p>Immutable and thread-safe.
 *
 * @param graphName the graph's name
 * @param producerName the tool that wrote the model (e.g. "skl2onnx", "mlops-java")
 * @param producerVersion that tool's version
 * @param irVersion the ONNX IR version of the file
 * @param opsets operator-set domain ({@code ""} for the default ONNX domain) to version
 * @param modelVersion the model version number the file declares (0 when unset)
 * @param inputs the graph inputs, in order
 * @param outputs the graph outputs, in order
 * @param properties the file's metadata properties ({@code metadata_props})
 */
public record ModelMetadata(
    String graphName,
    String producerName,
    String producerVersion,
    long irVersion,
    Map<String, Long> opsets,
    long modelVersion,
    List<TensorInfo> inputs,
    List<TensorInfo> outputs,
    Map<String, String> properties) {

  /** Copies the collections, keeping their order. */
  public ModelMetadata {
    Objects.requireNonNull(graphName, "graphName");
    Objects.requireNonNull(producerName, "producerName");
    Objects.requireNonNull(producerVersion, "producerVersion");
    opsets = Collections.unmodifiableMap(new LinkedHashMap<>(opsets));
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }

  /** Returns the input of that name, if any. */
  public Optional<TensorInfo> input(String name) {
    return inputs.stream().filter(i -> i.name().equals(name)).findFirst();
  }

  /** Returns the output of that name, if any. */
  public Optional<TensorInfo> output(String name) {
    return outputs.stream().filter(o -> o.name().equals(name)).findFirst();
  }

  /** Returns the version of the default ONNX operator set ({@code ""} domain), or 0. */
  public long defaultOpset() {
    Long v = opsets.get("");
    return v == null ? 0 : v;
  }
}
