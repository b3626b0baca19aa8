package dev.mlops.testkit.model;

import dev.mlops.FailureKind;
import dev.mlops.ModelInferenceException;
import dev.mlops.data.DatasetSpec;
import dev.mlops.data.Record;
import dev.mlops.model.Model;
import dev.mlops.model.ModelDescriptor;
import dev.mlops.model.Prediction;
import dev.mlops.testkit.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A scripted stand-in for a {@link Model}: rules say what to answer for which inputs, the first
 * matching rule wins, and what matches no rule gets the fallback answer.
 *
 * <pre>{@code
 * FakeModel model = FakeModel.classifier("churn", "no", "yes")
 *     .when(r -> r.getDouble("age") > 60).label("yes", 0.9)
 *     .when(r -> r.isMissing("age")).fail(FailureKind.INVALID_INPUT)
 *     .otherwiseSeeded(42)                       // same input, same answer, for this seed
 *     .latency(Duration.ofMillis(20), clock)     // each call moves the test clock
 *     .build();
 * }</pre>
 *
 * <p>A seeded answer depends on the seed and the record's values only, never on call order, so
 * it repeats across runs and threads. With a {@link TestClock} each call advances the clock by the
 * latency, so a caller that times the call with the clock's monotonic time measures exactly that
 * latency. After {@link #close()} every call fails with {@link FailureKind#CLOSED}, as the
 * {@link Model} contract says.
 *
 * <p>Thread-safe: rules are immutable, the call log is synchronized.
 */
public final class FakeModel implements Model {
  /** The version a fake model reports unless told: {@value}. */
  public static final String DEFAULT_VERSION = "fake";

  private final String name;
  private final String version;
  private final ModelDescriptor descriptor;
  private final List<Rule> rules;
  private final Answer fallback;
  private final Duration latency;
  private final TestClock clock;
  private final List<Record> calls = Collections.synchronizedList(new ArrayList<>());
  private final AtomicBoolean closed = new AtomicBoolean();

  /** What the model does for one record: return a prediction or throw. */
  @FunctionalInterface
  private interface Answer {
    Prediction apply(FakeModel model, Record record);
  }

  private record Rule(Predicate<Record> condition, Answer answer) {}

  private FakeModel(Builder b) {
    this.name = b.name;
    this.version = b.version;
    ModelDescriptor d = b.classes.isEmpty()
        ? ModelDescriptor.regression(b.name, b.version)
        : ModelDescriptor.classification(b.name, b.version, b.classes);
    this.descriptor = b.inputSpec == null ? d : d.withInputSpec(b.inputSpec);
    this.rules = List.copyOf(b.rules);
    this.fallback = b.fallback;
    this.latency = b.latency;
    this.clock = b.clock;
  }

  /**
   * Starts a fake classifier with these classes, in the model's order.
   *
   * @throws IllegalArgumentException if fewer than two classes are given or one repeats
   */
  public static Builder classifier(String name, String... classes) {
    if (classes.length < 2) {
      throw new IllegalArgumentException(
          "a classifier needs at least two classes, was " + List.of(classes));
    }
    return new Builder(name, List.of(classes));
  }

  /** Starts a fake regressor. */
  public static Builder regressor(String name) {
    return new Builder(name, List.of());
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String version() {
    return version;
  }

  @Override
  public ModelDescriptor describe() {
    return descriptor;
  }

  @Override
  public Prediction predict(Record record) {
    Objects.requireNonNull(record, "record");
    if (closed.get()) {
      throw new ModelInferenceException(FailureKind.CLOSED, name, null, null, null,
          "the fake model was closed", null);
    }
    calls.add(record);
    if (clock != null) {
      clock.advance(latency);
    }
    for (Rule rule : rules) {
      if (rule.condition().test(record)) {
        return rule.answer().apply(this, record);
      }
    }
    return fallback.apply(this, record);
  }

  /** Returns the records predicted so far (calls after close excluded), in call order. */
  public List<Record> calls() {
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }

  /** Returns the number of records predicted so far. */
  public int callCount() {
    return calls.size();
  }

  /** Returns whether {@link #close()} was called. */
  public boolean isClosed() {
    return closed.get();
  }

  @Override
  public void close() {
    closed.set(true);
  }

  @Override
  public String toString() {
    return "FakeModel[" + name + " " + version + (closed.get() ? ", closed]" : "]");
  }

  private List<String> classes() {
    return descriptor.classLabels();
  }

  private Prediction classification(String label, double probability) {
    List<String> classes = classes();
    if (!classes.contains(label)) {
      throw new IllegalArgumentException(
          "fake model '" + name + "' has no class '" + label + "'; classes " + classes);
    }
    double rest = (1 - probability) / (classes.size() - 1);
    Map<String, Double> p = new LinkedHashMap<>();
    for (String c : classes) {
      p.put(c, c.equals(label) ? probability : rest);
    }
    return Prediction.classification(label, p, version, latency);
  }

  private Prediction seeded(long seed, Record record) {
    SplittableRandom random = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * record.toMap().hashCode()));
    List<String> classes = classes();
    if (classes.isEmpty()) {
      return Prediction.regression(random.nextDouble(), version, latency);
    }
    double[] w = new double[classes.size()];
    double sum = 0;
    int top = 0;
    for (int i = 0; i < w.length; i++) {
      w[i] = random.nextDouble() + 1e-9;
      sum += w[i];
      top = w[i] > w[top] ? i : top;
    }
    Map<String, Double> p = new LinkedHashMap<>();
    for (int i = 0; i < w.length; i++) {
      p.put(classes.get(i), w[i] / sum);
    }
    return Prediction.classification(classes.get(top), p, version, latency);
  }

  private ModelInferenceException failure(FailureKind kind, String why) {
    return new ModelInferenceException(kind, name, null, null, null, why, null);
  }

  /** Collects rules and settings of a {@link FakeModel}. Not thread-safe. */
  public static final class Builder {
    private final String name;
    private final List<String> classes;
    private final List<Rule> rules = new ArrayList<>();
    private String version = DEFAULT_VERSION;
    private DatasetSpec inputSpec;
    private Answer fallback = (m, r) -> {
      throw m.failure(FailureKind.INVALID_INPUT, "no rule of the fake model matches " + r);
    };
    private Duration latency = Duration.ZERO;
    private TestClock clock;

    private Builder(String name, List<String> classes) {
      this.name = Objects.requireNonNull(name, "name");
      this.classes = classes;
    }

    /** Sets the version (default {@value #DEFAULT_VERSION}). */
    public Builder version(String value) {
      this.version = Objects.requireNonNull(value, "version");
      return this;
    }

    /** Sets the input spec {@link FakeModel#describe()} reports. */
    public Builder inputSpec(DatasetSpec spec) {
      this.inputSpec = Objects.requireNonNull(spec, "spec");
      return this;
    }

    /** Starts a rule for the records that {@code condition} accepts. */
    public When when(Predicate<Record> condition) {
      return new When(this, Objects.requireNonNull(condition, "condition"));
    }

    /** Answers every record no rule matches with this label, at probability 1. */
    public Builder otherwiseLabel(String label) {
      requireClassifier("otherwiseLabel");
      fallback = (m, r) -> m.classification(label, 1.0);
      return this;
    }

    /** Answers every record no rule matches with this regression value. */
    public Builder otherwiseScore(double value) {
      requireRegressor("otherwiseScore");
      fallback = (m, r) -> Prediction.regression(value, m.version, m.latency);
      return this;
    }

    /**
     * Answers every record no rule matches from a seed and the record's values: random class
     * probabilities (label the most probable) or a regression value in [0, 1).
     */
    public Builder otherwiseSeeded(long seed) {
      fallback = (m, r) -> m.seeded(seed, r);
      return this;
    }

    /** Answers every record no rule matches with a function of the record. */
    public Builder otherwise(Function<Record, Prediction> answer) {
      Objects.requireNonNull(answer, "answer");
      fallback = (m, r) -> answer.apply(r);
      return this;
    }

    /**
     * Makes every call take {@code value}: the clock is advanced by it and the prediction reports
     * it as its latency.
     */
    public Builder latency(Duration value, TestClock testClock) {
      if (value.isNegative()) {
        throw new IllegalArgumentException("latency must not be negative, was " + value);
      }
      this.latency = value;
      this.clock = Objects.requireNonNull(testClock, "testClock");
      return this;
    }

    /** Builds the model. */
    public FakeModel build() {
      return new FakeModel(this);
    }

    private void requireClassifier(String method) {
      if (classes.isEmpty()) {
        throw new IllegalStateException(method + " needs a classifier; '" + name + "' is a regressor");
      }
    }

    private void requireRegressor(String method) {
      if (!classes.isEmpty()) {
        throw new IllegalStateException(method + " needs a regressor; '" + name + "' is a classifier");
      }
    }
  }

  /** The answer part of a rule: what the records a condition accepts get. Not thread-safe. */
  public static final class When {
    private final Builder builder;
    private final Predicate<Record> condition;

    private When(Builder builder, Predicate<Record> condition) {
      this.builder = builder;
      this.condition = condition;
    }

    /** Predicts {@code label} at probability 1. */
    public Builder label(String label) {
      return label(label, 1.0);
    }

    /**
     * Predicts {@code label} at {@code probability}, the rest spread evenly over the other
     * classes.
     *
     * @throws IllegalArgumentException if the probability is outside [0, 1]
     */
    public Builder label(String label, double probability) {
      builder.requireClassifier("label");
      if (!builder.classes.contains(label)) {
        throw new IllegalArgumentException(
            "fake model '" + builder.name + "' has no class '" + label + "'; classes " + builder.classes);
      }
      if (!(probability >= 0 && probability <= 1)) {
        throw new IllegalArgumentException("probability must be in [0, 1], was " + probability);
      }
      return add((m, r) -> m.classification(label, probability));
    }

    /** Predicts a regression value. */
    public Builder score(double value) {
      builder.requireRegressor("score");
      return add((m, r) -> Prediction.regression(value, m.version, m.latency));
    }

    /** Fails with a {@link ModelInferenceException} of {@code kind}. */
    public Builder fail(FailureKind kind) {
      Objects.requireNonNull(kind, "kind");
      return add((m, r) -> {
        throw m.failure(kind, "scripted " + kind + " failure for " + r);
      });
    }

    /** Answers with a function of the record. */
    public Builder answer(Function<Record, Prediction> answer) {
      Objects.requireNonNull(answer, "answer");
      return add((m, r) -> answer.apply(r));
    }

    private Builder add(Answer answer) {
      builder.rules.add(new Rule(condition, answer));
      return builder;
    }
  }
}
