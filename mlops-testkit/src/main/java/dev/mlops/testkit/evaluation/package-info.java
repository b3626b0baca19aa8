/**
 * Evaluation assertions: {@link dev.mlops.testkit.evaluation.ClassificationReportAssert} checks
 * accuracy and per-class metrics against floors, {@link dev.mlops.testkit.evaluation.SliceReportAssert}
 * checks which slices were flagged and each slice's metric, and
 * {@link dev.mlops.testkit.evaluation.RegressionReportAssert} checks error ceilings.
 */
package dev.mlops.testkit.evaluation;
