/**
 * Inference benchmarks: {@code OnnxModel} overhead over raw ONNX Runtime, dynamic batching under 32
 * concurrent callers, the costs that bound batching (a call, a batch, a thread hand-off), and a
 * one-million-prediction resident-memory check.
 */
package dev.mlops.benchmarks.onnx;
