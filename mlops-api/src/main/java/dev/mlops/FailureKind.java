package dev.mlops;

/**
 * Why a model produced no prediction, so that observers can tell a bad model from a bad request
 * or an overloaded service: an error-rate gate should not count load shedding as a model fault,
 * and a monitor reports each kind apart ({@link ModelInferenceException#kind()}).
 *
 * <p>An enum: immutable and thread-safe.
 */
public enum FailureKind {
  /**
   * The request does not fit the model: a missing feature, a value of the wrong type, a missing
   * or NaN value the model cannot take, a raw tensor of the wrong name, type or shape. The
   * caller's fault; another request may well succeed.
   */
  INVALID_INPUT,
  /** The model's run did not finish within its deadline and was stopped. */
  TIMEOUT,
  /**
   * The request was never run: the batching queue was full (load shedding), or the caller gave up
   * (was interrupted) while waiting for room or for its turn.
   */
  REJECTED,
  /** The model, or the front that serves it, was closed before the call. */
  CLOSED,
  /**
   * The model or its engine failed: a native runtime error, a model file that cannot be read or
   * loaded, outputs that cannot be decoded, a model that cannot map its inputs. Also the kind of
   * every exception made without one.
   */
  ENGINE
}
