package dev.mlops.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import dev.mlops.FailureKind;
import dev.mlops.ModelInferenceException;
import dev.mlops.DataFormatException;
import dev.mlops.core.data.SpecJson;
import dev.mlops.core.model.ElementType;
import dev.mlops.core.model.OnnxModels;
import dev.mlops.data.DatasetSpec;
import dev.mlops.data.FeatureSpec;
import dev.mlops.data.FeatureType;
import dev.mlops.data.NumericRange;
import dev.mlops.data.Record;
import dev.mlops.model.Model;
import dev.mlops.model.ModelDescriptor;
import dev.mlops.model.ModelTask;
import dev.mlops.model.Prediction;
import dev.mlops.time.MlopsClock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.StampedLock;

/**
 * A {@link Model} served by ONNX Runtime: loads an ONNX file, maps {@link Record} features to its
 * input tensors, runs it and decodes the outputs into {@link Prediction}s.
 *
 * <p><b>Feature mapping.</b> Each input is filled from features, in column order, taken from (1)
 * {@link OnnxModelOptions#features()}, else (2) the model's {@code mlops.features.<input>}
 * property (written by {@code dev.mlops.core.model.OnnxModels}), else (3) the input's own name
 * when it has one column ({@code [N]} or {@code [N, 1]}, as skl2onnx writes per-column inputs).
 * Inputs of type float, double, int64, int32 and string are supported. {@link #inputSpec()} is a
 * {@link DatasetSpec} of the mapped features for validation and monitoring.
 *
 * <p><b>Outputs.</b> Classifiers return label and class probabilities, from a probability tensor
 * or from the sequence of maps that converted scikit-learn classifiers produce; regressors return
 * a score. {@link #run(Map)} gives raw tensors for anything else.
 *
 * <p><b>Thread-safety.</b> Thread-safe: one ONNX Runtime session is shared by all threads
 * (its {@code run} is thread-safe). Every native tensor and result is closed before a call
 * returns or throws. {@link #close()} waits for calls in flight, is idempotent, and any later call
 * fails with {@link ModelInferenceException}.
 *
 * <p><b>Errors.</b> Every failure is a {@link ModelInferenceException} naming the model, the input
 * or feature and the expected and actual shape, type or name; ONNX Runtime's {@code OrtException}
 * is kept as the cause.
 */
public final class OnnxModel implements Model {
  private static final String ONNX_SUFFIX = ".onnx";

  private final String name;
  private final String version;
  private final OrtEnvironment env;
  private final OrtSession session;
  private final ModelMetadata metadata;
  private final ExecutionProvider provider;
  private final Duration timeout;
  private final MlopsClock clock;
  private final Timeouts timeouts;
  private final List<InputBinding> bindings;
  private final Map<String, String> unboundInputs;
  private final OutputDecoder decoder;
  private final List<String> classes;
  private final DatasetSpec inputSpec;
  private final ModelDescriptor descriptor;
  private final StampedLock lock = new StampedLock();
  private volatile boolean closed;

  private OnnxModel(
      String name, String version, OrtEnvironment env, OrtSession session, byte[] bytes,
      ExecutionProvider provider, OnnxModelOptions options, Timeouts timeouts) throws OrtException {
    this.name = name;
    this.version = version;
    this.env = env;
    this.session = session;
    this.provider = provider;
    this.timeout = options.timeout();
    this.clock = options.clock();
    this.timeouts = timeouts;
    this.metadata = readMetadata(session, bytes);
    this.classes = options.classes().isEmpty()
        ? property(OnnxModels.CLASSES_PROPERTY)
        : options.classes();
    this.bindings = new ArrayList<>();
    this.unboundInputs = new LinkedHashMap<>();
    Optional<DatasetSpec> requestSpec = embeddedSpec();
    bindInputs(options, requestSpec);
    this.decoder = OutputDecoder.forModel(name, metadata, classes);
    this.inputSpec = requestSpec.filter(this::coversBindings)
        .orElseGet(() -> deriveSpec(options.allowMissing()));
    this.descriptor = describe(decoder, bindings, unboundInputs, inputSpec, name, version);
  }

