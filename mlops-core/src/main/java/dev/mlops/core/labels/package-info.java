/**
 * Label consistency, human-level performance, confident learning and rule-label comparison: the
 * implementations of the {@code dev.mlops.labels} contracts.
 */
package dev.mlops.core.labels;
