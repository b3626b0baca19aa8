package dev.mlops.data;

import java.util.Locale;

/**
 * The three parts of a train/dev/test split.
 *
 * <p>Immutable and thread-safe (an enum).
 */
public enum Split {
  /** Rows the model is fitted on. */
  TRAIN,
  /** Rows used to tune and select models (also called validation). */
  DEV,
  /** Rows held out for the final, unbiased estimate. */
  TEST;

  /** Returns the lower-case name used in file names and reports: "train", "dev", "test". */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
