package dev.mlops.onnx;

import dev.mlops.time.MlopsClock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@link OnnxModel} loads and runs a model.
 *
 * @param name the model name reported by {@link OnnxModel#name()}; empty: the file name without
 *     {@code .onnx}, else the graph name
 * @param version the version reported by {@link OnnxModel#version()}; empty: {@code sha256:}
 *     and the first 12 hex digits of the file's digest
 * @param intraOpThreads threads ONNX Runtime uses inside one operator; 0 lets it choose
 * @param interOpThreads threads it uses across operators; 0 lets it choose
 * @param optimization the graph optimization level
 * @param executionProvider where the model runs
 * @param cudaDevice the CUDA device id, when {@code executionProvider} is CUDA
 * @param fallbackToCpu whether to run on the CPU when the requested provider is unavailable
 *     instead of failing
 * @param timeout per-call limit, enforced through ONNX Runtime's run options (the run is
 *     terminated); {@link Duration#ZERO} means none
 * @param allowMissing whether NaN or missing numeric feature values may reach the model (for
 *     models that handle them, like tree ensembles); when false they are rejected
 * @param features explicit record-to-input mapping; inputs it leaves out are derived
 * @param classes class names of a classifier in probability-column order; empty: from the
 *     model's {@code mlops.classes} property or its ZipMap keys
 * @param clock whose monotonic time measures {@link dev.mlops.model.Prediction#latency()}
 */
public record OnnxModelOptions(
    Optional<String> name,
    Optional<String> version,
    int intraOpThreads,
    int interOpThreads,
    GraphOptimization optimization,
    ExecutionProvider executionProvider,
    int cudaDevice,
    boolean fallbackToCpu,
    Duration timeout,
    boolean allowMissing,
    FeatureMapping features,
    List<String> classes,
    MlopsClock clock) {

  /** Default intra-op threads: {@value}, ONNX Runtime's own choice (one per physical core). */
  public static final int DEFAULT_INTRA_OP_THREADS = 0;
  /** Default inter-op threads: {@value}, ONNX Runtime's own choice. */
  public static final int DEFAULT_INTER_OP_THREADS = 0;
  /** Default optimization: {@link GraphOptimization#ALL}, ONNX Runtime's default. */
  public static final GraphOptimization DEFAULT_OPTIMIZATION = GraphOptimization.ALL;
  /** Default provider: {@link ExecutionProvider#CPU}. */
  public static final ExecutionProvider DEFAULT_EXECUTION_PROVIDER = ExecutionProvider.CPU;
  /** Default per-call timeout: none ({@link Duration#ZERO}), as in ONNX Runtime. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ZERO;
  /** Default clock: {@link MlopsClock#system()}. */
  public static final MlopsClock DEFAULT_CLOCK = MlopsClock.system();

  /**
   * Checks the options.
   *
   * @throws IllegalArgumentException naming the rejected option
   */
  public OnnxModelOptions {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(optimization, "optimization");
    Objects.requireNonNull(executionProvider, "executionProvider");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(features, "features");
    Objects.requireNonNull(clock, "clock");
    classes = List.copyOf(classes);
    if (intraOpThreads < 0) {
      throw new IllegalArgumentException("intraOpThreads must be >= 0, was " + intraOpThreads);
    }
    if (interOpThreads < 0) {
      throw new IllegalArgumentException("interOpThreads must be >= 0, was " + interOpThreads);
    }
    if (cudaDevice < 0) {
      throw new IllegalArgumentException("cudaDevice must be >= 0, was " + cudaDevice);
    }
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must not be negative, was " + timeout);
    }
  }

  /** The defaults: CPU, ONNX Runtime's threads and optimizations, no timeout, derived mapping. */
  public static OnnxModelOptions defaults() {
    return builder().build();
  }

  /** Starts a builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.name = name.orElse(null);
    b.version = version.orElse(null);
    b.intraOpThreads = intraOpThreads;
    b.interOpThreads = interOpThreads;
    b.optimization = optimization;
    b.executionProvider = executionProvider;
    b.cudaDevice = cudaDevice;
    b.fallbackToCpu = fallbackToCpu;
    b.timeout = timeout;
    b.allowMissing = allowMissing;
    b.features = features;
    b.classes = classes;
    b.clock = clock;
    return b;
  }

  /** Builds {@link OnnxModelOptions}. Not thread-safe. */
  public static final class Builder {
    private String name;
    private String version;
    private int intraOpThreads = DEFAULT_INTRA_OP_THREADS;
    private int interOpThreads = DEFAULT_INTER_OP_THREADS;
    private GraphOptimization optimization = DEFAULT_OPTIMIZATION;
    private ExecutionProvider executionProvider = DEFAULT_EXECUTION_PROVIDER;
    private int cudaDevice;
    private boolean fallbackToCpu;
    private Duration timeout = DEFAULT_TIMEOUT;
    private boolean allowMissing;
    private FeatureMapping features = FeatureMapping.derived();
    private List<String> classes = List.of();
    private MlopsClock clock = DEFAULT_CLOCK;

    private Builder() {}

    /** Sets the model name. */
    public Builder name(String value) {
      this.name = Objects.requireNonNull(value, "name");
      return this;
    }

    /** Sets the model version. */
    public Builder version(String value) {
      this.version = Objects.requireNonNull(value, "version");
      return this;
    }

    /** Sets the intra-op thread count (0: ONNX Runtime decides). */
    public Builder intraOpThreads(int value) {
      this.intraOpThreads = value;
      return this;
    }

    /** Sets the inter-op thread count (0: ONNX Runtime decides). */
    public Builder interOpThreads(int value) {
      this.interOpThreads = value;
      return this;
    }

    /** Sets the graph optimization level. */
    public Builder optimization(GraphOptimization value) {
      this.optimization = value;
      return this;
    }

    /** Sets the execution provider. */
    public Builder executionProvider(ExecutionProvider value) {
      this.executionProvider = value;
      return this;
    }

    /** Sets the CUDA device id. */
    public Builder cudaDevice(int value) {
      this.cudaDevice = value;
      return this;
    }

    /** Sets whether an unavailable provider falls back to the CPU. */
    public Builder fallbackToCpu(boolean value) {
      this.fallbackToCpu = value;
      return this;
    }

    /** Sets the per-call timeout ({@link Duration#ZERO}: none). */
    public Builder timeout(Duration value) {
      this.timeout = value;
      return this;
    }

    /** Sets whether missing (NaN) numeric values may reach the model. */
    public Builder allowMissing(boolean value) {
      this.allowMissing = value;
      return this;
    }

    /** Sets the explicit feature mapping. */
    public Builder features(FeatureMapping value) {
      this.features = value;
      return this;
    }

    /** Sets the class names in probability-column order. */
    public Builder classes(List<String> value) {
      this.classes = value;
      return this;
    }

    /** Sets the clock that times each run (default {@link #DEFAULT_CLOCK}). */
    public Builder clock(MlopsClock value) {
      this.clock = value;
      return this;
    }

    /** Builds the options, checking them. */
    public OnnxModelOptions build() {
      return new OnnxModelOptions(
          Optional.ofNullable(name), Optional.ofNullable(version), intraOpThreads, interOpThreads,
          optimization, executionProvider, cudaDevice, fallbackToCpu, timeout, allowMissing,
          features, classes, clock);
    }
  }
}
