/**
 * Models: the {@link dev.mlops.model.Model} contract that inference adapters (such as
 * {@code mlops-onnx}) implement, and the {@link dev.mlops.model.Prediction} value they return.
 */
package dev.mlops.model;
