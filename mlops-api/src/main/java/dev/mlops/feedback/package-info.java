/**
 * Production feedback: the prediction log ({@link dev.mlops.feedback.LoggedPrediction}, its
 * {@link dev.mlops.feedback.PredictionSink}s), the privacy rules applied before a record leaves
 * the prediction path ({@link dev.mlops.feedback.PrivacyPolicy}), delayed ground truth
 * ({@link dev.mlops.feedback.GroundTruth}) and the events of all three. Implementations are in
 * {@code dev.mlops.core.feedback}; docs/feedback.md is the guide.
 */
package dev.mlops.feedback;
