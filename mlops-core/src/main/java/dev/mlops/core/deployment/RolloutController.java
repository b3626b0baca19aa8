package dev.mlops.core.deployment;

import dev.mlops.StoreException;
import dev.mlops.core.events.EventDispatcher;
import dev.mlops.core.events.EventDispatchers;
import dev.mlops.core.model.PredictionOutcomes;
import dev.mlops.deployment.DeploymentStrategy;
import dev.mlops.deployment.GatesEvaluated;
import dev.mlops.deployment.NoKeyPolicy;
import dev.mlops.deployment.Rollout;
import dev.mlops.deployment.RolloutPlan;
import dev.mlops.deployment.RolloutState;
import dev.mlops.deployment.RolloutStatus;
import dev.mlops.deployment.RolloutStep;
import dev.mlops.deployment.RolloutTransition;
import dev.mlops.deployment.ShadowReport;
import dev.mlops.events.EventPublisher;
import dev.mlops.events.RolloutEvent;
import dev.mlops.model.Arm;
import dev.mlops.model.Model;
import dev.mlops.model.PredictionOutcome;
import dev.mlops.model.PredictionRequest;
import dev.mlops.scoping.KeyMetrics;
import dev.mlops.scoping.Measurement;
import dev.mlops.scoping.Objective;
import dev.mlops.scoping.ObjectiveVerdict;
import dev.mlops.scoping.Objectives;
import dev.mlops.scoping.Verdict;
import dev.mlops.time.MlopsClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

/**
 * Drives a progressive rollout of a candidate model against the primary through a
 * {@link RolloutPlan}: each step sets the traffic (shadow copies or a sticky canary weight), its
 * analysis window collects both arms' metrics on live traffic, and when the window closes the
 * plan's gates ({@link Objectives} verdicts, relative ones against the primary on the same
 * window) decide: PASS moves to the next step (past the last one: promotion), INCONCLUSIVE pauses
 * for a human, FAIL beyond the plan's failure limit rolls back automatically (within it, the step
 * is repeated).
 *
 * <pre>{@code
 * try (RolloutController rollout = RolloutController.builder("churn-v4", plan, primary, candidate)
 *     .journal(Path.of("rollouts/churn-v4.journal"))   // survives restarts
 *     .labelsExpected(true)
 *     .build()) {
 *   rollout.events().onEvent(e -> log.info(e.toString()));
 *   PredictionOutcome served = rollout.serve(request);  // on every request
 *   rollout.label(requestId, trueLabel);                 // when a label arrives
 * }
 * }</pre>
 *
 * <p>Manual controls: {@link #pause}, {@link #resume}, {@link #promote} (one step),
 * {@link #promoteFully}, {@link #abort}; {@link #dryRun(boolean) dry run} judges and reports
 * ({@link GatesEvaluated} with {@code dryRun} set) without acting, so only manual controls move
 * it. Every transition is a {@link RolloutTransition} with a human-readable reason, kept in
 * {@link #auditLog()} and, with a journal, fsynced to it before it takes effect; a controller built
 * on an existing journal resumes at the same step with the same salt, failure count and window
 * counts (checkpointed every {@code checkpointEvery} candidate requests and on {@link
 * #checkpoint()}; the disagreement sample and labels still awaited are not journaled).
 *
 * <p>Traffic: during a pause the current split holds; after promotion the candidate answers
 * everything; after a rollback or an abort the primary does. A canary request the candidate fails
 * is answered by the primary and its failure counts against the candidate's error rate. A gate a
 * step cannot measure is not judged there: {@code shadow.agreement} outside shadow steps,
 * {@code accuracy} unless {@linkplain Builder#labelsExpected labels are expected}.
 *
 * <p>Time comes from the injected clock: time windows close on the first request or {@link
 * #tick()} after their deadline. Events are delivered synchronously, outside the controller's
 * lock, on the thread that caused the transition; consumers must be quick.
 *
 * <p>Thread-safe: serving reads one volatile phase (step, traffic, window) per request, so a
 * weight change is atomic with respect to in-flight requests; transitions happen under a lock,
 * each window is judged exactly once.
 */
