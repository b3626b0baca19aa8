/**
 * Label-quality testing: {@link dev.mlops.testkit.labels.LabelConsistencyReportAssert} checks
 * agreement floors and the human-level-performance estimate, and
 * {@link dev.mlops.testkit.labels.FakeLabelConsistencyChecker} answers with scripted reports and
 * records what it was asked.
 */
package dev.mlops.testkit.labels;
