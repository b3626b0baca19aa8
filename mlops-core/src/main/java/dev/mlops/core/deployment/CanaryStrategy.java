package dev.mlops.core.deployment;

import dev.mlops.core.model.PredictionOutcomes;
import dev.mlops.deployment.DeploymentStrategy;
import dev.mlops.deployment.NoKeyPolicy;
import dev.mlops.deployment.RolloutStep;
import dev.mlops.model.Arm;
import dev.mlops.model.Model;
import dev.mlops.model.PredictionOutcome;
import dev.mlops.model.PredictionRequest;
import dev.mlops.time.MlopsClock;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * A sticky canary: {@code weightBps} basis points of the routing keys go to the candidate, by
 * {@code bucket = murmur3_32(salt + ":" + key) mod 10000 < weightBps}, so a key keeps its model
 * while the weight holds and never goes back to the primary when the weight grows. Requests
 * without a key follow the {@link NoKeyPolicy}.
 *
 * <pre>{@code
 * CanaryStrategy canary = CanaryStrategy.builder(primary, candidate)
 *     .salt("churn-v4-rollout").weightBps(500).build();   // 5 %
 * PredictionOutcome served = canary.serve(request);
 * canary.weightBps(2_500);                                  // 25 %, atomically
 * }</pre>
 *
 * <p>A candidate failure is never returned: the primary answers instead, and both outcomes go to
 * the observer (which a rollout's gates read). Every outcome the strategy produces is handed to
 * the observer on the calling thread, so it must be quick and must not throw.
 *
 * <p>Thread-safe: the weight is one volatile value read once per request, so a request is routed
 * by one weight even while another thread changes it.
 */
public final class CanaryStrategy implements DeploymentStrategy {
  private final Model primary;
  private final Model candidate;
  private final Routing routing;
  private final MlopsClock clock;
  private final Consumer<PredictionOutcome> observer;
  private final LongAdder primaryServed = new LongAdder();
  private final LongAdder candidateServed = new LongAdder();
  private final LongAdder fallbacks = new LongAdder();
  private volatile int weightBps;

  private CanaryStrategy(Builder b) {
    this.primary = b.primary;
    this.candidate = b.candidate;
    this.routing = new Routing(b.salt, b.noKeyPolicy, b.seed);
    this.clock = b.clock;
    this.observer = b.observer;
    this.weightBps = b.weightBps;
  }

  /** Starts a builder for a canary of {@code candidate} against {@code primary}. */
  public static Builder builder(Model primary, Model candidate) {
    return new Builder(primary, candidate);
  }

  @Override
  public String name() {
    return "canary";
  }

  /** Returns the candidate's share in basis points. */
  public int weightBps() {
    return weightBps;
  }

  /**
   * Sets the candidate's share, atomically for requests that start afterwards.
   *
   * @throws IllegalArgumentException if it is outside 0 to 10000
   */
  public void weightBps(int value) {
    this.weightBps = RolloutStep.requireWeight(value);
  }

  /** Returns the sticky-bucketing salt. */
  public String salt() {
    return routing.salt();
  }

  @Override
  public Arm route(PredictionRequest request) {
    return routing.route(request, weightBps);
  }

  @Override
  public PredictionOutcome serve(PredictionRequest request) {
    if (route(request) == Arm.CANDIDATE) {
      PredictionOutcome c = PredictionOutcomes.invoke(candidate, request, Arm.CANDIDATE, clock);
      observer.accept(c);
      if (c.succeeded()) {
        candidateServed.increment();
        return c;
      }
      fallbacks.increment();
    }
    PredictionOutcome p = PredictionOutcomes.invoke(primary, request, Arm.PRIMARY, clock);
    observer.accept(p);
    primaryServed.increment();
    return p;
  }

  /** Returns how many requests the primary answered (fallbacks included). */
  public long primaryServed() {
    return primaryServed.sum();
  }

  /** Returns how many requests the candidate answered. */
  public long candidateServed() {
    return candidateServed.sum();
  }

  /** Returns how many candidate failures the primary answered instead. */
  public long fallbacks() {
    return fallbacks.sum();
  }

  /** Builds {@link CanaryStrategy}s. Not thread-safe. */
  public static final class Builder {
    private final Model primary;
    private final Model candidate;
    private String salt;
    private int weightBps;
    private NoKeyPolicy noKeyPolicy = NoKeyPolicy.PRIMARY;
    private long seed;
    private MlopsClock clock = MlopsClock.system();
    private Consumer<PredictionOutcome> observer = o -> { };

    private Builder(Model primary, Model candidate) {
      this.primary = Objects.requireNonNull(primary, "primary");
      this.candidate = Objects.requireNonNull(candidate, "candidate");
      this.salt = candidate.name() + "@" + candidate.version();
    }

    /** Sets the salt (default: {@code <candidate name>@<candidate version>}). */
    public Builder salt(String value) {
      this.salt = Objects.requireNonNull(value, "salt");
      return this;
    }

    /** Sets the initial weight in basis points (default 0). */
    public Builder weightBps(int value) {
      this.weightBps = RolloutStep.requireWeight(value);
      return this;
    }

    /** Sets what happens to requests without a routing key (default {@link NoKeyPolicy#PRIMARY}). */
    public Builder noKeyPolicy(NoKeyPolicy value) {
      this.noKeyPolicy = Objects.requireNonNull(value, "noKeyPolicy");
      return this;
    }

    /** Sets the seed of {@link NoKeyPolicy#RANDOM} (default 0). */
    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    /** Sets the clock that times calls (default the system clock). */
    public Builder clock(MlopsClock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /** Sets who sees every outcome, the candidate's failures included (default nobody). */
    public Builder observer(Consumer<PredictionOutcome> value) {
      this.observer = Objects.requireNonNull(value, "observer");
      return this;
    }

    /** Builds the strategy. */
    public CanaryStrategy build() {
      return new CanaryStrategy(this);
    }
  }
}
