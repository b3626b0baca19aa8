package dev.mlops.deployment;

import dev.mlops.events.RolloutEvent;
import dev.mlops.scoping.ObjectiveVerdict;
import dev.mlops.scoping.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A step's analysis window closed and its gates were judged. {@code overall} is
 * {@link Verdict#FAIL} when any gate failed, else {@link Verdict#INCONCLUSIVE} when any gate could
 * not tell, else {@link Verdict#PASS}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param time when, from the controller's clock
 * @param source the publishing component
 * @param rollout the rollout's name
 * @param step the step analysed
 * @param verdicts one verdict per gate the step can measure, in plan order
 * @param overall the combined verdict
 * @param failures failed analyses so far in this rollout, this one included
 * @param requests requests the rollout served during the window, both arms
 * @param candidateRequests requests the candidate handled during the window (shadow copies or
 *     canary requests)
 * @param dryRun whether the controller only reports (does not act on) the verdict
 * @param reason what the controller does (or, in a dry run, would do) and why
 */
public record GatesEvaluated(
    Instant time, String source, String rollout, int step, List<ObjectiveVerdict> verdicts,
    Verdict overall, int failures, long requests, long candidateRequests, boolean dryRun,
    String reason) implements RolloutEvent {

  /** Copies the list and checks arguments. */
  public GatesEvaluated {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(rollout, "rollout");
    verdicts = List.copyOf(verdicts);
    Objects.requireNonNull(overall, "overall");
    Objects.requireNonNull(reason, "reason");
  }

  /** Combines verdicts: any FAIL fails, else any INCONCLUSIVE is inconclusive, else PASS. */
  public static Verdict combine(List<ObjectiveVerdict> verdicts) {
    Verdict overall = Verdict.PASS;
    for (ObjectiveVerdict v : verdicts) {
      if (v.verdict() == Verdict.FAIL) {
        return Verdict.FAIL;
      }
      if (v.verdict() == Verdict.INCONCLUSIVE) {
        overall = Verdict.INCONCLUSIVE;
      }
    }
    return overall;
  }
}
