package dev.mlops;

import java.util.Objects;

/**
 * A model could not compute a prediction: a missing feature, a wrong input name, a NaN or
 * wrong-length input, a corrupt model file, a full queue, a timeout, a call after close. Names the
 * model, the input and, where they apply, the expected and actual shape or type; {@link #kind()}
 * says which of these it was. A native engine exception is kept as the
 * {@linkplain #getCause() cause}.
 *
 * <p>Instances are immutable and therefore thread-safe.
 */
public class ModelInferenceException extends MlopsException {
  private static final long serialVersionUID = 1L;

  private final String model;
  private final String inputName;
  private final String expected;
  private final String actual;
  private final FailureKind kind;

  /**
   * Creates an exception of kind {@link FailureKind#ENGINE} about one model input.
   *
   * @param model the model's name or path
   * @param inputName the input or feature concerned, or {@code null} when the failure is not tied
   *     to one input
   * @param expected what the model expects (shape, type, name), or {@code null}
   * @param actual what it was given, or {@code null}
   * @param problem a sentence describing the failure
   * @param cause the native or underlying exception, may be {@code null}
   */
  public ModelInferenceException(
      String model, String inputName, String expected, String actual, String problem, Throwable cause) {
    this(FailureKind.ENGINE, model, inputName, expected, actual, problem, cause);
  }

  /**
   * Creates an exception of the given kind about one model input.
   *
   * @param kind why there is no prediction
   * @param model the model's name or path
   * @param inputName the input or feature concerned, or {@code null} when the failure is not tied
   *     to one input
   * @param expected what the model expects (shape, type, name), or {@code null}
   * @param actual what it was given, or {@code null}
   * @param problem a sentence describing the failure
   * @param cause the native or underlying exception, may be {@code null}
   * @throws NullPointerException if {@code kind} is null
   */
  public ModelInferenceException(
      FailureKind kind, String model, String inputName, String expected, String actual,
      String problem, Throwable cause) {
    super(format(model, inputName, expected, actual, problem), cause);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.model = model;
    this.inputName = inputName;
    this.expected = expected;
    this.actual = actual;
  }

  private static String format(
      String model, String inputName, String expected, String actual, String problem) {
    StringBuilder sb = new StringBuilder("model '").append(model).append('\'');
    if (inputName != null) {
      sb.append(", input '").append(inputName).append('\'');
    }
    sb.append(": ").append(problem);
    if (expected != null || actual != null) {
      sb.append(" (expected ").append(expected).append(", actual ").append(actual).append(')');
    }
    return sb.toString();
  }

  /** Returns why there is no prediction; {@link FailureKind#ENGINE} unless the thrower said. */
  public FailureKind kind() {
    return kind;
  }

  /** Returns the model's name or path. */
  public String model() {
    return model;
  }

  /** Returns the input or feature concerned, or {@code null}. */
  public String inputName() {
    return inputName;
  }

  /** Returns the expected shape, type or name, or {@code null}. */
  public String expected() {
    return expected;
  }

  /** Returns the actual shape, type or name, or {@code null}. */
  public String actual() {
    return actual;
  }
}
