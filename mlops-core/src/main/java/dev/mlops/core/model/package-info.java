/**
 * Models without native dependencies: a dependency-free ONNX model writer
 * ({@link dev.mlops.core.model.OnnxModelWriter}, {@link dev.mlops.core.model.OnnxModels}, with the
 * tensor {@link dev.mlops.core.model.ElementType}s that it writes and {@code mlops-onnx} reads), a
 * seeded logistic-regression trainer, a dynamic micro-batching front for any
 * {@link dev.mlops.model.Model}, chunked batch scoring of datasets, and
 * {@link dev.mlops.core.model.PredictionOutcomes}, which calls a model on a request and returns the
 * timed outcome instead of throwing.
 */
package dev.mlops.core.model;
