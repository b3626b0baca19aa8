package dev.mlops.core.drift.streaming;

import java.util.Locale;
import java.util.Objects;

/** Argument checks shared by the detector configs; messages name detector and parameter. */
final class Checks {
  private Checks() {}

  static void open01(String type, String name, double v) {
    if (!(v > 0 && v < 1)) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "%s: %s must be in (0, 1), was %s", type, name, v));
    }
  }

  static void positive(String type, String name, double v) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s: %s must be finite and > 0, was %s", type, name, v));
    }
  }

  static void nonNegative(String type, String name, double v) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s: %s must be finite and >= 0, was %s", type, name, v));
    }
  }

  static void fading(String type, String name, double v) {
    if (!(v > 0 && v <= 1)) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "%s: %s must be in (0, 1], was %s", type, name, v));
    }
  }

  static void atLeast(String type, String name, long v, long min) {
    if (v < min) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "%s: %s must be >= %d, was %d", type, name, min, v));
    }
  }

  static void moaDirection(String type, boolean moa, Direction direction, Direction moaOne) {
    Objects.requireNonNull(direction, "direction");
    if (moa && direction != moaOne) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s: MOA compatibility watches direction %s only, was %s", type,
          moaOne.name().toLowerCase(Locale.ROOT), direction.name().toLowerCase(Locale.ROOT)));
    }
  }

  /** Error-rate detectors take values in [0, 1]: an error indicator or a loss in that range. */
  static void unitInterval(String type, long index, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s: value at index %d is %s; this detector watches an error rate and takes values "
              + "in [0, 1] (1 = error); detector unchanged", type, index, value));
    }
  }
}
