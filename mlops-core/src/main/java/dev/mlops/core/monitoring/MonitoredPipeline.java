package dev.mlops.core.monitoring;

import dev.mlops.data.Record;
import dev.mlops.model.Model;
import dev.mlops.model.ModelDescriptor;
import dev.mlops.model.Prediction;
import dev.mlops.model.PredictionRequest;
import dev.mlops.monitoring.MonitorSnapshot;
import dev.mlops.monitoring.PipelineSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * A pipeline of monitored steps served as one {@link Model}: each step is a {@link ModelMonitor}
 * around its model, and a link turns a step's input and prediction into the next step's input
 * (a speech detector's segments feeding a transcriber, a feature transformer feeding a
 * classifier). Each step's inputs and outputs are watched against its own spec, so a change
 * upstream shows at the step where it starts; {@link #snapshot()} returns every step's state.
 *
 * <pre>{@code
 * MonitoredPipeline asr = MonitoredPipeline.builder("asr")
 *     .first(ModelMonitor.of(speechDetector, detectorConfig, clock))
 *     .then((audio, speech) -> segmentFeatures(audio, speech),
 *         ModelMonitor.of(transcriber, transcriberConfig, clock))
 *     .build();
 * }</pre>
 *
 * <p>A step that throws ends the request: later steps are not called and the exception reaches
 * the caller, as it would without monitoring (the failing step's monitor counts it).
 *
 * <p>Thread-safe when the links are (the monitors are).
 */
public final class MonitoredPipeline implements Model {
  private final String name;
  private final List<ModelMonitor> steps;
  private final List<BiFunction<Record, Prediction, Record>> links;

  private MonitoredPipeline(String name, List<ModelMonitor> steps,
      List<BiFunction<Record, Prediction, Record>> links) {
    this.name = name;
    this.steps = List.copyOf(steps);
    this.links = List.copyOf(links);
  }

  /** Starts a pipeline of this name. */
  public static Builder builder(String name) {
    return new Builder(Objects.requireNonNull(name, "name"));
  }

  @Override
  public String name() {
    return name;
  }

  /** Returns the steps' versions joined with {@code +}, e.g. {@code v3+v7}. */
  @Override
  public String version() {
    return steps.stream().map(ModelMonitor::version).collect(Collectors.joining("+"));
  }

  /** Returns what the last step says about itself, under the pipeline's name and version. */
  @Override
  public ModelDescriptor describe() {
    ModelDescriptor last = steps.get(steps.size() - 1).describe();
    return new ModelDescriptor(name, version(), last.task(), last.classLabels(),
        steps.get(0).describe().inputSpec());
  }

  /** Returns the monitored steps, in order. */
  public List<ModelMonitor> steps() {
    return steps;
  }

  @Override
  public Prediction predict(Record record) {
    Objects.requireNonNull(record, "record");
    Record input = record;
    Prediction p = steps.get(0).predict(input);
    for (int i = 1; i < steps.size(); i++) {
      input = Objects.requireNonNull(links.get(i - 1).apply(input, p),
          "the link into step " + i + " returned null");
      p = steps.get(i).predict(input);
    }
    return p;
  }

  /** Predicts the request: the first step sees the request itself, later steps their inputs. */
  @Override
  public Prediction predict(PredictionRequest request) {
    Objects.requireNonNull(request, "request");
    Record input = request.features();
    Prediction p = steps.get(0).predict(request);
    for (int i = 1; i < steps.size(); i++) {
      input = Objects.requireNonNull(links.get(i - 1).apply(input, p),
          "the link into step " + i + " returned null");
      p = steps.get(i).predict(input);
    }
    return p;
  }

  /** Returns every step's snapshot, in pipeline order. */
  public PipelineSnapshot snapshot() {
    List<MonitorSnapshot> out = new ArrayList<>(steps.size());
    for (ModelMonitor m : steps) {
      out.add(m.snapshot());
    }
    return new PipelineSnapshot(name, out);
  }

  /** Closes every step (and so its model). */
  @Override
  public void close() {
    steps.forEach(ModelMonitor::close);
  }

  /** Builds {@link MonitoredPipeline}s. Not thread-safe. */
  public static final class Builder {
    private final String name;
    private final List<ModelMonitor> steps = new ArrayList<>();
    private final List<BiFunction<Record, Prediction, Record>> links = new ArrayList<>();

    private Builder(String name) {
      this.name = name;
    }

    /**
     * Sets the first step.
     *
     * @throws IllegalStateException if a first step is already set
     */
    public Builder first(ModelMonitor step) {
      if (!steps.isEmpty()) {
        throw new IllegalStateException("pipeline '" + name + "' already has a first step");
      }
      steps.add(Objects.requireNonNull(step, "step"));
      return this;
    }

    /**
     * Appends a step fed by {@code link(previous input, previous prediction)}.
     *
     * @throws IllegalStateException if there is no first step yet
     */
    public Builder then(BiFunction<Record, Prediction, Record> link, ModelMonitor step) {
      if (steps.isEmpty()) {
        throw new IllegalStateException("pipeline '" + name + "' needs a first step before then()");
      }
      links.add(Objects.requireNonNull(link, "link"));
      steps.add(Objects.requireNonNull(step, "step"));
      return this;
    }

    /**
     * Builds the pipeline.
     *
     * @throws IllegalStateException if it has no step
     */
    public MonitoredPipeline build() {
      if (steps.isEmpty()) {
        throw new IllegalStateException("pipeline '" + name + "' has no step");
      }
      return new MonitoredPipeline(name, steps, links);
    }
  }
}