public final class RolloutController implements DeploymentStrategy, Rollout, AutoCloseable {
  /** Default {@link Builder#checkpointEvery}: {@value} candidate requests. */
  public static final long DEFAULT_CHECKPOINT_EVERY = 1000;

  private enum Mode { SHADOW, CANARY, PRIMARY_ONLY, CANDIDATE_ONLY }

  private record Phase(int step, Mode mode, int weightBps, AnalysisWindow window) {}

  private final String name;
  private final String source;
  private final RolloutPlan plan;
  private final Model primary;
  private final Model candidate;
  private final MlopsClock clock;
  private final Routing routing;
  private final ShadowConfig shadowConfig;
  private final ShadowLane lane;
  private final boolean labelsExpected;
  private final LabelJoin labels;
  private final EventDispatcher<RolloutEvent> events;
  private final ConcurrentLinkedQueue<RolloutEvent> outbox = new ConcurrentLinkedQueue<>();
  private final Object deliveryLock = new Object();
  private final RolloutJournal journal;
  private final long checkpointEvery;
  private final List<RolloutEvent> audit = new ArrayList<>();
  private volatile Phase phase;
  private volatile RolloutState state = RolloutState.RUNNING;
  private volatile boolean dryRun;
  /** Set by {@link #close()}: shadow copies still finishing must not write to the closed journal. */
  private volatile boolean closed;
  private int failures;
  private String reason = "";

  private RolloutController(Builder b, String salt) {
    this.name = b.name;
    this.source = b.name + ".rollout";
    this.plan = b.plan;
    this.primary = b.primary;
    this.candidate = b.candidate;
    this.clock = b.clock;
    this.routing = new Routing(salt, b.noKeyPolicy, b.seed);
    this.shadowConfig = b.shadowConfig;
    this.lane = b.shadowExecutor != null ? ShadowLane.of(b.shadowExecutor)
        : ShadowLane.bounded(b.name, shadowConfig.threads(), shadowConfig.queueCapacity());
    this.labelsExpected = b.labelsExpected;
    this.labels = b.labelsExpected ? new LabelJoin(shadowConfig.labelCapacity()) : null;
    this.events = EventDispatchers.synchronous(source, clock);
    this.journal = b.journal == null ? null : RolloutJournal.open(b.journal);
    this.checkpointEvery = b.checkpointEvery;
    this.dryRun = b.dryRun;
  }

  /**
   * Starts a builder.
   *
   * @param name the rollout's name, e.g. {@code "churn-v4"}; names the event source
   * @param plan the steps and gates
   * @param primary the model in production
   * @param candidate the model being rolled out
   */
  public static Builder builder(String name, RolloutPlan plan, Model primary, Model candidate) {
    return new Builder(name, plan, primary, candidate);
  }

  @Override
  public String name() {
    return "rollout";
  }

  /** Returns the rollout's name. */
  @Override
  public String rolloutName() {
    return name;
  }

  /** Returns the plan. */
  public RolloutPlan plan() {
    return plan;
  }

  /** Returns the publisher of this rollout's transitions and gate evaluations. */
  public EventPublisher<RolloutEvent> events() {
    return events;
  }

  // ---- traffic ----

  @Override
  public Arm route(PredictionRequest request) {
    Phase ph = phase;
    switch (ph.mode) {
      case CANARY:
        return routing.route(request, ph.weightBps);
      case CANDIDATE_ONLY:
        return Arm.CANDIDATE;
      default:
        return Arm.PRIMARY;
    }
  }

