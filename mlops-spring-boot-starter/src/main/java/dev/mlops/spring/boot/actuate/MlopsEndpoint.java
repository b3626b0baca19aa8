package dev.mlops.spring.boot.actuate;

import dev.mlops.FailureKind;
import dev.mlops.core.deployment.RolloutController;
import dev.mlops.core.monitoring.ModelMonitor;
import dev.mlops.deployment.GatesEvaluated;
import dev.mlops.deployment.RolloutStatus;
import dev.mlops.events.RolloutEvent;
import dev.mlops.model.Model;
import dev.mlops.monitoring.AlertRaised;
import dev.mlops.monitoring.FeatureDrift;
import dev.mlops.monitoring.MonitorSnapshot;
import dev.mlops.monitoring.WindowSummary;
import dev.mlops.scoping.ObjectiveVerdict;
import dev.mlops.spring.boot.MlopsModels;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.lang.Nullable;

/**
 * The {@code mlops} actuator endpoint. Reading it ({@code GET /actuator/mlops}) gives every model
 * with its version, monitor snapshot and active alerts, and the rollout's state with its last
 * gate verdicts. Writing ({@code POST /actuator/mlops/{action}} with an optional
 * {@code {"reason": "..."}}, action {@code pause}, {@code resume}, {@code promote} or
 * {@code abort}) moves the rollout. Writes are off by default ({@link Access#READ_ONLY}); turn
 * them on with {@code management.endpoint.mlops.access=unrestricted} and secure them as the
 * application secures its actuator.
 *
 * <p>Thread-safe: every read takes fresh snapshots.
 */
@Endpoint(id = "mlops", defaultAccess = Access.READ_ONLY)
public class MlopsEndpoint {
  /** The write actions, in the order they are documented. */
  public static final List<String> ACTIONS = List.of("pause", "resume", "promote", "abort");

  private final MlopsModels models;
  private final Optional<RolloutController> rollout;

  /**
   * Creates the endpoint.
   *
   * @param models the models
   * @param rollout the rollout, when one is configured
   */
  public MlopsEndpoint(MlopsModels models, Optional<RolloutController> rollout) {
    this.models = Objects.requireNonNull(models, "models");
    this.rollout = Objects.requireNonNull(rollout, "rollout");
  }

  /** Returns the models and the rollout. */
  @ReadOperation
  public MlopsReport report() {
    Map<String, ModelReport> out = new LinkedHashMap<>();
    for (String key : models.keys()) {
      out.put(key, model(key));
    }
    return new MlopsReport(out, rollout.map(MlopsEndpoint::rollout).orElse(null));
  }

  /**
   * Moves the rollout.
   *
   * @param action {@code pause}, {@code resume}, {@code promote} or {@code abort}
   * @param reason why, for the audit log; defaults to a note naming this endpoint
   * @return the rollout after the action
   * @throws InvalidEndpointRequestException (HTTP 400) for an unknown action, without a rollout,
   *     or when the rollout has ended
   */
  @WriteOperation
  public RolloutReport rollout(@Selector String action, @Nullable String reason) {
    RolloutController r = rollout.orElseThrow(() -> invalid("no rollout is configured"
        + " (set mlops.rollout.primary and mlops.rollout.candidate)"));
    String why = reason == null || reason.isBlank() ? action + " through /actuator/mlops" : reason;
    try {
      switch (action.toLowerCase(Locale.ROOT)) {
        case "pause" -> r.pause(why);
        case "resume" -> r.resume(why);
        case "promote" -> r.promote(why);
        case "abort" -> r.abort(why);
        default -> throw invalid("unknown action '" + action + "'; actions: " + ACTIONS);
      }
    } catch (IllegalStateException e) {
      throw invalid(action + " refused: " + e.getMessage());
    }
    return rollout(r);
  }

  private static InvalidEndpointRequestException invalid(String message) {
    return new InvalidEndpointRequestException(message, message);
  }

  private ModelReport model(String key) {
    Optional<String> failure = models.failure(key);
    if (failure.isPresent()) {
      return new ModelReport(key, null, "FAILED", failure.get(), null, List.of());
    }
    Model m = models.require(key);
    MonitorReport monitor = models.monitor(key).map(MlopsEndpoint::monitor).orElse(null);
    List<AlertReport> alerts = models.activeAlerts(key).stream().map(AlertReport::of).toList();
    return new ModelReport(m.name(), m.version(), "SERVING", null, monitor, alerts);
  }

  private static MonitorReport monitor(ModelMonitor monitor) {
    MonitorSnapshot s = monitor.snapshot();
    List<WindowSummary> windows = s.windows();
    WindowReport last = windows.isEmpty() ? null : WindowReport.of(windows.get(windows.size() - 1));
    return new MonitorReport(s.arm().name().toLowerCase(Locale.ROOT), s.predictions(),
        s.inFlight(), s.errorsByKind(), finite(s.latencyP50Ms()), finite(s.latencyP99Ms()),
        s.classCounts(), s.alerts(), s.droppedEvents(), last);
  }

