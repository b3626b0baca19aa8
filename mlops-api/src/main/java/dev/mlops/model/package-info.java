/**
 * Models: the {@link dev.mlops.model.Model} contract that inference adapters (such as
 * {@code mlops-onnx}) implement, the {@link dev.mlops.model.PredictionRequest} a serving path
 * passes in, the {@link dev.mlops.model.Prediction} a model returns, the
 * {@link dev.mlops.model.ModelDescriptor} a model describes itself with, and the
 * {@link dev.mlops.model.PredictionOutcome} (prediction or failure, with the caller's latency and
 * the serving {@link dev.mlops.model.Arm}) that monitors, logs and rollouts observe.
 */
package dev.mlops.model;
