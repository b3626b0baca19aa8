package dev.mlops.testkit.model;

import dev.mlops.FailureKind;
import dev.mlops.ModelInferenceException;
import dev.mlops.data.Record;
import dev.mlops.model.Model;
import dev.mlops.model.ModelDescriptor;
import dev.mlops.model.Prediction;
import dev.mlops.model.PredictionRequest;
import dev.mlops.testkit.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * Wraps any model and spoils the calls a {@link FaultSelector} picks: slower (the test clock
 * moves), failing with a {@link FailureKind}, or wrong (a changed prediction). The other calls
 * reach the model unchanged.
 *
 * <pre>{@code
 * Model flaky = FaultyModel.wrap(model)
 *     .on(FaultSelector.fractionOfCalls(0.1, 42))
 *     .failWith(FailureKind.TIMEOUT);
 * Model slowInOslo = FaultyModel.wrap(model)
 *     .on(FaultSelector.segment(r -> "Oslo".equals(r.get("city"))))
 *     .slowBy(Duration.ofMillis(300), clock);
 * Model wrong = FaultyModel.wrap(model).on(FaultSelector.fractionOfInputs(0.2, 7)).flipLabel();
 * }</pre>
 *
 * <p>Closing the wrapper closes the model. Thread-safe when the wrapped model is: calls are
 * counted atomically.
 */
public final class FaultyModel implements Model {
  private final Model delegate;
  private final FaultSelector selector;
  private final Fault fault;
  private final AtomicLong callIndex = new AtomicLong();
  private final AtomicLong spoiled = new AtomicLong();

  /** What a spoiled call does instead of, or around, the model's answer. */
  @FunctionalInterface
  private interface Fault {
    Prediction apply(Model model, Record record);
  }

  private FaultyModel(Model delegate, FaultSelector selector, Fault fault) {
    this.delegate = delegate;
    this.selector = selector;
    this.fault = fault;
  }

  /** Starts wrapping {@code model}; every call is spoiled unless {@link Wrap#on} says otherwise. */
  public static Wrap wrap(Model model) {
    return new Wrap(Objects.requireNonNull(model, "model"));
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public String version() {
    return delegate.version();
  }

  @Override
  public ModelDescriptor describe() {
    return delegate.describe();
  }

  @Override
  public Prediction predict(Record record) {
    if (selector.affects(record, callIndex.getAndIncrement())) {
      spoiled.incrementAndGet();
      return fault.apply(delegate, record);
    }
    return delegate.predict(record);
  }

  @Override
  public Prediction predict(PredictionRequest request) {
    return predict(request.features());
  }

  @Override
  public List<Prediction> predictBatch(List<? extends Record> records) {
    List<Prediction> out = new ArrayList<>(records.size());
    for (Record r : records) {
      out.add(predict(r));
    }
    return out;
  }

  /** Returns how many calls were spoiled so far. */
  public long spoiledCalls() {
    return spoiled.get();
  }

  @Override
  public void close() {
    delegate.close();
  }

  @Override
  public String toString() {
    return "FaultyModel[" + delegate + "]";
  }

  /** Chooses the selector and the fault. Not thread-safe. */
  public static final class Wrap {
    private final Model model;
    private FaultSelector selector = FaultSelector.all();

    private Wrap(Model model) {
      this.model = model;
    }

    /** Spoils only the calls {@code which} picks. */
    public Wrap on(FaultSelector which) {
      this.selector = Objects.requireNonNull(which, "which");
      return this;
    }

    /**
     * Spoiled calls take {@code extra} longer: the clock is advanced by it before the model is
     * called and the prediction's latency grows by it.
     */
    public FaultyModel slowBy(Duration extra, TestClock clock) {
      Objects.requireNonNull(clock, "clock");
      if (extra.isNegative()) {
        throw new IllegalArgumentException("extra must not be negative, was " + extra);
      }
      return build((m, r) -> {
        clock.advance(extra);
        Prediction p = m.predict(r);
        return new Prediction(p.label(), p.score(), p.probabilities(), p.modelVersion(),
            p.latency().plus(extra));
      });
    }

    /** Spoiled calls fail with a {@link ModelInferenceException} of {@code kind}, without calling the model. */
    public FaultyModel failWith(FailureKind kind) {
      Objects.requireNonNull(kind, "kind");
      return build((m, r) -> {
        throw new ModelInferenceException(kind, m.name(), null, null, null,
            "injected " + kind + " failure", null);
      });
    }

    /** Spoiled calls return {@code wrong} applied to the model's prediction. */
    public FaultyModel answer(UnaryOperator<Prediction> wrong) {
      Objects.requireNonNull(wrong, "wrong");
      return build((m, r) -> wrong.apply(m.predict(r)));
    }

    /**
     * Spoiled calls of a classifier return the next class in the model's class order (the last
     * wraps to the first) with the probabilities of the two classes swapped; spoiled calls of a
     * regressor return the score negated.
     */
    public FaultyModel flipLabel() {
      return answer(FaultyModel::flip);
    }

    private FaultyModel build(Fault fault) {
      return new FaultyModel(model, selector, fault);
    }
  }

  private static Prediction flip(Prediction p) {
    if (p.label().isEmpty()) {
      double s = p.score().orElseThrow(
          () -> new IllegalStateException("cannot flip a prediction without label or score: " + p));
      return Prediction.regression(-s, p.modelVersion(), p.latency());
    }
    List<String> classes = new ArrayList<>(p.probabilities().keySet());
    String label = p.label().get();
    int at = classes.indexOf(label);
    if (classes.size() < 2 || at < 0) {
      throw new IllegalStateException(
          "cannot flip '" + label + "': the prediction's classes are " + classes);
    }
    String other = classes.get((at + 1) % classes.size());
    Map<String, Double> swapped = new LinkedHashMap<>(p.probabilities());
    swapped.put(label, p.probabilities().get(other));
    swapped.put(other, p.probabilities().get(label));
    return Prediction.classification(other, swapped, p.modelVersion(), p.latency());
  }
}