  @Override
  public PredictionOutcome serve(PredictionRequest request) {
    Phase ph = phase;
    switch (ph.mode) {
      case PRIMARY_ONLY:
        return PredictionOutcomes.invoke(primary, request, Arm.PRIMARY, clock);
      case CANDIDATE_ONLY:
        return PredictionOutcomes.invoke(candidate, request, Arm.CANDIDATE, clock);
      case SHADOW:
        return serveShadow(ph, request);
      default:
        return serveCanary(ph, request);
    }
  }

  private PredictionOutcome serveShadow(Phase ph, PredictionRequest request) {
    AnalysisWindow w = ph.window;
    PredictionOutcome p = PredictionOutcomes.invoke(primary, request, Arm.PRIMARY, clock);
    w.requests.increment();
    w.primary.record(p);
    String id = request.requestId();
    if (labels != null) {
      labels.shadowed(id, w.primary, labelOf(p), w.candidate, w.shadow);
    }
    w.shadow.shadowed();
    boolean queued = lane.offer(() -> {
      PredictionOutcome c = PredictionOutcomes.invoke(candidate, request, Arm.SHADOW, clock);
      w.candidate.record(c);
      w.shadow.compare(p, c);
      if (labels != null) {
        labels.candidateAnswered(id, labelOf(c));
      }
      w.candidateRequests.increment();
      afterCandidate(ph);
    });
    if (!queued) {
      w.shadow.dropped();
      if (labels != null) {
        labels.candidateAnswered(id, null);
      }
    }
    return p;
  }

  private PredictionOutcome serveCanary(Phase ph, PredictionRequest request) {
    AnalysisWindow w = ph.window;
    w.requests.increment();
    if (routing.route(request, ph.weightBps) == Arm.CANDIDATE) {
      PredictionOutcome c = PredictionOutcomes.invoke(candidate, request, Arm.CANDIDATE, clock);
      w.candidate.record(c);
      w.candidateRequests.increment();
      if (c.succeeded()) {
        if (labels != null) {
          labels.served(request.requestId(), w.candidate, labelOf(c));
        }
        afterCandidate(ph);
        return c;
      }
      PredictionOutcome p = servePrimary(w, request);
      afterCandidate(ph);
      return p;
    }
    PredictionOutcome p = servePrimary(w, request);
    if (w.hasDeadline()) {
      maybeClose(ph);
    }
    return p;
  }

  private PredictionOutcome servePrimary(AnalysisWindow w, PredictionRequest request) {
    PredictionOutcome p = PredictionOutcomes.invoke(primary, request, Arm.PRIMARY, clock);
    w.primary.record(p);
    if (labels != null) {
      labels.served(request.requestId(), w.primary, labelOf(p));
    }
    return p;
  }

  private static String labelOf(PredictionOutcome o) {
    return o.prediction().flatMap(p -> p.label()).orElse(null);
  }

  private void afterCandidate(Phase ph) {
    if (journal != null && checkpointEvery > 0 && ph.window.candidateRequests.sum() % checkpointEvery == 0) {
      synchronized (this) {
        if (phase == ph && !state.isTerminal() && !closed) {
          journal.append(ph.window.toJournal(), true);
        }
      }
    }
    maybeClose(ph);
  }

  private void maybeClose(Phase ph) {
    if (state == RolloutState.RUNNING && ph.window.due(ph.window.hasDeadline() ? clock.instant() : null)) {
      try {
        analyse(ph);
      } finally {
        deliver();
      }
    }
  }

  /**
   * Joins a delayed label to the request it belongs to (accuracy gates, McNemar's test).
   *
   * @return whether a prediction with that id was waiting
   * @throws IllegalStateException unless built with {@link Builder#labelsExpected(boolean)}
   */
  public boolean label(String requestId, String label) {
    if (labels == null) {
      throw new IllegalStateException("rollout '" + name + "' was built without labelsExpected(true)");
    }
    return labels.label(requestId, label);
  }

