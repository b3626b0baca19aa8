package dev.mlops.core.deployment;

import dev.mlops.core.model.PredictionOutcomes;
import dev.mlops.deployment.AutomationDecision;
import dev.mlops.deployment.AutomationLevel;
import dev.mlops.deployment.AutomationReport;
import dev.mlops.deployment.AutomationRoute;
import dev.mlops.model.Arm;
import dev.mlops.model.Model;
import dev.mlops.model.Prediction;
import dev.mlops.model.PredictionOutcome;
import dev.mlops.model.PredictionRequest;
import dev.mlops.time.MlopsClock;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;

/**
 * One decision point with a switchable {@link AutomationLevel}, from human only to full
 * automation:
 * <ul>
 *   <li>{@link AutomationLevel#HUMAN_ONLY}: the model is not called; the request goes to the
 *       human queue hook;
 *   <li>{@link AutomationLevel#SHADOW}: the model predicts, the request goes to the human queue
 *       without the prediction, which is only returned for comparison;
 *   <li>{@link AutomationLevel#ASSIST}: the model's suggestion goes to the reviewer hook with the
 *       request;
 *   <li>{@link AutomationLevel#PARTIAL}: predictions with confidence at or above the threshold are
 *       automatic, the rest go to the human queue with the prediction; the split is counted per
 *       predicted class;
 *   <li>{@link AutomationLevel#FULL}: the prediction is the decision.
 * </ul>
 * A model failure always goes to a human (the queue hook, with no prediction). Regressors have no
 * confidence, so under PARTIAL they always go to the queue.
 *
 * <pre>{@code
 * AutomatedDecisions decisions = AutomatedDecisions.builder(model)
 *     .level(AutomationLevel.PARTIAL).confidenceThreshold(0.9)
 *     .humanQueue((request, prediction) -> queue.add(request))
 *     .build();
 * AutomationDecision d = decisions.decide(request);
 * decisions.level(AutomationLevel.FULL);   // at run time
 * }</pre>
 *
 * <p>Hooks are called on the deciding thread and must not throw; a hook that throws propagates
 * to the caller of {@link #decide}. Thread-safe: the level and threshold are volatile and read
 * once per request; counts are adders.
 */
public final class AutomatedDecisions {
  /** Default {@link Builder#confidenceThreshold}: {@value}. */
  public static final double DEFAULT_CONFIDENCE_THRESHOLD = 0.9;

  private final Model model;
  private final MlopsClock clock;
  private final BiConsumer<PredictionRequest, Prediction> reviewer;
  private final BiConsumer<PredictionRequest, Optional<Prediction>> humanQueue;
  private final Map<AutomationRoute, LongAdder> byRoute = new EnumMap<>(AutomationRoute.class);
  private final ConcurrentHashMap<String, LongAdder> automaticByClass = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, LongAdder> humanByClass = new ConcurrentHashMap<>();
  private volatile AutomationLevel level;
  private volatile double threshold;

  private AutomatedDecisions(Builder b) {
    this.model = b.model;
    this.clock = b.clock;
    this.reviewer = b.reviewer;
    this.humanQueue = b.humanQueue;
    this.level = b.level;
    this.threshold = b.threshold;
    for (AutomationRoute r : AutomationRoute.values()) {
      byRoute.put(r, new LongAdder());
    }
  }

  /** Starts a builder for decisions by {@code model}. */
  public static Builder builder(Model model) {
    return new Builder(model);
  }

  /** Returns the level in force. */
  public AutomationLevel level() {
    return level;
  }

  /** Switches the level; requests that start afterwards follow it. */
  public void level(AutomationLevel value) {
    this.level = Objects.requireNonNull(value, "level");
  }

  /**
   * Sets the PARTIAL confidence threshold.
   *
   * @throws IllegalArgumentException if it is outside [0, 1]
   */
  public void confidenceThreshold(double value) {
    this.threshold = checkThreshold(value);
  }

