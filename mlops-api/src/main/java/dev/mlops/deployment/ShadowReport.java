package dev.mlops.deployment;

import dev.mlops.FailureKind;
import dev.mlops.evaluation.ConfidenceInterval;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a shadow candidate compared with the primary on the same requests: agreement with its 95 %
 * Wilson interval (classification: same label; regression: values within the tolerance), paired
 * value deltas (candidate minus primary), the candidate's failures by kind, both models' latency,
 * a sample of disagreements with their inputs and, when labels arrived, McNemar's test.
 *
 * <p>Immutable and thread-safe.
 *
 * @param shadowed requests copied to the candidate
 * @param dropped copies dropped because the shadow queue was full
 * @param compared copies whose both answers were compared (primary succeeded)
 * @param agreed compared copies where the candidate agreed with the primary (a candidate failure
 *     never agrees)
 * @param agreement {@code agreed / compared}; NaN when nothing was compared
 * @param agreementInterval the 95 % Wilson score interval of the agreement, when compared &gt; 0
 * @param pairedDeltas pairs with a numeric value from both models
 * @param meanDelta mean of candidate minus primary value; NaN without pairs
 * @param meanAbsoluteDelta mean absolute difference; NaN without pairs
 * @param candidateFailures copies on which the candidate failed
 * @param candidateFailuresByKind those failures by kind
 * @param candidateErrorRate {@code candidateFailures / (shadowed - dropped)}; NaN when none ran
 * @param primaryP99Millis the primary's 99th percentile latency; NaN without requests
 * @param candidateP99Millis the candidate's 99th percentile latency; NaN without requests
 * @param disagreements a bounded sample of disagreements, first seen first
 * @param pairedAccuracy McNemar's test, once labels arrived for compared requests
 */
public record ShadowReport(
    long shadowed, long dropped, long compared, long agreed, double agreement,
    Optional<ConfidenceInterval> agreementInterval, long pairedDeltas, double meanDelta,
    double meanAbsoluteDelta, long candidateFailures, Map<FailureKind, Long> candidateFailuresByKind,
    double candidateErrorRate, double primaryP99Millis, double candidateP99Millis,
    List<ShadowDisagreement> disagreements, Optional<PairedAccuracyTest> pairedAccuracy) {

  /** Copies the collections and checks arguments. */
  public ShadowReport {
    Objects.requireNonNull(agreementInterval, "agreementInterval");
    candidateFailuresByKind = Map.copyOf(candidateFailuresByKind);
    disagreements = List.copyOf(disagreements);
    Objects.requireNonNull(pairedAccuracy, "pairedAccuracy");
  }
}
