/**
 * Production feedback: the asynchronous, checksummed, rotating prediction log
 * ({@link dev.mlops.core.feedback.PredictionLogger}, {@link dev.mlops.core.feedback.PredictionLogReader})
 * with privacy rules applied before queueing, the delayed-label join
 * ({@link dev.mlops.core.feedback.LabelJoin}), live performance per window and version
 * ({@link dev.mlops.core.feedback.LivePerformance}), performance estimated before labels arrive
 * ({@link dev.mlops.core.feedback.CbpeWindow}) and retraining data
 * ({@link dev.mlops.core.feedback.RetrainingData}). Guide: docs/feedback.md.
 */
package dev.mlops.core.feedback;