  /**
   * Reports a host metric for the current window, for gates on it.
   *
   * @param metric a metric declared in the plan's {@link RolloutPlan#hostMetrics()}
   * @param candidateValue the candidate's measurement
   * @param primaryValue the primary's, for relative gates; may be null
   * @throws IllegalArgumentException if the metric is not declared
   */
  public void reportHostMetric(String metric, Measurement candidateValue, Measurement primaryValue) {
    if (!plan.hostMetrics().contains(metric)) {
      throw new IllegalArgumentException("host metric '" + metric + "' is not declared in the plan; declared: "
          + plan.hostMetrics());
    }
    phase.window.hostMetrics.put(metric, new Measurement[] {
        Objects.requireNonNull(candidateValue, "candidateValue"), primaryValue});
  }

  /** Closes a time window whose deadline has passed; call it from a host scheduler. */
  public void tick() {
    Phase ph = phase;
    if (state == RolloutState.RUNNING && ph.window.hasDeadline()) {
      maybeClose(ph);
    }
  }

  // ---- analysis ----

  private synchronized void analyse(Phase ph) {
    Instant now = clock.instant();
    if (phase != ph || state != RolloutState.RUNNING || !ph.window.due(now)) {
      return; // another thread judged this window already
    }
    RolloutStep step = plan.step(ph.step);
    List<ObjectiveVerdict> verdicts = judge(ph, step);
    Verdict overall = GatesEvaluated.combine(verdicts);
    int failuresAfter = failures + (overall == Verdict.FAIL ? 1 : 0);
    boolean rollBack = overall == Verdict.FAIL && failuresAfter > plan.failureLimit();
    String action = switch (overall) {
      case PASS -> plan.isLast(ph.step) ? "promote"
          : "advance to step " + (ph.step + 1) + " (" + plan.step(ph.step + 1).describe() + ")";
      case FAIL -> rollBack
          ? "roll back (failure " + failuresAfter + ", limit " + plan.failureLimit() + ")"
          : "repeat step " + ph.step + " (failure " + failuresAfter + " of " + plan.failureLimit() + " tolerated)";
      default -> "pause for a human";
    };
    String summary = summary(verdicts, overall);
    long served = ph.window.requests.sum();
    long handled = ph.window.candidateRequests.sum();
    if (dryRun) {
      record(new GatesEvaluated(now, source, name, ph.step, verdicts, overall, failures, served, handled,
          true, "dry run, would " + action + ": " + summary));
      startWindow(ph.step, now);
      return;
    }
    failures = failuresAfter;
    record(new GatesEvaluated(now, source, name, ph.step, verdicts, overall, failures, served, handled,
        false, action + ": " + summary));
    String why = "step " + ph.step + " (" + step.describe() + ") " + summary;
    switch (overall) {
      case PASS -> advance(ph.step + 1, now, "gates passed at " + why);
      case FAIL -> {
        if (rollBack) {
          end(RolloutState.ROLLED_BACK, RolloutTransition.Kind.ROLLED_BACK, now, "gates failed at " + why);
        } else {
          startWindow(ph.step, now);
          transition(RolloutTransition.Kind.STEP_STARTED, now, "repeating step " + ph.step + " after failure "
              + failures + " of " + plan.failureLimit() + " tolerated: " + summary);
        }
      }
      default -> {
        state = RolloutState.PAUSED;
        transition(RolloutTransition.Kind.PAUSED, now, "gates inconclusive at " + why);
      }
    }
  }

