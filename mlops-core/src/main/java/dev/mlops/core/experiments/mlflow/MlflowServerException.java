package dev.mlops.core.experiments.mlflow;

import dev.mlops.StoreException;

/**
 * The MLflow server answered a request with an error (after retries, where the error was
 * retryable). Carries MLflow's {@code error_code} (e.g. {@code RESOURCE_DOES_NOT_EXIST},
 * {@code INVALID_PARAMETER_VALUE}) and the HTTP status. Immutable and thread-safe.
 */
public final class MlflowServerException extends StoreException {
  private static final long serialVersionUID = 1L;

  private final int httpStatus;
  private final String errorCode;

  /**
   * Creates the exception.
   *
   * @param location the endpoint URL
   * @param httpStatus the HTTP status
   * @param errorCode MLflow's error code, "UNKNOWN" if the body had none
   * @param message the server's message
   */
  public MlflowServerException(String location, int httpStatus, String errorCode, String message) {
    super(location, "HTTP " + httpStatus + " " + errorCode + ": " + message, null);
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
  }

  /** Returns the HTTP status. */
  public int httpStatus() {
    return httpStatus;
  }

  /** Returns MLflow's error code. */
  public String errorCode() {
    return errorCode;
  }
}
