/**
 * The ONNX Runtime adapter: {@link dev.mlops.onnx.OnnxModel} serves an ONNX file as a
 * {@link dev.mlops.model.Model}. The only package of the SDK that uses {@code ai.onnxruntime};
 * no ONNX Runtime type appears in its public signatures.
 */
package dev.mlops.onnx;