  private List<ObjectiveVerdict> judge(Phase ph, RolloutStep step) {
    AnalysisWindow w = ph.window;
    Map<String, Measurement> cand = new HashMap<>();
    Map<String, Measurement> base = new HashMap<>();
    cand.put(KeyMetrics.ERROR_RATE, w.candidate.errorRate());
    base.put(KeyMetrics.ERROR_RATE, w.primary.errorRate());
    putLatency(cand, base, w, KeyMetrics.LATENCY_P50_MS, 0.50);
    putLatency(cand, base, w, KeyMetrics.LATENCY_P90_MS, 0.90);
    putLatency(cand, base, w, KeyMetrics.LATENCY_P95_MS, 0.95);
    putLatency(cand, base, w, KeyMetrics.LATENCY_P99_MS, 0.99);
    cand.put(KeyMetrics.ACCURACY, w.candidate.accuracy());
    base.put(KeyMetrics.ACCURACY, w.primary.accuracy());
    cand.put(KeyMetrics.SHADOW_AGREEMENT, w.shadow.agreement());
    cand.put(KeyMetrics.OUTPUT_DRIFT, w.candidate.classShareDistance(w.primary));
    w.hostMetrics.forEach((metric, m) -> {
      cand.put(metric, m[0]);
      if (m[1] != null) {
        base.put(metric, m[1]);
      }
    });
    List<Objective> applicable = plan.gates().objectives().stream()
        .filter(o -> applies(o.metric(), step)).toList();
    return new Objectives(applicable).verdicts(cand, base);
  }

  private boolean applies(String metric, RolloutStep step) {
    if (metric.equals(KeyMetrics.SHADOW_AGREEMENT)) {
      return step.shadow();
    }
    if (metric.equals(KeyMetrics.ACCURACY)) {
      return labelsExpected;
    }
    return true;
  }

  private static void putLatency(Map<String, Measurement> cand, Map<String, Measurement> base,
      AnalysisWindow w, String metric, double q) {
    cand.put(metric, w.candidate.latencyMillis(q));
    base.put(metric, w.primary.latencyMillis(q));
  }

  private static String summary(List<ObjectiveVerdict> verdicts, Verdict overall) {
    if (verdicts.isEmpty()) {
      return "no gate applies to this step";
    }
    List<ObjectiveVerdict> deciding = overall == Verdict.PASS ? verdicts
        : verdicts.stream().filter(v -> v.verdict() == overall).toList();
    return deciding.stream().map(ObjectiveVerdict::reason).collect(Collectors.joining("; "));
  }

  // ---- transitions (under the lock) ----

  private void advance(int next, Instant now, String why) {
    if (next >= plan.steps().size()) {
      end(RolloutState.PROMOTED, RolloutTransition.Kind.PROMOTED, now, why);
      return;
    }
    RolloutStep step = plan.step(next);
    if (!step.analysed() && plan.isLast(next)) {
      phase = new Phase(next, Mode.CANDIDATE_ONLY, RolloutStep.FULL_WEIGHT_BPS, phase.window);
      end(RolloutState.PROMOTED, RolloutTransition.Kind.PROMOTED, now,
          why + "; step " + next + " (" + step.describe() + ") is the last and has no analysis window");
      return;
    }
    startWindow(next, now);
    state = RolloutState.RUNNING;
    transition(RolloutTransition.Kind.STEP_STARTED, now, why);
    if (!step.analysed()) {
      state = RolloutState.PAUSED;
      transition(RolloutTransition.Kind.PAUSED, now,
          "step " + next + " (" + step.describe() + ") has no analysis window: waiting for resume or promote");
    }
  }

  private void startWindow(int index, Instant now) {
    RolloutStep step = plan.step(index);
    phase = new Phase(index, step.shadow() ? Mode.SHADOW : Mode.CANARY, step.weightBps(),
        new AnalysisWindow(index, step, now, shadowConfig));
    if (journal != null && !closed) {
      journal.append(phase.window.toJournal(), false);
    }
  }

  private void end(RolloutState terminal, RolloutTransition.Kind kind, Instant now, String why) {
    Phase ph = phase;
    if (terminal == RolloutState.PROMOTED) {
      phase = new Phase(ph.step, Mode.CANDIDATE_ONLY, RolloutStep.FULL_WEIGHT_BPS, ph.window);
    } else {
      phase = new Phase(ph.step, Mode.PRIMARY_ONLY, 0, ph.window);
    }
    state = terminal;
    transition(kind, now, why);
  }

