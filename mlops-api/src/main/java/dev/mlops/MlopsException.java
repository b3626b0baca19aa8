package dev.mlops;

/**
 * Root of every failure raised by the SDK itself (as opposed to caller mistakes, which are
 * {@link IllegalArgumentException}, {@link IllegalStateException} or {@link NullPointerException}).
 *
 * <p>Outcomes such as "drift found" or "rollout aborted" are never exceptions: they are returned
 * as report values. Native and checked exceptions from libraries (I/O, ONNX Runtime) are wrapped
 * in a subclass of this type with the original kept as the {@linkplain #getCause() cause}.
 *
 * <p>Instances are immutable and therefore thread-safe.
 */
public class MlopsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what went wrong, naming the offending input
   */
  public MlopsException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and the underlying cause.
   *
   * @param message what went wrong, naming the offending input
   * @param cause the exception this one wraps
   */
  public MlopsException(String message, Throwable cause) {
    super(message, cause);
  }
}
