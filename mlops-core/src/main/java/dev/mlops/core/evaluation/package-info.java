/**
 * Model evaluation and error analysis: scikit-learn-compatible metrics ({@link
 * dev.mlops.core.evaluation.Evaluation}), slices with bootstrap intervals ({@link
 * dev.mlops.core.evaluation.SliceEvaluator}), error tagging ({@link
 * dev.mlops.core.evaluation.ErrorTagger}), the prioritization table ({@link
 * dev.mlops.core.evaluation.Prioritizer}), baseline comparisons and logging results to an
 * experiment tracker ({@link dev.mlops.core.evaluation.EvaluationLogger}).
 */
package dev.mlops.core.evaluation;