  private void transition(RolloutTransition.Kind kind, Instant now, String why) {
    reason = why;
    record(new RolloutTransition(now, source, name, kind, phase.step, state, why, dryRun));
  }

  private void record(RolloutEvent e) {
    if (journal != null && !closed) {
      journal.append(JournalRecords.of(e, failures), true);
    }
    audit.add(e);
    outbox.add(e);
  }

  private void deliver() {
    synchronized (deliveryLock) {
      RolloutEvent e;
      while ((e = outbox.poll()) != null) {
        events.publish(e);
      }
    }
  }

  // ---- manual controls ----

  /**
   * Pauses the rollout; the current traffic split holds. Pausing a paused rollout does nothing.
   *
   * @throws IllegalStateException if the rollout has ended
   */
  public void pause(String why) {
    try {
      synchronized (this) {
        requireActive("be paused");
        if (state == RolloutState.PAUSED) {
          return;
        }
        state = RolloutState.PAUSED;
        transition(RolloutTransition.Kind.PAUSED, clock.instant(), "paused by a human: " + why);
      }
    } finally {
      deliver();
    }
  }

  /**
   * Resumes a paused rollout: an analysed step's window is extended by another step's worth of
   * requests and time (what it collected so far is kept); a step without a window moves on.
   *
   * @throws IllegalStateException if the rollout has ended or is not paused
   */
  public void resume(String why) {
    try {
      synchronized (this) {
        requireActive("be resumed");
        if (state != RolloutState.PAUSED) {
          throw new IllegalStateException("rollout '" + name + "' is " + state + ", not PAUSED");
        }
        Instant now = clock.instant();
        Phase ph = phase;
        RolloutStep step = plan.step(ph.step);
        if (!step.analysed()) {
          advance(ph.step + 1, now, "resumed by a human after step " + ph.step + ": " + why);
          return;
        }
        ph.window.extend(step, now);
        state = RolloutState.RUNNING;
        transition(RolloutTransition.Kind.RESUMED, now, "resumed by a human at step " + ph.step
            + ", window extended: " + why);
      }
    } finally {
      deliver();
    }
  }

  /**
   * Moves to the next step now, without judging the current window (past the last step: promotion).
   *
   * @throws IllegalStateException if the rollout has ended (promoted, rolled back or aborted)
   */
  public void promote(String why) {
    try {
      synchronized (this) {
        requireActive("be promoted");
        int from = phase.step;
        advance(from + 1, clock.instant(), "promoted by a human past step " + from + ": " + why);
      }
    } finally {
      deliver();
    }
  }

  /**
   * Completes the rollout now: the candidate serves everything.
   *
   * @throws IllegalStateException if the rollout has ended
   */
  public void promoteFully(String why) {
    try {
      synchronized (this) {
        requireActive("be promoted");
        end(RolloutState.PROMOTED, RolloutTransition.Kind.PROMOTED, clock.instant(),
            "fully promoted by a human at step " + phase.step + ": " + why);
      }
    } finally {
      deliver();
    }
  }

  /**
   * Stops the rollout: the primary serves everything again.
   *
   * @throws IllegalStateException if the rollout has ended
   */
  public void abort(String why) {
    try {
      synchronized (this) {
        requireActive("be aborted");
        end(RolloutState.ABORTED, RolloutTransition.Kind.ABORTED, clock.instant(),
            "aborted by a human at step " + phase.step + ": " + why);
      }
    } finally {
      deliver();
    }
  }

  /** Switches dry-run mode: judge and report without acting. Takes effect at the next judgement. */
  public void dryRun(boolean value) {
    this.dryRun = value;
  }

  /** Writes the current window's counts to the journal and fsyncs it; no-op without a journal. */
  public synchronized void checkpoint() {
    if (journal != null && !state.isTerminal() && !closed) {
      journal.append(phase.window.toJournal(), true);
    }
  }

  private void requireActive(String action) {
    if (state.isTerminal()) {
      throw new IllegalStateException("rollout '" + name + "' is " + state + " and cannot " + action
          + "; it ended: " + reason);
    }
  }

