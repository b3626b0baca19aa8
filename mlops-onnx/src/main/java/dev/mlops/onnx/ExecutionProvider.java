package dev.mlops.onnx;

/**
 * Where ONNX Runtime executes a model. {@link #CUDA} needs the {@code onnxruntime_gpu} artifact
 * on the host's class path (instead of {@code onnxruntime}) and an NVIDIA driver; when it is not
 * available, loading fails unless {@link OnnxModelOptions#fallbackToCpu()} was asked for.
 *
 * <p>Immutable and thread-safe (an enum).
 */
public enum ExecutionProvider {
  /** ONNX Runtime's default CPU provider. */
  CPU,
  /** NVIDIA CUDA, opt-in. */
  CUDA
}