  /** Decides one request under the level in force. */
  public AutomationDecision decide(PredictionRequest request) {
    Objects.requireNonNull(request, "request");
    AutomationLevel l = level;
    if (l == AutomationLevel.HUMAN_ONLY) {
      humanQueue.accept(request, Optional.empty());
      return count(new AutomationDecision(l, AutomationRoute.HUMAN, Optional.empty(),
          "human only: the model is not consulted"), null);
    }
    PredictionOutcome outcome = PredictionOutcomes.invoke(model, request, Arm.PRIMARY, clock);
    Optional<Prediction> p = outcome.prediction();
    String label = p.flatMap(Prediction::label).orElse(null);
    if (p.isEmpty()) {
      humanQueue.accept(request, Optional.empty());
      return count(new AutomationDecision(l, AutomationRoute.HUMAN, Optional.of(outcome),
          "the model failed (" + outcome.failure().map(f -> f.kind().name()).orElse("") + "): a human decides"), null);
    }
    switch (l) {
      case SHADOW:
        humanQueue.accept(request, Optional.empty());
        return count(new AutomationDecision(l, AutomationRoute.HUMAN, Optional.of(outcome),
            "shadow: a human decides; the prediction is only recorded"), null);
      case ASSIST:
        reviewer.accept(request, p.get());
        return count(new AutomationDecision(l, AutomationRoute.REVIEW, Optional.of(outcome),
            "assist: the suggestion goes to a reviewer"), null);
      case PARTIAL: {
        double t = threshold;
        OptionalDouble confidence = p.get().confidence();
        if (confidence.isPresent() && confidence.getAsDouble() >= t) {
          return count(new AutomationDecision(l, AutomationRoute.AUTOMATIC, Optional.of(outcome),
              String.format(Locale.ROOT, "confidence %.4f >= threshold %.4f", confidence.getAsDouble(), t)), label);
        }
        humanQueue.accept(request, p);
        return count(new AutomationDecision(l, AutomationRoute.HUMAN, Optional.of(outcome),
            confidence.isPresent()
                ? String.format(Locale.ROOT, "confidence %.4f < threshold %.4f", confidence.getAsDouble(), t)
                : "the prediction has no confidence (a regressor): a human decides"), label);
      }
      default:
        return count(new AutomationDecision(l, AutomationRoute.AUTOMATIC, Optional.of(outcome),
            "full automation"), label);
    }
  }

  private AutomationDecision count(AutomationDecision d, String label) {
    byRoute.get(d.route()).increment();
    if (label != null) {
      ConcurrentHashMap<String, LongAdder> perClass = switch (d.route()) {
        case AUTOMATIC -> automaticByClass;
        case HUMAN -> d.level() == AutomationLevel.PARTIAL ? humanByClass : null;
        default -> null;
      };
      if (perClass != null) {
        perClass.computeIfAbsent(label, k -> new LongAdder()).increment();
      }
    }
    return d;
  }

  /** Returns the counts so far. */
  public AutomationReport report() {
    Map<AutomationRoute, Long> routes = new EnumMap<>(AutomationRoute.class);
    byRoute.forEach((k, v) -> routes.put(k, v.sum()));
    return new AutomationReport(routes, sums(automaticByClass), sums(humanByClass));
  }

  private static Map<String, Long> sums(Map<String, LongAdder> m) {
    Map<String, Long> out = new TreeMap<>();
    m.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  private static double checkThreshold(double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException("confidence threshold must be in [0, 1], was " + value);
    }
    return value;
  }

  /** Builds {@link AutomatedDecisions}. Not thread-safe. */
  public static final class Builder {
    private final Model model;
    private MlopsClock clock = MlopsClock.system();
    private AutomationLevel level = AutomationLevel.FULL;
    private double threshold = DEFAULT_CONFIDENCE_THRESHOLD;
    private BiConsumer<PredictionRequest, Prediction> reviewer = (r, p) -> {
      throw new IllegalStateException("ASSIST needs a reviewer hook; set one with reviewer(...)");
    };
    private BiConsumer<PredictionRequest, Optional<Prediction>> humanQueue = (r, p) -> {
      throw new IllegalStateException("this level sends requests to a human; set humanQueue(...)");
    };

    private Builder(Model model) {
      this.model = Objects.requireNonNull(model, "model");
    }

    /** Sets the starting level (default {@link AutomationLevel#FULL}). */
    public Builder level(AutomationLevel value) {
      this.level = Objects.requireNonNull(value, "level");
      return this;
    }

    /**
     * Sets the PARTIAL threshold (default {@value AutomatedDecisions#DEFAULT_CONFIDENCE_THRESHOLD}).
     *
     * @throws IllegalArgumentException if it is outside [0, 1]
     */
    public Builder confidenceThreshold(double value) {
      this.threshold = checkThreshold(value);
      return this;
    }

    /** Sets the clock that times model calls (default the system clock). */
    public Builder clock(MlopsClock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /** Sets the ASSIST reviewer, called with the request and the model's suggestion. */
    public Builder reviewer(BiConsumer<PredictionRequest, Prediction> value) {
      this.reviewer = Objects.requireNonNull(value, "reviewer");
      return this;
    }

    /** Sets the human queue, called with the request and the prediction when one is shown. */
    public Builder humanQueue(BiConsumer<PredictionRequest, Optional<Prediction>> value) {
      this.humanQueue = Objects.requireNonNull(value, "humanQueue");
      return this;
    }

    /** Builds the decision point. */
    public AutomatedDecisions build() {
      return new AutomatedDecisions(this);
    }
  }
}
