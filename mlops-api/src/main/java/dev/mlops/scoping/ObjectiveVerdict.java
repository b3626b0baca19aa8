package dev.mlops.scoping;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The verdict on one {@link Objective} with everything it was based on.
 *
 * <p>Immutable and thread-safe.
 *
 * @param objective the objective
 * @param verdict PASS, FAIL or INCONCLUSIVE
 * @param candidate the candidate's measured value; empty when not measured
 * @param baseline the baseline's measured value; empty when not measured or not needed
 * @param threshold the effective threshold after applying factor or margin; NaN when it could not
 *     be known (relative objective without a usable baseline)
 * @param samples the candidate's sample count, 0 when not measured
 * @param baselineSamples the baseline's sample count, 0 when not measured or not needed
 * @param reason a human-readable sentence naming metric, value, threshold and counts
 */
public record ObjectiveVerdict(
    Objective objective,
    Verdict verdict,
    OptionalDouble candidate,
    OptionalDouble baseline,
    double threshold,
    long samples,
    long baselineSamples,
    String reason) {

  /** Checks arguments. */
  public ObjectiveVerdict {
    Objects.requireNonNull(objective, "objective");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(candidate, "candidate");
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(reason, "reason");
  }

  /** Returns whether the verdict is {@link Verdict#PASS}. */
  public boolean passed() {
    return verdict == Verdict.PASS;
  }
}