  private static RolloutReport rollout(RolloutController r) {
    RolloutStatus s = r.status();
    GatesReport gates = null;
    List<RolloutEvent> audit = r.auditLog();
    for (int i = audit.size() - 1; i >= 0 && gates == null; i--) {
      if (audit.get(i) instanceof GatesEvaluated g) {
        gates = GatesReport.of(g);
      }
    }
    return new RolloutReport(s.rollout(), s.state().name(), s.step(), r.plan().steps().size(),
        s.weightBps(), s.shadow(), s.failures(), s.windowRequests(), s.dryRun(), s.reason(),
        gates);
  }

  private static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }

  private static Double finite(OptionalDouble value) {
    return value.isPresent() ? finite(value.getAsDouble()) : null;
  }

  /**
   * The endpoint's body. The records of this endpoint are immutable and thread-safe.
   *
   * @param models the models by key
   * @param rollout the rollout; null when none is configured
   */
  public record MlopsReport(Map<String, ModelReport> models, RolloutReport rollout) {}

  /**
   * One model. Immutable.
   *
   * @param name its name
   * @param version its version; null when it failed to load
   * @param status {@code SERVING} or {@code FAILED}
   * @param failure why it failed to load; null when it serves
   * @param monitor its monitor's totals; null when it is not monitored
   * @param activeAlerts the alerts of the last closed windows
   */
  public record ModelReport(String name, String version, String status, String failure,
      MonitorReport monitor, List<AlertReport> activeAlerts) {}

  /**
   * A monitor's totals since it started. Immutable.
   *
   * @param arm the arm its meters are tagged with
   * @param predictions predictions recorded
   * @param inFlight predictions running now
   * @param errors failures by kind
   * @param latencyP50Ms median latency; null before any prediction
   * @param latencyP99Ms 99th percentile latency; null before any prediction
   * @param classCounts predictions per class
   * @param alerts alerts raised so far
   * @param droppedEvents events the listeners could not take
   * @param lastWindow the last closed window; null before the first closes
   */
  public record MonitorReport(String arm, long predictions, long inFlight,
      Map<FailureKind, Long> errors, Double latencyP50Ms, Double latencyP99Ms,
      Map<String, Long> classCounts, long alerts, long droppedEvents, WindowReport lastWindow) {}

  /**
   * A closed monitoring window. Immutable.
   *
   * @param index its index
   * @param count predictions in it
   * @param errors failures in it
   * @param latencyP99Ms its 99th percentile latency; null when empty
   * @param drift per feature: the detector, its score and whether it drifted
   */
  public record WindowReport(long index, long count, long errors, Double latencyP99Ms,
      Map<String, FeatureDrift> drift) {
    static WindowReport of(WindowSummary w) {
      return new WindowReport(w.index(), w.count(), w.errors(), finite(w.latencyP99Ms()),
          w.drift());
    }
  }

  /**
   * An active alert. Immutable.
   *
   * @param rule the rule's name
   * @param metric the metric it watches
   * @param subject the feature or class; null for metrics without one
   * @param value the window's value
   * @param threshold the rule's threshold
   * @param window the window it fired in
   * @param reason one sentence naming all of the above
   */
  public record AlertReport(String rule, String metric, String subject, Double value,
      double threshold, long window, String reason) {
    static AlertReport of(AlertRaised a) {
      return new AlertReport(a.rule(), a.metric(), a.subject().orElse(null), finite(a.value()),
          a.threshold(), a.window(), a.reason());
    }
  }

  /**
   * The rollout. Immutable.
   *
   * @param name its name
   * @param state RUNNING, PAUSED, PROMOTED, ROLLED_BACK or ABORTED
   * @param step the current step's index
   * @param steps the plan's steps
   * @param weightBps the candidate's share in basis points
   * @param shadow whether the step is a shadow step
   * @param failures failed analyses so far
   * @param windowRequests candidate requests in the current window
   * @param dryRun whether verdicts are only reported
   * @param reason why it is in this state
   * @param lastGates the last gate evaluation; null before the first
   */
  public record RolloutReport(String name, String state, int step, int steps, int weightBps,
      boolean shadow, int failures, long windowRequests, boolean dryRun, String reason,
      GatesReport lastGates) {}

  /**
   * A gate evaluation. Immutable.
   *
   * @param step the step judged
   * @param overall the combined verdict
   * @param dryRun whether it was a dry run
   * @param reason one sentence naming the verdicts
   * @param verdicts each gate's verdict
   */
  public record GatesReport(int step, String overall, boolean dryRun, String reason,
      List<VerdictReport> verdicts) {
    static GatesReport of(GatesEvaluated g) {
      return new GatesReport(g.step(), g.overall().name(), g.dryRun(), g.reason(),
          g.verdicts().stream().map(VerdictReport::of).toList());
    }
  }

  /**
   * One gate's verdict. Immutable.
   *
   * @param metric the metric
   * @param verdict PASS, FAIL or INCONCLUSIVE
   * @param candidate the candidate's value; null when not measured
   * @param baseline the primary's value; null when not measured
   * @param threshold the threshold applied
   * @param samples the candidate's samples
   * @param reason why
   */
  public record VerdictReport(String metric, String verdict, Double candidate, Double baseline,
      Double threshold, long samples, String reason) {
    static VerdictReport of(ObjectiveVerdict v) {
      return new VerdictReport(v.objective().metric(), v.verdict().name(), finite(v.candidate()),
          finite(v.baseline()), finite(v.threshold()), v.samples(), v.reason());
    }
  }
}
