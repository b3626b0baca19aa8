/**
 * Labels: label consistency between annotators ({@link dev.mlops.labels.LabelConsistencyChecker}),
 * human-level performance as the baseline a model is compared with, label issues found from model
 * probabilities ({@link dev.mlops.labels.LabelIssueFinder}) and rule labels versus ground truth
 * ({@link dev.mlops.labels.RuleLabelReport}).
 */
package dev.mlops.labels;
