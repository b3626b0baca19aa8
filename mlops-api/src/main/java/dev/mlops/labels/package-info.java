/**
 * Labels: label consistency between annotators ({@link dev.mlops.labels.LabelConsistencyChecker})
 * and human-level performance as the baseline a model is compared with.
 */
package dev.mlops.labels;
