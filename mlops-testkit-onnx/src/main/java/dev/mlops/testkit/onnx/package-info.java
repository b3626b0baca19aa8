/**
 * Real ONNX models for host tests: {@link dev.mlops.testkit.onnx.TestOnnxModels} writes small
 * logistic, softmax, MLP and linear-regression graphs from given weights with mlops-core's
 * dependency-free writer and loads them in ONNX Runtime, so a host's tests exercise the real
 * runtime without Python or model files.
 */
package dev.mlops.testkit.onnx;