  // ---- reading ----

  /** Returns where the rollout stands. */
  @Override
  public synchronized RolloutStatus status() {
    Phase ph = phase;
    return new RolloutStatus(name, state, ph.step, ph.weightBps, ph.mode == Mode.SHADOW, failures,
        ph.window.candidateRequests.sum(), routing.salt(), dryRun, reason);
  }

  /** Returns every transition and gate evaluation so far, oldest first (restored ones included). */
  @Override
  public synchronized List<RolloutEvent> auditLog() {
    return List.copyOf(audit);
  }

  /** Returns the shadow comparison of the current step's window. */
  public ShadowReport shadowReport() {
    AnalysisWindow w = phase.window;
    return w.shadow.report(w.primary, w.candidate);
  }

  /** Returns how many shadow copies of the current window were dropped for a full queue. */
  public long shadowDropped() {
    return phase.window.shadow.droppedCount();
  }

  /**
   * Stops the shadow threads, closes the journal, delivers the events already recorded and closes
   * the event publisher.
   */
  @Override
  public void close() {
    lane.close();
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      if (journal != null) {
        journal.close();
      }
    }
    // A shadow thread may have judged the last window and be on its way to deliver(): the host can
    // already see the new state, so close right after it must not drop those events.
    deliver();
    events.close();
  }

  // ---- start and restore ----

  private void start() {
    Instant now = clock.instant();
    synchronized (this) {
      if (journal != null) {
        journal.append(JournalRecords.header(name, routing.salt(), plan, routing.noKeyPolicy(), labelsExpected, now), true);
      }
      startWindow(0, now);
      transition(RolloutTransition.Kind.STARTED, now, "rollout '" + name + "' started with salt '"
          + routing.salt() + "' at step 0 (" + plan.step(0).describe() + ")");
      RolloutStep first = plan.step(0);
      if (!first.analysed()) {
        if (plan.isLast(0)) {
          end(RolloutState.PROMOTED, RolloutTransition.Kind.PROMOTED, now,
              "the plan's only step has no analysis window");
        } else {
          state = RolloutState.PAUSED;
          transition(RolloutTransition.Kind.PAUSED, now,
              "step 0 has no analysis window: waiting for resume or promote");
        }
      }
    }
    deliver();
  }

  private void restore(JournalRecords.Restored r, Path file) {
    Instant now = clock.instant();
    synchronized (this) {
      audit.addAll(r.events());
      failures = r.failures();
      reason = r.reason();
      RolloutStep step = plan.step(r.step());
      AnalysisWindow w = new AnalysisWindow(r.step(), step, r.windowStart().orElse(now), shadowConfig);
      r.window().ifPresent(w::restore);
      Mode mode = switch (r.state()) {
        case PROMOTED -> Mode.CANDIDATE_ONLY;
        case ROLLED_BACK, ABORTED -> Mode.PRIMARY_ONLY;
        default -> step.shadow() ? Mode.SHADOW : Mode.CANARY;
      };
      int weight = mode == Mode.CANDIDATE_ONLY ? RolloutStep.FULL_WEIGHT_BPS
          : mode == Mode.PRIMARY_ONLY ? 0 : step.weightBps();
      phase = new Phase(r.step(), mode, weight, w);
      state = r.state();
      String was = reason;
      transition(RolloutTransition.Kind.RESTORED, now, "restored from " + file + " at step " + r.step()
          + " (" + state + ") with " + w.candidateRequests.sum() + " candidate requests in the window; "
          + "before the restart: " + was);
      reason = was;
    }
    deliver();
  }

  /** Builds (or restores) {@link RolloutController}s. Not thread-safe. */
  public static final class Builder {
    private final String name;
    private final RolloutPlan plan;
    private final Model primary;
    private final Model candidate;
    private MlopsClock clock = MlopsClock.system();
    private String salt;
    private NoKeyPolicy noKeyPolicy = NoKeyPolicy.PRIMARY;
    private long seed;
    private ShadowConfig shadowConfig = ShadowConfig.defaults();
    private Executor shadowExecutor;
    private boolean labelsExpected;
    private boolean dryRun;
    private Path journal;
    private long checkpointEvery = DEFAULT_CHECKPOINT_EVERY;

    private Builder(String name, RolloutPlan plan, Model primary, Model candidate) {
      this.name = Objects.requireNonNull(name, "name");
      if (name.isBlank()) {
        throw new IllegalArgumentException("rollout name must not be blank");
      }
      this.plan = Objects.requireNonNull(plan, "plan");
      this.primary = Objects.requireNonNull(primary, "primary");
      this.candidate = Objects.requireNonNull(candidate, "candidate");
    }

    /** Sets the clock for windows, events and latency (default the system clock). */
    public Builder clock(MlopsClock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * Sets the sticky-bucketing salt (default {@code <name>@<start instant>}). A restored
     * rollout keeps the salt of its journal.
     */
    public Builder salt(String value) {
      this.salt = Objects.requireNonNull(value, "salt");
      return this;
    }

    /** Sets the policy for requests without a routing key (default {@link NoKeyPolicy#PRIMARY}). */
    public Builder noKeyPolicy(NoKeyPolicy value) {
      this.noKeyPolicy = Objects.requireNonNull(value, "noKeyPolicy");
      return this;
    }

    /** Sets the seed of {@link NoKeyPolicy#RANDOM} (default 0). */
    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    /** Sets the shadow settings (default {@link ShadowConfig#defaults()}). */
    public Builder shadowConfig(ShadowConfig value) {
      this.shadowConfig = Objects.requireNonNull(value, "shadowConfig");
      return this;
    }

    /**
     * Runs shadow calls on the host's executor instead of an owned bounded pool ({@code
     * Runnable::run}: on the caller's thread, for deterministic replays).
     */
    public Builder shadowExecutor(Executor value) {
      this.shadowExecutor = Objects.requireNonNull(value, "shadowExecutor");
      return this;
    }

    /** Says that labels will arrive through {@link RolloutController#label}, enabling accuracy gates. */
    public Builder labelsExpected(boolean value) {
      this.labelsExpected = value;
      return this;
    }

    /** Starts in dry-run mode (default false). */
    public Builder dryRun(boolean value) {
      this.dryRun = value;
      return this;
    }

    /**
     * Journals the rollout to a file; a file that already holds a journal is resumed.
     */
    public Builder journal(Path value) {
      this.journal = Objects.requireNonNull(value, "journal");
      return this;
    }

    /**
     * Sets how many candidate requests pass between window checkpoints (default
     * {@value RolloutController#DEFAULT_CHECKPOINT_EVERY}; 0: only on {@link
     * RolloutController#checkpoint()} and transitions).
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder checkpointEvery(long value) {
      if (value < 0) {
        throw new IllegalArgumentException("checkpointEvery must be >= 0, was " + value);
      }
      this.checkpointEvery = value;
      return this;
    }

    /**
     * Builds the controller: starts the rollout at step 0, or resumes it from the journal.
     *
     * @throws StoreException if the journal cannot be read, is damaged or is of a newer format
     * @throws IllegalStateException if the journal belongs to another rollout or plan
     */
    public RolloutController build() {
      Optional<JournalRecords.Restored> restored = Optional.empty();
      String useSalt = salt != null ? salt : name + "@" + clock.instant();
      if (journal != null) {
        restored = JournalRecords.restore(RolloutJournal.read(journal), journal, name, plan);
        if (restored.isPresent()) {
          useSalt = restored.get().salt();
        }
      }
      RolloutController c = new RolloutController(this, useSalt);
      if (restored.isPresent()) {
        c.restore(restored.get(), journal);
      } else {
        c.start();
      }
      return c;
    }
  }
}
