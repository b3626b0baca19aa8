package dev.mlops.core.deployment;

import dev.mlops.core.model.PredictionOutcomes;
import dev.mlops.deployment.DeploymentStrategy;
import dev.mlops.deployment.ShadowReport;
import dev.mlops.model.Arm;
import dev.mlops.model.Model;
import dev.mlops.model.PredictionOutcome;
import dev.mlops.model.PredictionRequest;
import dev.mlops.time.MlopsClock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Shadow mode with output comparison: the primary answers every request; the candidate gets the
 * same request on a bounded executor and never changes the response, its latency or its errors.
 * A full shadow queue drops the copy (counted). {@link #report()} compares the two on the same
 * requests: agreement with a confidence interval, paired value deltas, the candidate's failures by
 * kind and latency, a sample of disagreements with their inputs, and, when {@link #label} is
 * called with delayed labels, McNemar's test of which model is right more often.
 *
 * <pre>{@code
 * try (ShadowStrategy shadow = ShadowStrategy.builder(primary, candidate).build()) {
 *   PredictionOutcome served = shadow.serve(request);   // the primary's answer
 *   ...
 *   ShadowReport r = shadow.report();
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} stops the owned shadow threads (a host executor is left alone).
 */
public final class ShadowStrategy implements DeploymentStrategy, AutoCloseable {
  private final Model primary;
  private final Model candidate;
  private final MlopsClock clock;
  private final ShadowLane lane;
  private final ShadowComparison comparison;
  private final ArmStats primaryStats = new ArmStats();
  private final ArmStats candidateStats = new ArmStats();
  private final LabelJoin labels;

  private ShadowStrategy(Builder b) {
    this.primary = b.primary;
    this.candidate = b.candidate;
    this.clock = b.clock;
    this.lane = b.executor != null ? ShadowLane.of(b.executor)
        : ShadowLane.bounded(candidate.name(), b.config.threads(), b.config.queueCapacity());
    this.comparison = new ShadowComparison(b.config.tolerance(), b.config.disagreementSample());
    this.labels = b.joinLabels ? new LabelJoin(b.config.labelCapacity()) : null;
  }

  /** Starts a builder for shadowing {@code candidate} behind {@code primary}. */
  public static Builder builder(Model primary, Model candidate) {
    return new Builder(primary, candidate);
  }

  @Override
  public String name() {
    return "shadow";
  }

  /** Always {@link Arm#PRIMARY}: the candidate never answers a caller. */
  @Override
  public Arm route(PredictionRequest request) {
    return Arm.PRIMARY;
  }

  @Override
  public PredictionOutcome serve(PredictionRequest request) {
    PredictionOutcome p = PredictionOutcomes.invoke(primary, request, Arm.PRIMARY, clock);
    primaryStats.record(p);
    String primaryLabel = p.prediction().flatMap(x -> x.label()).orElse(null);
    if (labels != null) {
      labels.shadowed(request.requestId(), primaryStats, primaryLabel, candidateStats, comparison);
    }
    comparison.shadowed();
    boolean queued = lane.offer(() -> {
      PredictionOutcome c = PredictionOutcomes.invoke(candidate, request, Arm.SHADOW, clock);
      candidateStats.record(c);
      comparison.compare(p, c);
      if (labels != null) {
        labels.candidateAnswered(request.requestId(), c.prediction().flatMap(x -> x.label()).orElse(null));
      }
    });
    if (!queued) {
      comparison.dropped();
      if (labels != null) {
        labels.candidateAnswered(request.requestId(), null);
      }
    }
    return p;
  }

  /**
   * Joins a delayed label to a shadowed request (only when built with {@link
   * Builder#joinLabels(boolean)}).
   *
   * @return whether a prediction with that id was waiting
   * @throws IllegalStateException if the strategy was built without label joining
   */
  public boolean label(String requestId, String label) {
    if (labels == null) {
      throw new IllegalStateException("this shadow strategy was built without joinLabels(true)");
    }
    return labels.label(requestId, label);
  }

  /** Returns the comparison so far; copies still running are not in it yet. */
  public ShadowReport report() {
    return comparison.report(primaryStats, candidateStats);
  }

  /**
   * Waits until every queued copy has run, then stops the owned shadow threads; for a host
   * executor returns at once. New requests after this are served but their copies are dropped.
   *
   * @return whether everything ran within the timeout
   */
  public boolean drain(Duration timeout) {
    return lane.drain(timeout.toMillis());
  }

  /** Stops the owned shadow threads without waiting. Idempotent. */
  @Override
  public void close() {
    lane.close();
  }

  /** Builds {@link ShadowStrategy}s. Not thread-safe. */
  public static final class Builder {
    private final Model primary;
    private final Model candidate;
    private ShadowConfig config = ShadowConfig.defaults();
    private MlopsClock clock = MlopsClock.system();
    private Executor executor;
    private boolean joinLabels;

    private Builder(Model primary, Model candidate) {
      this.primary = Objects.requireNonNull(primary, "primary");
      this.candidate = Objects.requireNonNull(candidate, "candidate");
    }

    /** Sets the shadow settings (default {@link ShadowConfig#defaults()}). */
    public Builder config(ShadowConfig value) {
      this.config = Objects.requireNonNull(value, "config");
      return this;
    }

    /** Sets the clock that times calls (default the system clock). */
    public Builder clock(MlopsClock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * Runs shadow calls on the host's executor instead of an owned bounded pool; one that
     * throws {@link java.util.concurrent.RejectedExecutionException} drops the copy. {@code
     * Runnable::run} runs them on the caller's thread (deterministic replays, tests).
     */
    public Builder executor(Executor value) {
      this.executor = Objects.requireNonNull(value, "executor");
      return this;
    }

    /** Keeps predictions until their labels arrive through {@link ShadowStrategy#label}. */
    public Builder joinLabels(boolean value) {
      this.joinLabels = value;
      return this;
    }

    /** Builds the strategy, starting its shadow threads. */
    public ShadowStrategy build() {
      return new ShadowStrategy(this);
    }
  }
}
