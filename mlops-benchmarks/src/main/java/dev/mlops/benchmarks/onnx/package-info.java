/**
 * Inference benchmarks: {@code OnnxModel} overhead over raw ONNX Runtime, dynamic batching under 32
 * concurrent callers, and a one-million-prediction resident-memory check.
 */
package dev.mlops.benchmarks.onnx;
