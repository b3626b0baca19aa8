/**
 * Label consistency, human-level performance, confident learning and rule-label comparison: the
 * implementations of the {@code dev.mlops.labels} contracts. The encoded ratings and agreement
 * statistics behind {@link dev.mlops.core.labels.DefaultLabelConsistencyChecker} are
 * package-private; every statistic they compute is in its report.
 */
package dev.mlops.core.labels;
