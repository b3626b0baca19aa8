package dev.mlops.testkit.deployment;

import dev.mlops.deployment.GatesEvaluated;
import dev.mlops.deployment.Rollout;
import dev.mlops.deployment.RolloutState;
import dev.mlops.deployment.RolloutStatus;
import dev.mlops.deployment.RolloutTransition;
import dev.mlops.events.RolloutEvent;
import dev.mlops.scoping.ObjectiveVerdict;
import dev.mlops.scoping.Verdict;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on a {@link Rollout} (such as {@code mlops-core}'s {@code RolloutController});
 * start with {@link dev.mlops.testkit.MlopsAssertions#assertThat(Rollout)}:
 *
 * <pre>{@code
 * assertThat(rollout).wasRolledBack().because("error_rate").failedGate("error_rate");
 * assertThat(rollout).promotedTo(2).isIn(RolloutState.RUNNING);
 * assertThat(rollout).pausedBecause("inconclusive");
 * }</pre>
 *
 * <p>Reads the rollout's status and audit log once, when the assertion starts, so every check
 * sees the same moment. Failure messages give the state, the step, the reason and the transitions.
 * Not thread-safe.
 */
public final class RolloutAssert extends AbstractAssert<RolloutAssert, Rollout> {
  private final RolloutStatus status;
  private final List<RolloutEvent> log;

  /** Creates assertions on {@code actual}, reading its status and audit log now. */
  public RolloutAssert(Rollout actual) {
    super(actual, RolloutAssert.class);
    isNotNull();
    this.status = actual.status();
    this.log = actual.auditLog();
  }

  /** Verifies that the rollout is in {@code expected}. */
  public RolloutAssert isIn(RolloutState expected) {
    if (status.state() != expected) {
      failWithMessage("Expected rollout '%s' to be %s but it is %s%n%s", status.rollout(), expected,
          status.state(), story());
    }
    return this;
  }

  /** Verifies that the gates (not a human) rolled the rollout back: traffic is on the primary. */
  public RolloutAssert wasRolledBack() {
    return isIn(RolloutState.ROLLED_BACK);
  }

  /** Verifies that the rollout completed: the candidate serves all traffic. */
  public RolloutAssert wasPromoted() {
    return isIn(RolloutState.PROMOTED);
  }

  /** Verifies that a human aborted the rollout. */
  public RolloutAssert wasAborted() {
    return isIn(RolloutState.ABORTED);
  }

  /**
   * Verifies that the rollout moved on to step {@code step} (by its gates or by a human) at some
   * point: a step start at that index that was not a repetition of it, or a full promotion from it.
   * A rollout that later rolled back still counts as promoted to the steps it reached.
   */
  public RolloutAssert promotedTo(int step) {
    int previous = -1;
    for (RolloutTransition t : transitions()) {
      boolean advanced = t.kind() == RolloutTransition.Kind.STEP_STARTED && t.step() > previous;
      if (t.step() == step && (advanced || t.kind() == RolloutTransition.Kind.PROMOTED)) {
        return this;
      }
      previous = Math.max(previous, t.step());
    }
    failWithMessage("Expected rollout '%s' to have been promoted to step %d but it never reached it%n%s",
        status.rollout(), step, story());
    return this;
  }

  /** Verifies that the rollout is paused and that its reason contains {@code fragment}. */
  public RolloutAssert pausedBecause(String fragment) {
    return isIn(RolloutState.PAUSED).because(fragment);
  }

  /**
   * Verifies that the reason for the rollout's current state (its last transition's reason)
   * contains {@code fragment}, ignoring case.
   */
  public RolloutAssert because(String fragment) {
    if (!status.reason().toLowerCase(Locale.ROOT).contains(fragment.toLowerCase(Locale.ROOT))) {
      failWithMessage("Expected the reason rollout '%s' is %s to contain '%s' but it was '%s'",
          status.rollout(), status.state(), fragment, status.reason());
    }
    return this;
  }

  /** Verifies that the gate on {@code metric} failed in at least one acted-on (not dry-run) analysis. */
  public RolloutAssert failedGate(String metric) {
    if (verdicts(Verdict.FAIL).noneMatch(v -> v.objective().metric().equals(metric))) {
      failWithMessage("Expected the gate on '%s' of rollout '%s' to have failed but the failed gates were %s%n%s",
          metric, status.rollout(), failedMetrics(), story());
    }
    return this;
  }

  /** Verifies that no gate failed in any acted-on analysis. */
  public RolloutAssert hasNoFailedGate() {
    if (verdicts(Verdict.FAIL).findAny().isPresent()) {
      failWithMessage("Expected no failed gate in rollout '%s' but these failed: %s%n%s", status.rollout(),
          verdicts(Verdict.FAIL).map(ObjectiveVerdict::reason).toList(), story());
    }
    return this;
  }

  /** Verifies that the rollout is at step {@code expected} now. */
  public RolloutAssert isAtStep(int expected) {
    if (status.step() != expected) {
      failWithMessage("Expected rollout '%s' to be at step %d but it is at step %d%n%s", status.rollout(),
          expected, status.step(), story());
    }
    return this;
  }

  /**
   * Verifies that the rollout's transitions include {@code kinds} in this order (others may come
   * between them).
   */
  public RolloutAssert wentThrough(RolloutTransition.Kind... kinds) {
    List<RolloutTransition.Kind> seen = transitions().stream().map(RolloutTransition::kind).toList();
    int next = 0;
    for (RolloutTransition.Kind k : seen) {
      if (next < kinds.length && k == kinds[next]) {
        next++;
      }
    }
    if (next < kinds.length) {
      failWithMessage("Expected rollout '%s' to go through %s in this order but its transitions were %s",
          status.rollout(), Arrays.asList(kinds), seen);
    }
    return this;
  }

  private List<RolloutTransition> transitions() {
    return log.stream().filter(RolloutTransition.class::isInstance).map(RolloutTransition.class::cast).toList();
  }

  private Stream<ObjectiveVerdict> verdicts(Verdict verdict) {
    return log.stream().filter(GatesEvaluated.class::isInstance).map(GatesEvaluated.class::cast)
        .filter(g -> !g.dryRun()).flatMap(g -> g.verdicts().stream()).filter(v -> v.verdict() == verdict);
  }

  private List<String> failedMetrics() {
    return verdicts(Verdict.FAIL).map(v -> v.objective().metric()).distinct().toList();
  }

  private String story() {
    return "at step " + status.step() + " (candidate weight " + status.weightBps() + " bps), because: "
        + status.reason() + "\ntransitions: " + transitions().stream()
            .map(t -> t.kind() + "@" + t.step()).collect(Collectors.joining(", ", "[", "]"));
  }
}