  private static ModelDescriptor describe(
      OutputDecoder decoder, List<InputBinding> bindings, Map<String, String> unboundInputs,
      DatasetSpec spec, String name, String version) {
    ModelDescriptor d = new ModelDescriptor(
        name, version, decoder.task(), decoder.classLabels(), Optional.empty());
    // A spec that leaves out an unbound input would wrongly look complete.
    return bindings.isEmpty() || !unboundInputs.isEmpty() ? d : d.withInputSpec(spec);
  }

  /**
   * Loads a model file with the default options.
   *
   * @throws ModelInferenceException if the file is missing, empty or not a valid model
   */
  public static OnnxModel load(Path file) {
    return load(file, OnnxModelOptions.defaults());
  }

  /**
   * Loads a model file.
   *
   * @throws ModelInferenceException if the file is missing, empty or not a valid model, an input
   *     has an unsupported type, the feature mapping does not fit, or the execution provider is
   *     unavailable (without {@link OnnxModelOptions#fallbackToCpu()})
   */
  public static OnnxModel load(Path file, OnnxModelOptions options) {
    Objects.requireNonNull(file, "file");
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new ModelInferenceException(FailureKind.ENGINE,
          file.toString(), null, "an ONNX model file", "no such file",
          "cannot read the model", e);
    } catch (IOException e) {
      throw new ModelInferenceException(FailureKind.ENGINE,
          file.toString(), null, "a readable ONNX model file",
          e.toString(), "cannot read the model", e);
    }
    String fileName = file.getFileName().toString();
    String defaultName = fileName.endsWith(ONNX_SUFFIX)
        ? fileName.substring(0, fileName.length() - ONNX_SUFFIX.length())
        : fileName;
    return create(file.toString(), options.name().orElse(defaultName), bytes, options,
        Timeouts.shared());
  }

  /**
   * Loads a model from its bytes. Without {@link OnnxModelOptions#name()} it is named after its
   * graph.
   *
   * @throws ModelInferenceException as {@link #load(Path, OnnxModelOptions)}
   */
  public static OnnxModel fromBytes(byte[] bytes, OnnxModelOptions options) {
    Objects.requireNonNull(bytes, "bytes");
    return create("<bytes>", options.name().orElse(null), bytes.clone(), options, Timeouts.shared());
  }

  /**
   * Loads a model from a class-path resource, e.g. {@code "/models/churn.onnx"}, through this
   * class's class loader.
   *
   * @throws ModelInferenceException if the resource is absent, or as {@link #load(Path,
   *     OnnxModelOptions)}
   */
  public static OnnxModel fromResource(String resource, OnnxModelOptions options) {
    Objects.requireNonNull(resource, "resource");
    String path = resource.startsWith("/") ? resource.substring(1) : resource;
    ClassLoader loader = OnnxModel.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(path)) {
      if (in == null) {
        throw new ModelInferenceException(FailureKind.ENGINE,
            resource, null, "a class-path resource",
            "not found by " + loader, "cannot read the model", null);
      }
      String base = path.substring(path.lastIndexOf('/') + 1);
      String defaultName = base.endsWith(ONNX_SUFFIX)
          ? base.substring(0, base.length() - ONNX_SUFFIX.length())
          : base;
      return create(resource, options.name().orElse(defaultName), in.readAllBytes(), options,
          Timeouts.shared());
    } catch (IOException e) {
      throw new ModelInferenceException(FailureKind.ENGINE,
          resource, null, "a readable class-path resource",
          e.toString(), "cannot read the model", e);
    }
  }

  /** Loads with an explicit timeout scheduler (tests fire terminations deterministically). */
  static OnnxModel create(
      String source, String name, byte[] bytes, OnnxModelOptions options, Timeouts timeouts) {
    String label = name == null ? source : name;
    if (bytes.length == 0) {
      throw new ModelInferenceException(FailureKind.ENGINE,
          label, null, "an ONNX ModelProto", "0 bytes",
          "the model file " + source + " is empty", null);
    }
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    ExecutionProvider provider = chooseProvider(label, options);
    OrtSession session;
    try (OrtSession.SessionOptions so = sessionOptions(options, provider)) {
      session = env.createSession(bytes, so);
    } catch (OrtException e) {
      throw new ModelInferenceException(FailureKind.ENGINE,
          label, null, "a valid ONNX model", bytes.length + " bytes",
          "ONNX Runtime cannot load " + source + ": " + e.getMessage(), e);
    }
    try {
      String modelName = name != null ? name : graphName(session, source);
      String version = options.version().orElseGet(() -> "sha256:" + digest(bytes));
      return new OnnxModel(modelName, version, env, session, bytes, provider, options, timeouts);
    } catch (OrtException | RuntimeException e) {
      closeQuietly(session, e);
      if (e instanceof ModelInferenceException m) {
        throw m;
      }
      throw new ModelInferenceException(FailureKind.ENGINE,
          label, null, "a readable model description", null,
          "cannot read the model's inputs and outputs: " + e.getMessage(), e);
    }
  }

  private static ExecutionProvider chooseProvider(String model, OnnxModelOptions options) {
    ExecutionProvider wanted = options.executionProvider();
    if (wanted == ExecutionProvider.CPU) {
      return ExecutionProvider.CPU;
    }
    Set<OrtProvider> available = OrtEnvironment.getAvailableProviders();
    if (available.contains(OrtProvider.CUDA)) {
      return ExecutionProvider.CUDA;
    }
    if (options.fallbackToCpu()) {
      return ExecutionProvider.CPU;
    }
    throw new ModelInferenceException(FailureKind.ENGINE,
        model, null, "execution provider " + wanted,
        "available providers " + available,
        "the requested execution provider is not available; put com.microsoft.onnxruntime:"
            + "onnxruntime_gpu (instead of onnxruntime) on the class path with a CUDA driver, or "
            + "allow fallbackToCpu", null);
  }

  private static OrtSession.SessionOptions sessionOptions(
      OnnxModelOptions options, ExecutionProvider provider) throws OrtException {
    OrtSession.SessionOptions so = new OrtSession.SessionOptions();
    try {
      if (options.intraOpThreads() > 0) {
        so.setIntraOpNumThreads(options.intraOpThreads());
      }
      if (options.interOpThreads() > 0) {
        so.setInterOpNumThreads(options.interOpThreads());
      }
      so.setOptimizationLevel(switch (options.optimization()) {
        case DISABLED -> OrtSession.SessionOptions.OptLevel.NO_OPT;
        case BASIC -> OrtSession.SessionOptions.OptLevel.BASIC_OPT;
        case EXTENDED -> OrtSession.SessionOptions.OptLevel.EXTENDED_OPT;
        case ALL -> OrtSession.SessionOptions.OptLevel.ALL_OPT;
      });
      if (provider == ExecutionProvider.CUDA) {
        so.addCUDA(options.cudaDevice());
      }
      return so;
    } catch (OrtException | RuntimeException e) {
      so.close();
      throw e;
    }
  }

  private static String graphName(OrtSession session, String source) throws OrtException {
    String graph = session.getMetadata().getGraphName();
    return graph == null || graph.isEmpty() ? source : graph;
  }

  private static ModelMetadata readMetadata(OrtSession session, byte[] bytes) throws OrtException {
    ModelHeader header = ModelHeader.parse(bytes);
    var ort = session.getMetadata();
    List<TensorInfo> inputs = new ArrayList<>();
    for (NodeInfo n : session.getInputInfo().values()) {
      inputs.add(OrtTypes.describe(n));
    }
    List<TensorInfo> outputs = new ArrayList<>();
    for (NodeInfo n : session.getOutputInfo().values()) {
      outputs.add(OrtTypes.describe(n));
    }
    return new ModelMetadata(ort.getGraphName(), header.producerName(), header.producerVersion(),
        header.irVersion(), header.opsets(), header.modelVersion(), inputs, outputs,
        new java.util.TreeMap<>(ort.getCustomMetadata()));
  }

  private List<String> property(String key) {
    String v = metadata.properties().get(key);
    return v == null || v.isEmpty() ? List.of() : List.of(v.split(",", -1));
  }

  /** The request spec written by an exported feature pipeline, if the model has one. */
  private Optional<DatasetSpec> embeddedSpec() {
    String json = metadata.properties().get(OnnxModels.INPUT_SPEC_PROPERTY);
    if (json == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(SpecJson.read(json, "model '" + name + "' property "
          + OnnxModels.INPUT_SPEC_PROPERTY));
    } catch (DataFormatException e) {
      throw new ModelInferenceException(FailureKind.ENGINE, name,
          OnnxModels.INPUT_SPEC_PROPERTY, "a dataset spec", "unreadable JSON",
          "the model's request spec cannot be read: " + e.getMessage(), e);
    }
  }

  private boolean coversBindings(DatasetSpec spec) {
    List<String> bound = bindings.stream().flatMap(b -> b.features().stream()).toList();
    return unboundInputs.isEmpty() && spec.featureNames().equals(bound);
  }

  private void bindInputs(OnnxModelOptions options, Optional<DatasetSpec> requestSpec) {
    for (String input : options.features().inputs().keySet()) {
      if (metadata.input(input).isEmpty()) {
        throw new ModelInferenceException(FailureKind.ENGINE, name, input,
            "one of the inputs " + inputNames(), "'" + input + "'",
            "the feature mapping names an input the model does not have", null);
      }
    }
    for (TensorInfo input : metadata.inputs()) {
      if (input.kind() != ValueKind.TENSOR || !InputBinding.SUPPORTED.contains(input.elementType())) {
        throw new ModelInferenceException(FailureKind.ENGINE, name, input.name(),
            "a tensor of " + InputBinding.SUPPORTED.stream().sorted().toList(), input.typeText(),
            "the input has an unsupported type", null);
      }
      List<String> features = options.features().inputs().get(input.name());
      if (features == null) {
        features = property(OnnxModels.FEATURES_PROPERTY_PREFIX + input.name());
      }
      boolean oneColumn = input.shape().size() == 1
          || (input.shape().size() == 2 && input.shape().get(1).size() == 1);
      if (features.isEmpty() && oneColumn) {
        features = List.of(input.name());
      }
      if (features.isEmpty()) {
        unboundInputs.put(input.name(), input.shapeText());
        continue;
      }
      checkWidth(input, features);
      boolean allowMissing = options.allowMissing();
      Set<String> domain = Set.of();
      String only = features.size() == 1 ? features.get(0) : null;
      Optional<FeatureSpec> declared = only == null
          ? Optional.empty()
          : requestSpec.flatMap(s -> s.feature(only));
      if (declared.isPresent()) {
        // An exported pipeline fills the missing values its impute steps declare, and rejects
        // the unseen categories of an "error" encoder.
        allowMissing |= !declared.get().required();
        domain = declared.get().domain()
            .filter(d -> d.minShareInDomain() >= 1.0)
            .map(d -> Set.copyOf(d.values()))
            .orElse(Set.of());
      }
      bindings.add(new InputBinding(name, input, features, allowMissing, domain));
    }
  }

  private void checkWidth(TensorInfo input, List<String> features) {
    List<Dimension> shape = input.shape();
    boolean fits = switch (shape.size()) {
      case 1 -> features.size() == 1;
      case 2 -> !shape.get(1).isFixed() || shape.get(1).size() == features.size();
      default -> false;
    };
    if (!fits) {
      throw new ModelInferenceException(FailureKind.ENGINE, name, input.name(), input.shapeText(),
          features.size() + " features " + features,
          "the feature count does not fit the input's shape (rank 1 or 2 with one column per "
              + "feature)", null);
    }
  }

  private DatasetSpec deriveSpec(boolean allowMissing) {
    DatasetSpec.Builder b = DatasetSpec.builder();
    for (InputBinding binding : bindings) {
      for (String feature : binding.features()) {
        FeatureSpec.Builder f;
        switch (binding.type()) {
          case STRING -> f = FeatureSpec.builder(feature, FeatureType.CATEGORICAL);
          case INT64, INT32 -> f = FeatureSpec.builder(feature, FeatureType.INTEGER);
          default -> f = FeatureSpec.builder(feature, FeatureType.NUMERIC)
              .range(new NumericRange(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, true, true,
                  allowMissing, true));
        }
        b.feature((allowMissing ? f.optional() : f).build());
      }
    }
    return b.build();
  }

  private static String digest(byte[] bytes) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
      return HexFormat.of().formatHex(d).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String version() {
    return version;
  }

  /** Returns what the model file declares: inputs, outputs, types, shapes, opsets, producer. */
  public ModelMetadata metadata() {
    return metadata;
  }

  /**
   * Returns what the model file says about itself: the task from the outputs (a classifier, a
   * regressor, or {@link ModelTask#UNKNOWN} when no output decodes), the class labels in
   * probability order when the file or the options name them (or, without names, the column
   * numbers of a fixed-width probability tensor; a ZipMap's keys are known only after a run), and
   * {@link #inputSpec()} when every input is mapped to features.
   */
  @Override
  public ModelDescriptor describe() {
    return descriptor;
  }

  /** Returns the spec of the features the model reads, derived from its inputs and mapping. */
  public DatasetSpec inputSpec() {
    return inputSpec;
  }

  /** Returns the resolved feature mapping (input name to features). */
  public FeatureMapping featureMapping() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    bindings.forEach(b -> m.put(b.inputName(), b.features()));
    return new FeatureMapping(m);
  }

  /** Returns the classifier's class names in probability order, or empty when unknown. */
  public List<String> classes() {
    return classes;
  }

  /** Returns whether outputs decode as a classifier (else regressor or raw only). */
  public boolean isClassifier() {
    return decoder.isClassifier();
  }

  /** Returns how outputs decode, e.g. "classifier (label: label, probabilities: probabilities)". */
  public String outputDecoding() {
    return decoder.describe();
  }

  /** Returns the execution provider the session runs on. */
  public ExecutionProvider executionProvider() {
    return provider;
  }

  /**
   * Predicts one record.
   *
   * @throws ModelInferenceException if the record lacks a feature, a value is missing, NaN or of
   *     the wrong type, the model is closed, the run times out or ONNX Runtime fails
   */
  @Override
  public Prediction predict(Record record) {
    Objects.requireNonNull(record, "record");
    return predictBatch(List.of(record)).get(0);
  }

  /**
   * Predicts records as one batch tensor per input; {@link Prediction#latency()} is the run time,
   * measured with {@link OnnxModelOptions#clock()}, divided by the batch size.
   *
   * @throws ModelInferenceException as {@link #predict(Record)}
   */
  @Override
  public List<Prediction> predictBatch(List<? extends Record> records) {
    Objects.requireNonNull(records, "records");
    if (records.isEmpty()) {
      return List.of();
    }
    long stamp = lock.readLock();
    try {
      checkOpen();
      requirePredictable();
      int rows = records.size();
      Object[] values = new Object[bindings.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = bindings.get(i).values(records);
      }
      // Values are all converted (and checked) before the first native tensor exists. One input,
      // the common case, needs no hash map per call.
      Map<String, OnnxTensor> tensors = Map.of();
      try {
        if (values.length == 1) {
          InputBinding b = bindings.get(0);
          tensors = Map.of(b.inputName(), b.tensor(env, values[0], rows));
        } else {
          tensors = new LinkedHashMap<>();
          for (int i = 0; i < values.length; i++) {
            InputBinding b = bindings.get(i);
            tensors.put(b.inputName(), b.tensor(env, values[i], rows));
          }
        }
        long start = clock.monotonicTime();
        try (OrtSession.Result result = runSession(tensors, decoder.outputNames())) {
          Duration latency = Duration.ofNanos((clock.monotonicTime() - start) / rows);
          return decoder.decode(result, rows, version, latency);
        }
      } catch (OrtException e) {
        throw new ModelInferenceException(FailureKind.ENGINE, name, null, null, null,
            "ONNX Runtime failed: " + e.getMessage(), e);
      } finally {
        tensors.values().forEach(OnnxTensor::close);
      }
    } finally {
      lock.unlockRead(stamp);
    }
  }

  private void requirePredictable() {
    if (!unboundInputs.isEmpty()) {
      String input = unboundInputs.keySet().iterator().next();
      throw new ModelInferenceException(FailureKind.ENGINE, name, input,
          "a feature mapping for input " + input + " " + unboundInputs.get(input),
          "none (no mlops.features." + input + " property)",
          "the model does not name the features of this input; pass OnnxModelOptions.features(...)",
          null);
    }
    decoder.requireDecodable(metadata);
  }

  /**
   * Runs the model on raw tensors and returns every tensor output (outputs that are sequences
   * or maps are decoded only by {@link #predict}; ask for them by name to get an error saying so).
   *
   * @throws ModelInferenceException if an input name is unknown or missing, a tensor's type or
   *     shape does not match the declared input, or the run fails
   */
  public Map<String, Tensor> run(Map<String, Tensor> inputs) {
    Set<String> outputs = new LinkedHashSet<>();
    metadata.outputs().stream().filter(o -> o.kind() == ValueKind.TENSOR)
        .forEach(o -> outputs.add(o.name()));
    return run(inputs, outputs);
  }

  /**
   * Runs the model on raw tensors and returns the named outputs.
   *
   * @throws ModelInferenceException as {@link #run(Map)}, or if an output is unknown or not a
   *     float, double, int64 or string tensor
   */
  public Map<String, Tensor> run(Map<String, Tensor> inputs, Set<String> outputs) {
    Objects.requireNonNull(inputs, "inputs");
    Objects.requireNonNull(outputs, "outputs");
    long stamp = lock.readLock();
    try {
      checkOpen();
      checkRawInputs(inputs);
      checkRawOutputs(outputs);
      Map<String, OnnxTensor> tensors = new LinkedHashMap<>();
      try {
        for (Map.Entry<String, Tensor> e : inputs.entrySet()) {
          tensors.put(e.getKey(), nativeTensor(e.getValue()));
        }
        try (OrtSession.Result result = runSession(tensors, outputs)) {
          Map<String, Tensor> out = new LinkedHashMap<>();
          for (Map.Entry<String, OnnxValue> e : result) {
            out.put(e.getKey(), javaTensor(e.getKey(), (OnnxTensor) e.getValue()));
          }
          return out;
        }
      } catch (OrtException e) {
        throw new ModelInferenceException(FailureKind.ENGINE, name, null, null, null,
            "ONNX Runtime failed: " + e.getMessage(), e);
      } finally {
        tensors.values().forEach(OnnxTensor::close);
      }
    } finally {
      lock.unlockRead(stamp);
    }
  }

  private void checkRawInputs(Map<String, Tensor> inputs) {
    for (Map.Entry<String, Tensor> e : inputs.entrySet()) {
      TensorInfo declared = metadata.input(e.getKey()).orElseThrow(() -> new ModelInferenceException(
          FailureKind.INVALID_INPUT, name, e.getKey(), "one of the inputs " + inputNames(), "'" + e.getKey() + "'",
          "the model has no input of that name", null));
      Tensor t = e.getValue();
      if (t.type() != declared.elementType()) {
        throw new ModelInferenceException(FailureKind.INVALID_INPUT,
            name, e.getKey(), declared.typeText(),
            "tensor(" + t.type().name().toLowerCase(java.util.Locale.ROOT) + ")"
                + Arrays.toString(t.shape()),
            "the tensor's element type does not match the input", null);
      }
      long[] shape = t.shape();
      boolean fits = shape.length == declared.shape().size();
      for (int i = 0; fits && i < shape.length; i++) {
        Dimension d = declared.shape().get(i);
        fits = !d.isFixed() || d.size() == shape[i];
      }
      if (!fits) {
        throw new ModelInferenceException(FailureKind.INVALID_INPUT,
            name, e.getKey(), declared.shapeText(),
            Arrays.toString(shape), "the tensor's shape does not match the input", null);
      }
    }
    for (TensorInfo input : metadata.inputs()) {
      if (!inputs.containsKey(input.name())) {
        throw new ModelInferenceException(FailureKind.INVALID_INPUT,
            name, input.name(), "inputs " + inputNames(),
            "inputs " + inputs.keySet(), "an input the model needs was not given", null);
      }
    }
  }

  private void checkRawOutputs(Set<String> outputs) {
    Set<ElementType> readable =
        Set.of(ElementType.FLOAT, ElementType.DOUBLE, ElementType.INT64, ElementType.STRING);
    for (String output : outputs) {
      TensorInfo declared = metadata.output(output).orElseThrow(() -> new ModelInferenceException(
          FailureKind.INVALID_INPUT, name, output, "one of the outputs " + metadata.outputs().stream().map(TensorInfo::name)
              .toList(), "'" + output + "'", "the model has no output of that name", null));
      if (declared.kind() != ValueKind.TENSOR || !readable.contains(declared.elementType())) {
        throw new ModelInferenceException(FailureKind.INVALID_INPUT,
            name, output, "a float, double, int64 or string tensor",
            declared.typeText(), "raw access cannot return this output; use predict()", null);
      }
    }
  }

  private OnnxTensor nativeTensor(Tensor t) throws OrtException {
    return switch (t.type()) {
      case FLOAT -> OnnxTensor.createTensor(env, FloatBuffer.wrap((float[]) t.data()), t.shape());
      case DOUBLE -> OnnxTensor.createTensor(env, DoubleBuffer.wrap((double[]) t.data()), t.shape());
      case INT64 -> OnnxTensor.createTensor(env, LongBuffer.wrap((long[]) t.data()), t.shape());
      case STRING -> OnnxTensor.createTensor(env, (String[]) t.data(), t.shape());
      default -> throw new IllegalStateException("unsupported tensor type " + t.type());
    };
  }

  private static Tensor javaTensor(String name, OnnxTensor t) throws OrtException {
    long[] shape = t.getInfo().getShape();
    OnnxJavaType type = t.getInfo().type;
    return switch (type) {
      case FLOAT -> {
        FloatBuffer b = t.getFloatBuffer();
        float[] v = new float[b.remaining()];
        b.get(v);
        yield Tensor.ofFloats(shape, v);
      }
      case DOUBLE -> {
        DoubleBuffer b = t.getDoubleBuffer();
        double[] v = new double[b.remaining()];
        b.get(v);
        yield Tensor.ofDoubles(shape, v);
      }
      case INT64 -> {
        LongBuffer b = t.getLongBuffer();
        long[] v = new long[b.remaining()];
        b.get(v);
        yield Tensor.ofLongs(shape, v);
      }
      case STRING -> {
        List<String> flat = new ArrayList<>();
        OutputDecoder.flattenStrings(t.getValue(), flat);
        yield Tensor.ofStrings(shape, flat.toArray(new String[0]));
      }
      default -> throw new IllegalStateException("output '" + name + "' has type " + type);
    };
  }

  /** Runs the session, with the per-call timeout when one is set. */
  private OrtSession.Result runSession(Map<String, OnnxTensor> tensors, Set<String> outputs)
      throws OrtException {
    if (timeout.isZero()) {
      return session.run(tensors, outputs);
    }
    try (OrtSession.RunOptions options = new OrtSession.RunOptions()) {
      Termination termination = new Termination(options);
      Timeouts.Cancellable pending = timeouts.schedule(timeout, termination::fire);
      try {
        return session.run(tensors, outputs, options);
      } catch (OrtException e) {
        if (termination.fired()) {
          throw new ModelInferenceException(FailureKind.TIMEOUT,
              name, null, "a run within " + timeout,
              "terminated at the timeout", "the run exceeded its timeout", e);
        }
        throw e;
      } finally {
        pending.cancel();
        termination.finish();
      }
    }
  }

  /**
   * Sets the terminate flag of one run's options unless the run has finished; the lock keeps the
   * timer from touching options that are being closed.
   */
  private static final class Termination {
    private final OrtSession.RunOptions options;
    private boolean finished;
    private boolean fired;

    Termination(OrtSession.RunOptions options) {
      this.options = options;
    }

    synchronized void fire() {
      if (finished) {
        return;
      }
      try {
        options.setTerminate(true);
        fired = true;
      } catch (OrtException e) {
        throw new IllegalStateException("cannot terminate the run", e);
      }
    }

    synchronized boolean fired() {
      return fired;
    }

    synchronized void finish() {
      finished = true;
    }
  }

  private List<String> inputNames() {
    return metadata.inputs().stream().map(TensorInfo::name).toList();
  }

  private void checkOpen() {
    if (closed) {
      throw new ModelInferenceException(FailureKind.CLOSED, name, null, "an open model", "closed",
          "the model was closed", null);
    }
  }

  /** Closes the session after calls in flight finish; idempotent. */
  @Override
  public void close() {
    long stamp = lock.writeLock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      session.close();
    } catch (OrtException e) {
      throw new ModelInferenceException(FailureKind.ENGINE, name, null, null, null,
          "ONNX Runtime failed to close the session: " + e.getMessage(), e);
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  private static void closeQuietly(OrtSession session, Exception primary) {
    try {
      session.close();
    } catch (OrtException e) {
      primary.addSuppressed(e);
    }
  }

  @Override
  public String toString() {
    return "OnnxModel[" + name + " " + version + ", " + provider + ", " + decoder.describe() + "]";
  }
}
