/**
 * The ONNX Runtime adapter: {@link dev.mlops.onnx.OnnxModel} serves an ONNX file as a
 * {@link dev.mlops.model.Model}. The only package of the SDK that uses {@code ai.onnxruntime};
 * no ONNX Runtime type appears in its public signatures. The model's ONNX metadata
 * ({@link dev.mlops.onnx.ModelMetadata}, {@link dev.mlops.onnx.TensorInfo},
 * {@link dev.mlops.onnx.Dimension}, {@link dev.mlops.onnx.ValueKind}) lives here, not in the api,
 * because no api contract names it.
 */
package dev.mlops.onnx;
