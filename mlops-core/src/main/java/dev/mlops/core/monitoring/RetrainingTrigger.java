package dev.mlops.core.monitoring;

import dev.mlops.core.events.EventDispatcher;
import dev.mlops.core.events.EventDispatchers;
import dev.mlops.events.EventPublisher;
import dev.mlops.events.MonitorEvent;
import dev.mlops.events.Subscription;
import dev.mlops.monitoring.AlertRaised;
import dev.mlops.monitoring.RetrainingAction;
import dev.mlops.monitoring.RetrainingDecision;
import dev.mlops.monitoring.RetrainingDecision.Decision;
import dev.mlops.monitoring.RetrainingPolicy;
import dev.mlops.time.MlopsClock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Applies a {@link RetrainingPolicy} to a monitor's alerts: for an alert of a chosen rule it
 * notifies (manual retraining) or starts the host's {@link RetrainingAction} (automatic), skips
 * while the cool-down since the previous trigger runs or while a retraining is in flight, and
 * interrupts an action that overruns the timeout. Every decision and every ending is a
 * {@link RetrainingDecision} event, delivered on the thread that made it.
 *
 * <pre>{@code
 * RetrainingTrigger trigger = RetrainingTrigger.automatic(policy, job::retrain, clock);
 * trigger.watch(monitor.events());
 * trigger.events().onEvent(d -> audit.log(d.reason()));
 * }</pre>
 *
 * <p>The action runs on a daemon thread of the trigger's own, never on the prediction path nor
 * on the monitor's event thread, so a hanging action delays nothing but the next retraining.
 * After a timeout the action is interrupted and no longer counts as in flight.
 *
 * <p>Thread-safe: decisions are made under one lock.
 */
public final class RetrainingTrigger implements AutoCloseable {
  private final String source;
  private final RetrainingPolicy policy;
  private final Optional<RetrainingAction> action;
  private final MlopsClock clock;
  private final EventDispatcher<MonitorEvent> events;
  private final ExecutorService runner;
  private final ScheduledExecutorService watchdog;
  private long lastTrigger;
  private boolean triggered;
  private AtomicBoolean running;

  private RetrainingTrigger(String source, RetrainingPolicy policy,
      Optional<RetrainingAction> action, MlopsClock clock) {
    this.source = source;
    this.policy = policy;
    this.action = action;
    this.clock = clock;
    this.events = EventDispatchers.synchronous(source, clock);
    this.runner = Executors.newCachedThreadPool(daemon(source + "-action"));
    this.watchdog = Executors.newSingleThreadScheduledExecutor(daemon(source + "-timeout"));
  }

  private static ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, "mlops-" + name);
      t.setDaemon(true);
      return t;
    };
  }

  /**
   * A trigger that only notifies.
   *
   * @param policy the policy; its mode must be {@link RetrainingPolicy.Mode#NOTIFY}
   * @param clock measures the cool-down and stamps events
   * @throws IllegalArgumentException if the policy is automatic (it needs an action)
   */
  public static RetrainingTrigger notifying(RetrainingPolicy policy, MlopsClock clock) {
    Objects.requireNonNull(policy, "policy");
    if (policy.mode() != RetrainingPolicy.Mode.NOTIFY) {
      throw new IllegalArgumentException(
          "an AUTOMATIC policy needs a retraining action; use RetrainingTrigger.automatic");
    }
    return new RetrainingTrigger("retraining", policy, Optional.empty(),
        Objects.requireNonNull(clock, "clock"));
  }

  /**
   * A trigger that runs the host's action.
   *
   * @param policy the policy; its mode must be {@link RetrainingPolicy.Mode#AUTOMATIC}
   * @param action what retrains
   * @param clock measures the cool-down and stamps events
   * @throws IllegalArgumentException if the policy only notifies
   */
  public static RetrainingTrigger automatic(
      RetrainingPolicy policy, RetrainingAction action, MlopsClock clock) {
    Objects.requireNonNull(policy, "policy");
    if (policy.mode() != RetrainingPolicy.Mode.AUTOMATIC) {
      throw new IllegalArgumentException(
          "a NOTIFY policy runs no action; use RetrainingTrigger.notifying");
    }
    return new RetrainingTrigger("retraining", policy,
        Optional.of(Objects.requireNonNull(action, "action")),
        Objects.requireNonNull(clock, "clock"));
  }

  /** Subscribes to the alerts of a monitor (or a pipeline step); close the result to stop. */
  public Subscription watch(EventPublisher<MonitorEvent> monitorEvents) {
    return monitorEvents.onEvent(AlertRaised.class, this::onAlert);
  }

  /** Returns where the decisions are published. */
  public EventPublisher<MonitorEvent> events() {
    return events;
  }

  /** Returns whether a retraining is running now. */
  public synchronized boolean inFlight() {
    return running != null && running.get();
  }

  /**
   * Decides about one alert; alerts of rules the policy does not name are ignored.
   *
   * @return the decision, or empty when the rule does not trigger the policy
   */
  public synchronized Optional<Decision> onAlert(AlertRaised alert) {
    Objects.requireNonNull(alert, "alert");
    if (!policy.triggeredBy(alert.rule())) {
      return Optional.empty();
    }
    long now = clock.monotonicTime();
    if (triggered && now - lastTrigger < policy.coolDown().toNanos()) {
      Duration since = Duration.ofNanos(now - lastTrigger);
      return decide(Decision.SKIPPED_COOL_DOWN, alert, "alert '" + alert.rule()
          + "' came " + since + " after the last trigger, within the cool-down of "
          + policy.coolDown());
    }
    if (action.isEmpty()) {
      mark(now);
      return decide(Decision.NOTIFIED, alert, "retraining needed: " + alert.reason());
    }
    if (inFlight()) {
      return decide(Decision.SKIPPED_IN_FLIGHT, alert, "alert '" + alert.rule()
          + "' while a retraining is still running");
    }
    mark(now);
    // published before the action starts, so STARTED always precedes the ending
    Optional<Decision> started =
        decide(Decision.STARTED, alert, "retraining started: " + alert.reason());
    start(alert);
    return started;
  }

  private void mark(long now) {
    triggered = true;
    lastTrigger = now;
  }

  private void start(AlertRaised alert) {
    AtomicBoolean live = new AtomicBoolean(true);
    running = live;
    RetrainingAction a = action.get();
    Future<?> job = runner.submit(() -> {
      try {
        a.retrain(alert);
        if (live.compareAndSet(true, false)) {
          decide(Decision.SUCCEEDED, alert, "retraining after '" + alert.rule() + "' finished");
        }
      } catch (Exception | LinkageError | AssertionError e) {
        if (live.compareAndSet(true, false)) {
          decide(Decision.FAILED, alert, "retraining after '" + alert.rule() + "' threw " + e);
        }
      }
    });
    watchdog.schedule(() -> {
      if (live.compareAndSet(true, false)) {
        job.cancel(true);
        decide(Decision.TIMED_OUT, alert, "retraining after '" + alert.rule()
            + "' overran the timeout of " + policy.timeout() + " and was interrupted");
      }
    }, policy.timeout().toNanos(), TimeUnit.NANOSECONDS);
  }

  private Optional<Decision> decide(Decision d, AlertRaised alert, String reason) {
    events.publish(new RetrainingDecision(clock.instant(), source, d, alert.rule(),
        alert.window(), reason));
    return Optional.of(d);
  }

  /** Interrupts a running action and stops the trigger's threads. Idempotent. */
  @Override
  public void close() {
    runner.shutdownNow();
    watchdog.shutdownNow();
    events.close();
  }
}
