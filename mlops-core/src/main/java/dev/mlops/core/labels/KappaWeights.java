package dev.mlops.core.labels;

/** Disagreement weights of Cohen's kappa over the ranks {@code i, j} of two labels; immutable. */
enum KappaWeights {
  /** Every disagreement weighs 1. */
  UNWEIGHTED,
  /** Weight {@code |i - j|}. */
  LINEAR,
  /** Weight {@code (i - j)^2}. */
  QUADRATIC;

  double weight(int i, int j) {
    return switch (this) {
      case UNWEIGHTED -> i == j ? 0 : 1;
      case LINEAR -> Math.abs(i - j);
      case QUADRATIC -> (double) (i - j) * (i - j);
    };
  }
}
