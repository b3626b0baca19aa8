package dev.mlops.scoping;

/**
 * A measured value of a metric and how many samples it rests on (requests, labelled examples),
 * the input of {@link Objectives#verdicts(java.util.Map, java.util.Map)}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the measured value; NaN means it could not be computed and leads to
 *     {@link Verdict#INCONCLUSIVE}
 * @param samples how many samples the value rests on, {@code >= 0}
 */
public record Measurement(double value, long samples) {

  /**
   * Checks arguments.
   *
   * @throws IllegalArgumentException if {@code samples} is negative
   */
  public Measurement {
    if (samples < 0) {
      throw new IllegalArgumentException("samples must be >= 0, was " + samples);
    }
  }

  /** Returns a measurement of {@code value} from {@code samples} samples. */
  public static Measurement of(double value, long samples) {
    return new Measurement(value, samples);
  }
}
