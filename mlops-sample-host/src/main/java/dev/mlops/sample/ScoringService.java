package dev.mlops.sample;

import dev.mlops.core.data.SpecValidator;
import dev.mlops.core.deployment.RolloutController;
import dev.mlops.core.feedback.PredictionLogConfig;
import dev.mlops.core.feedback.PredictionLogger;
import dev.mlops.core.monitoring.AlertRules;
import dev.mlops.core.monitoring.ModelMonitor;
import dev.mlops.core.monitoring.ReferenceProfiles;
import dev.mlops.data.Dataset;
import dev.mlops.data.DatasetSpec;
import dev.mlops.data.Record;
import dev.mlops.data.ValidationReport;
import dev.mlops.deployment.Rollout;
import dev.mlops.deployment.RolloutPlan;
import dev.mlops.deployment.RolloutStep;
import dev.mlops.events.EventPublisher;
import dev.mlops.events.MonitorEvent;
import dev.mlops.model.Model;
import dev.mlops.model.PredictionOutcome;
import dev.mlops.model.PredictionRequest;
import dev.mlops.monitoring.MonitorConfig;
import dev.mlops.monitoring.WindowPolicy;
import dev.mlops.scoping.KeyMetrics;
import dev.mlops.scoping.Objectives;
import dev.mlops.time.MlopsClock;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A host's scoring endpoint in miniature: each request is checked against the spec (a violating
 * one is rejected before any model sees it), served by a canary rollout of the candidate against
 * the primary, recorded by a monitor that alerts when an input drifts from the reference, and
 * written to the prediction log.
 *
 * <pre>{@code
 * try (ScoringService service = ScoringService.builder("churn", spec, primary, candidate)
 *     .reference(trainingData).predictionLog(Path.of("predictions")).build()) {
 *   ScoringReply reply = service.score("req-1", "user-42", features);
 *   service.label("req-1", "yes");              // when the truth arrives
 * }
 * }</pre>
 *
 * <p>Owns both models: {@link #close()} closes them with the rollout, the monitor and the log.
 * Thread-safe: every part it calls is.
 */
public final class ScoringService implements AutoCloseable {
  /** Default {@link Builder#monitorWindow}: {@value} predictions per monitoring window. */
  public static final int DEFAULT_MONITOR_WINDOW = 250;

  /**
   * Default {@link Builder#plan}: a 10 % canary for 200 candidate requests, a 50 % canary for 200
   * more, then all traffic; the candidate's error rate must stay at most 1 % and its accuracy
   * within 5 points of the primary's (at least 100 labelled requests); the first failure rolls back.
   */
  public static final RolloutPlan DEFAULT_PLAN = RolloutPlan.builder()
      .step(RolloutStep.canary(1_000, 200))
      .step(RolloutStep.canary(5_000, 200))
      .step(RolloutStep.unanalysed(RolloutStep.FULL_WEIGHT_BPS))
      .gates(Objectives.builder()
          .atMost(KeyMetrics.ERROR_RATE, 0.01)
          .atLeastRelative(KeyMetrics.ACCURACY, -0.05, 100)
          .build())
      .build();

  private final SpecValidator validator;
  private final RolloutController rollout;
  private final ModelMonitor monitor;
  private final Model candidate;
  private final PredictionLogger log;
  private final MlopsClock clock;

  private ScoringService(Builder b) {
    this.validator = SpecValidator.of(b.spec);
    this.clock = b.clock;
    this.candidate = b.candidate;
    this.monitor = ModelMonitor.of(b.primary, MonitorConfig.builder()
        .window(WindowPolicy.ofCount(b.monitorWindow))
        .reference(ReferenceProfiles.of(b.reference))
        .rule(AlertRules.drift())
        .build(), clock);
    this.rollout = RolloutController.builder(b.name, b.plan, b.primary, b.candidate)
        .clock(clock).labelsExpected(true).build();
    this.log = PredictionLogger.builder(PredictionLogConfig.defaults(b.predictionLog)).clock(clock).build();
  }

  /**
   * Starts a builder.
   *
   * @param name the rollout's name, e.g. {@code "churn-v5"}
   * @param spec what a valid request looks like
   * @param primary the model in production
   * @param candidate the model being rolled out
   */
  public static Builder builder(String name, DatasetSpec spec, Model primary, Model candidate) {
    return new Builder(name, spec, primary, candidate);
  }

  /**
   * Validates and serves one request.
   *
   * @param requestId the request's id, to join a later label on
   * @param userKey the key that keeps a user on the same arm
   * @param features the request's features
   * @return the outcome, or the rejection with its violations
   */
  public ScoringReply score(String requestId, String userKey, Record features) {
    ValidationReport report = validator.validate(features);
    if (!report.valid()) {
      return new ScoringReply.Rejected(report);
    }
    PredictionOutcome outcome = rollout.serve(PredictionRequest.builder(features)
        .requestId(requestId).routingKey(userKey).clock(clock).build());
    monitor.record(outcome);
    log.log(outcome);
    return new ScoringReply.Served(outcome);
  }

  /** Reports the true label of an earlier request; the rollout's accuracy gate judges with it. */
  public void label(String requestId, String trueLabel) {
    rollout.label(requestId, trueLabel);
  }

  /** Returns the rollout, to read its state, reasons and audit log. */
  public Rollout rollout() {
    return rollout;
  }

  /** Returns the monitor's events: windows closed and alerts raised. */
  public EventPublisher<MonitorEvent> monitorEvents() {
    return monitor.events();
  }

  /** Waits until every prediction logged so far is on disk. */
  public void flushLog() {
    log.flush();
  }

  /** Closes the rollout, the log, the monitor with the primary model, and the candidate. */
  @Override
  public void close() {
    rollout.close();
    log.close();
    monitor.close();
    candidate.close();
  }

  /** Builds {@link ScoringService}s. Not thread-safe. */
  public static final class Builder {
    private final String name;
    private final DatasetSpec spec;
    private final Model primary;
    private final Model candidate;
    private Dataset reference;
    private Path predictionLog;
    private RolloutPlan plan = DEFAULT_PLAN;
    private MlopsClock clock = MlopsClock.system();
    private int monitorWindow = DEFAULT_MONITOR_WINDOW;

    private Builder(String name, DatasetSpec spec, Model primary, Model candidate) {
      this.name = Objects.requireNonNull(name, "name");
      this.spec = Objects.requireNonNull(spec, "spec");
      this.primary = Objects.requireNonNull(primary, "primary");
      this.candidate = Objects.requireNonNull(candidate, "candidate");
    }

    /** Sets the data the monitor compares live inputs with (required), usually the training set. */
    public Builder reference(Dataset value) {
      this.reference = Objects.requireNonNull(value, "reference");
      return this;
    }

    /** Sets the folder of the prediction log (required). */
    public Builder predictionLog(Path value) {
      this.predictionLog = Objects.requireNonNull(value, "predictionLog");
      return this;
    }

    /** Sets the rollout's steps and gates; default {@link #DEFAULT_PLAN}. */
    public Builder plan(RolloutPlan value) {
      this.plan = Objects.requireNonNull(value, "plan");
      return this;
    }

    /** Sets the clock of rollout, monitor, requests and log; default the system clock. */
    public Builder clock(MlopsClock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /** Sets the predictions per monitoring window; default {@value #DEFAULT_MONITOR_WINDOW}. */
    public Builder monitorWindow(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("monitorWindow must be >= 1, was " + value);
      }
      this.monitorWindow = value;
      return this;
    }

    /**
     * Builds the service.
     *
     * @throws IllegalStateException if the reference or the prediction log folder is missing
     */
    public ScoringService build() {
      if (reference == null || predictionLog == null) {
        throw new IllegalStateException("a scoring service needs a reference dataset and a prediction log folder; "
            + "missing: " + (reference == null ? "reference " : "") + (predictionLog == null ? "predictionLog" : ""));
      }
      return new ScoringService(this);
    }
  }
}
