package dev.mlops.core.drift;

import java.util.Objects;

/** Argument checks and sorting shared by the tests. */
final class Samples {
  private Samples() {}

  /** Returns a sorted copy after checking that the sample is large enough and finite. */
  static double[] sortedCopy(double[] sample, String name, int minSize) {
    Objects.requireNonNull(sample, name);
    if (sample.length < minSize) {
      throw new IllegalArgumentException(
          name + " needs at least " + minSize + " values, had " + sample.length);
    }
    for (int i = 0; i < sample.length; i++) {
      if (!Double.isFinite(sample[i])) {
        throw new IllegalArgumentException(
            name + " must hold finite values, had " + sample[i] + " at index " + i);
      }
    }
    double[] copy = sample.clone();
    DoubleSorter.sort(copy);
    return copy;
  }

  /** Checks a finite sample of at least {@code minSize} values without copying it. */
  static void checkFinite(double[] sample, String name, int minSize) {
    Objects.requireNonNull(sample, name);
    if (sample.length < minSize) {
      throw new IllegalArgumentException(
          name + " needs at least " + minSize + " values, had " + sample.length);
    }
    for (int i = 0; i < sample.length; i++) {
      if (!Double.isFinite(sample[i])) {
        throw new IllegalArgumentException(
            name + " must hold finite values, had " + sample[i] + " at index " + i);
      }
    }
  }

  static double clip(double p) {
    return Math.min(1.0, Math.max(0.0, p));
  }

  static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return a;
  }
}
