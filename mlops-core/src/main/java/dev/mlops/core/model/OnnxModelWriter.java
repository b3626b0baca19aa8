package dev.mlops.core.model;

import dev.mlops.core.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds an ONNX model file ({@code ModelProto}) in the protocol-buffers wire format, without any
 * ONNX or protobuf library: declare inputs, outputs, weights (initializers) and operator nodes,
 * then call {@link #toBytes()} or {@link #write(Path)}. {@link OnnxModels} uses it for linear and
 * logistic regression and small MLPs; hosts and tests can describe other graphs with it.
 *
 * <p>The file declares IR version {@value #IR_VERSION} and the default operator set
 * {@value #DEFAULT_OPSET} (add others, e.g. {@code ai.onnx.ml}, with {@link #opset}). The writer
 * does not check the graph: ONNX Runtime does that when it loads the model.
 *
 * <p>Not thread-safe: build on one thread. {@link #toBytes()} can be called repeatedly.
 */
public final class OnnxModelWriter {

  /** ONNX IR version written: {@value} (ONNX 1.8, the first IR that opset 13 runtimes accept widely). */
  public static final long IR_VERSION = 7;

  /** Version of the default ONNX operator set: {@value} (Gemm, Softmax, ArgMax as of opset 13). */
  public static final long DEFAULT_OPSET = 13;

  /** Producer name written into every file: {@value}. */
  public static final String PRODUCER = "mlops-java";

  /** Domain of the ONNX-ML operators (ZipMap, LinearClassifier, ...): {@value}. */
  public static final String ML_DOMAIN = "ai.onnx.ml";

  private final String graphName;
  private final Map<String, Long> opsets = new LinkedHashMap<>();
  private final Map<String, String> properties = new LinkedHashMap<>();
  private final List<ProtoWriter> nodes = new ArrayList<>();
  private final List<ProtoWriter> initializers = new ArrayList<>();
  private final List<ProtoWriter> inputs = new ArrayList<>();
  private final List<ProtoWriter> outputs = new ArrayList<>();
  private final java.util.Set<String> inputNames = new java.util.LinkedHashSet<>();
  private final java.util.Set<String> valueNames = new java.util.HashSet<>();
  private String producerVersion = "1";
  private long modelVersion;
  private int nodeCount;

  private OnnxModelWriter(String graphName) {
    this.graphName = Objects.requireNonNull(graphName, "graphName");
    opsets.put("", DEFAULT_OPSET);
  }

  /** Starts a model whose graph has the given name. */
  public static OnnxModelWriter graph(String graphName) {
    return new OnnxModelWriter(graphName);
  }

  /**
   * Declares (or changes the version of) an operator set.
   *
   * @param domain {@code ""} for the default ONNX domain, or e.g. {@value #ML_DOMAIN}
   * @param version the operator-set version, {@code >= 1}
   */
  public OnnxModelWriter opset(String domain, long version) {
    if (version < 1) {
      throw new IllegalArgumentException("opset version must be >= 1, was " + version);
    }
    opsets.put(Objects.requireNonNull(domain, "domain"), version);
    return this;
  }

  /** Sets the producer version written next to {@value #PRODUCER}. */
  public OnnxModelWriter producerVersion(String version) {
    this.producerVersion = Objects.requireNonNull(version, "version");
    return this;
  }

  /** Sets the model version number ({@code ModelProto.model_version}). */
  public OnnxModelWriter modelVersion(long version) {
    this.modelVersion = version;
    return this;
  }

  /** Adds a metadata property ({@code metadata_props}); a repeated key replaces the value. */
  public OnnxModelWriter property(String key, String value) {
    properties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    return this;
  }

  /**
   * Declares a graph input tensor.
   *
   * @param name the input name
   * @param type the element type
   * @param dims each a {@link Number} (fixed size) or a {@link String} (symbolic, e.g. "N")
   * @throws IllegalArgumentException if a dimension is neither
   */
  public OnnxModelWriter input(String name, ElementType type, Object... dims) {
    inputNames.add(name);
    inputs.add(valueInfo(name, tensorType(type, dims)));
    return this;
  }

  /** Declares a graph output tensor; dims as in {@link #input}. */
  public OnnxModelWriter output(String name, ElementType type, Object... dims) {
    outputs.add(valueInfo(name, tensorType(type, dims)));
    return this;
  }

  /**
   * Declares a graph output that is a sequence of maps (what {@code ZipMap} produces).
   *
   * @param name the output name
   * @param keyType {@link ElementType#INT64} or {@link ElementType#STRING}
   * @param valueType the map value type, usually {@link ElementType#FLOAT}
   */
  public OnnxModelWriter sequenceOfMapsOutput(String name, ElementType keyType, ElementType valueType) {
    ProtoWriter map = new ProtoWriter()
        .int64(1, keyType.code())
        .message(2, tensorType(valueType));
    ProtoWriter sequence = new ProtoWriter().message(1, new ProtoWriter().message(5, map));
    outputs.add(valueInfo(name, new ProtoWriter().message(4, sequence)));
    return this;
  }

  /**
   * Adds a float weight tensor (an initializer) of the given shape.
   *
   * @throws IllegalArgumentException if {@code values.length} is not the product of {@code dims}
   */
  public OnnxModelWriter initializer(String name, long[] dims, float[] values) {
    checkLength(name, dims, values.length);
    valueNames.add(name);
    initializers.add(tensorHeader(name, dims, ElementType.FLOAT).packedFloat(4, values));
    return this;
  }

  /** Adds a double weight tensor; see {@link #initializer(String, long[], float[])}. */
  public OnnxModelWriter initializer(String name, long[] dims, double[] values) {
    checkLength(name, dims, values.length);
    valueNames.add(name);
    initializers.add(tensorHeader(name, dims, ElementType.DOUBLE).packedDouble(10, values));
    return this;
  }

  /** Adds an int64 weight tensor; see {@link #initializer(String, long[], float[])}. */
  public OnnxModelWriter initializer(String name, long[] dims, long[] values) {
    checkLength(name, dims, values.length);
    valueNames.add(name);
    initializers.add(tensorHeader(name, dims, ElementType.INT64).packedInt64(7, values));
    return this;
  }

  /** Adds a string constant tensor (e.g. class names for a {@code Gather}). */
  public OnnxModelWriter initializer(String name, long[] dims, List<String> values) {
    checkLength(name, dims, values.size());
    valueNames.add(name);
    ProtoWriter t = tensorHeader(name, dims, ElementType.STRING);
    values.forEach(v -> t.string(6, v));
    initializers.add(t);
    return this;
  }

  /**
   * Adds an operator node of the default ONNX domain.
   *
   * @param opType e.g. "Gemm", "Relu", "Softmax"
   * @param inputs names of the values it reads, in the operator's order
   * @param outputs names of the values it writes
   * @param attributes its attributes
   */
  public OnnxModelWriter node(
      String opType, List<String> inputs, List<String> outputs, Attribute... attributes) {
    return node("", opType, inputs, outputs, attributes);
  }

  /** Adds an operator node of the given domain (e.g. {@value #ML_DOMAIN}). */
  public OnnxModelWriter node(
      String domain, String opType, List<String> inputs, List<String> outputs,
      Attribute... attributes) {
    ProtoWriter node = new ProtoWriter();
    inputs.forEach(i -> node.string(1, i));
    outputs.forEach(o -> node.string(2, o));
    valueNames.addAll(outputs);
    node.string(3, opType + "_" + nodeCount++);
    node.string(4, opType);
    for (Attribute a : attributes) {
      node.message(5, a.encode());
    }
    if (!domain.isEmpty()) {
      node.string(7, domain);
    }
    nodes.add(node);
    return this;
  }

  /** Returns whether an operator set of the domain is declared. */
  public boolean declares(String domain) {
    return opsets.containsKey(domain);
  }

  /** Returns the names of the declared graph inputs, in order. */
  public java.util.Set<String> inputNames() {
    return java.util.Collections.unmodifiableSet(inputNames);
  }

  /** Returns whether a node or initializer produces a value of this name. */
  public boolean produces(String name) {
    return valueNames.contains(name);
  }

  /** Returns the encoded {@code ModelProto}. */
  public byte[] toBytes() {
    ProtoWriter graph = new ProtoWriter();
    nodes.forEach(n -> graph.message(1, n));
    graph.string(2, graphName);
    initializers.forEach(t -> graph.message(5, t));
    inputs.forEach(i -> graph.message(11, i));
    outputs.forEach(o -> graph.message(12, o));

    ProtoWriter model = new ProtoWriter()
        .int64(1, IR_VERSION)
        .string(2, PRODUCER)
        .string(3, producerVersion)
        .int64(5, modelVersion)
        .message(7, graph);
    opsets.forEach((domain, version) -> {
      ProtoWriter opset = new ProtoWriter();
      if (!domain.isEmpty()) {
        opset.string(1, domain);
      }
      model.message(8, opset.int64(2, version));
    });
    properties.forEach((k, v) -> model.message(14, new ProtoWriter().string(1, k).string(2, v)));
    return model.toByteArray();
  }

  /**
   * Writes the model to a file atomically with {@link AtomicFiles}, creating parent folders; a
   * failure leaves the previous file intact.
   *
   * @return {@code file}
   * @throws UncheckedIOException naming the file and the reason if it cannot be written
   */
  public Path write(Path file) {
    byte[] bytes = toBytes();
    try {
      AtomicFiles.write(file, bytes);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write ONNX model: " + e.getMessage(), e);
    }
  }

  private static void checkLength(String name, long[] dims, int length) {
    long expected = Arrays.stream(dims).reduce(1, Math::multiplyExact);
    if (expected != length) {
      throw new IllegalArgumentException(
          "initializer '" + name + "' has " + length + " values, expected " + expected
              + " for shape " + Arrays.toString(dims));
    }
  }

  private static ProtoWriter tensorHeader(String name, long[] dims, ElementType type) {
    ProtoWriter t = new ProtoWriter();
    for (long d : dims) {
      t.int64(1, d);
    }
    return t.int64(2, type.code()).string(8, name);
  }

  private static ProtoWriter valueInfo(String name, ProtoWriter type) {
    return new ProtoWriter().string(1, Objects.requireNonNull(name, "name")).message(2, type);
  }

  private static ProtoWriter tensorType(ElementType type, Object... dims) {
    ProtoWriter shape = new ProtoWriter();
    for (Object d : dims) {
      ProtoWriter dim = new ProtoWriter();
      if (d instanceof Number n) {
        dim.int64(1, n.longValue());
      } else if (d instanceof String s) {
        dim.string(2, s);
      } else {
        throw new IllegalArgumentException(
            "a dimension is a Number or a symbolic String, was " + d);
      }
      shape.message(1, dim);
    }
    ProtoWriter tensor = new ProtoWriter().int64(1, type.code()).message(2, shape);
    return new ProtoWriter().message(1, tensor);
  }

  /**
   * One node attribute. Create with {@link #of(String, long)}, {@link #of(String, float)},
   * {@link #ofInts}, {@link #ofStrings}. Immutable and thread-safe.
   */
  public static final class Attribute {
    private final ProtoWriter encoded;

    private Attribute(ProtoWriter encoded) {
      this.encoded = encoded;
    }

    /** An integer attribute (e.g. {@code axis}). */
    public static Attribute of(String name, long value) {
      return new Attribute(new ProtoWriter().string(1, name).int64(3, value).int64(20, 2));
    }

    /** A float attribute (e.g. Gemm's {@code alpha}). */
    public static Attribute of(String name, float value) {
      return new Attribute(new ProtoWriter().string(1, name).float32(2, value).int64(20, 1));
    }

    /** A list-of-floats attribute (e.g. Scaler's {@code offset}). */
    public static Attribute ofFloats(String name, float... values) {
      return new Attribute(new ProtoWriter().string(1, name).packedFloat(7, values).int64(20, 6));
    }

    /** A string attribute. */
    public static Attribute of(String name, String value) {
      return new Attribute(new ProtoWriter().string(1, name).string(4, value).int64(20, 3));
    }

    /** A list-of-integers attribute (e.g. ZipMap's {@code classlabels_int64s}). */
    public static Attribute ofInts(String name, long... values) {
      return new Attribute(new ProtoWriter().string(1, name).packedInt64(8, values).int64(20, 7));
    }

    /** A list-of-strings attribute (e.g. ZipMap's {@code classlabels_strings}). */
    public static Attribute ofStrings(String name, List<String> values) {
      ProtoWriter w = new ProtoWriter().string(1, name);
      values.forEach(v -> w.string(9, v));
      return new Attribute(w.int64(20, 8));
    }

    ProtoWriter encode() {
      return encoded;
    }
  }
}
