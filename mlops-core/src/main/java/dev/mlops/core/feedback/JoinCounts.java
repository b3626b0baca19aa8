package dev.mlops.core.feedback;

/**
 * What a {@link LabelJoin} has seen. Every label that arrived is in exactly one of
 * {@link #joinedOnArrival}, {@link #duplicates} and {@link #waited}. Immutable and thread-safe.
 *
 * @param predictions predictions added
 * @param labels labels that arrived
 * @param joinedOnArrival labels that found their prediction at once
 * @param duplicates labels for an id that had one already; the last one wins
 * @param waited labels for an id unknown at arrival (not yet predicted, expired, or never), held
 *     for the grace period
 * @param joinedAfterWaiting waiting labels whose prediction came later
 * @param discardedLabels waiting labels whose grace period ran out or that did not fit
 * @param expiredPredictions predictions dropped from the state after their wait, unlabeled
 * @param evictedPredictions predictions dropped because the state was full
 */
public record JoinCounts(
    long predictions,
    long labels,
    long joinedOnArrival,
    long duplicates,
    long waited,
    long joinedAfterWaiting,
    long discardedLabels,
    long expiredPredictions,
    long evictedPredictions) {}
