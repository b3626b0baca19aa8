package dev.mlops.core.features;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One declarative step of a column's preprocessing in a {@link FeaturePipeline}. Steps carry only
 * settings; {@link FeaturePipeline#fit} learns their parameters from training data.
 *
 * <p>A numeric column takes any sequence of {@link Impute} (first only), {@link Scale},
 * {@link Bucketize}, {@link Log1p}, {@link Clip} and {@link Binarize}; a categorical column takes
 * an optional {@link Impute} and then one encoder, {@link OneHot} or {@link Ordinal}, last.
 *
 * <p>Every implementation is an immutable, thread-safe record.
 */
public sealed interface FeatureStep {

  /** Returns the step's short text, e.g. {@code "scale(STANDARD)"}, used in error messages. */
  String describe();

  /** Returns whether the step applies to categorical (string) values. */
  default boolean categorical() {
    return false;
  }

  /** Fill a missing value with a strategy; the impute step ends "missing" for its column. */
  static Impute impute(ImputeStrategy strategy) {
    return new Impute(strategy, Optional.empty());
  }

  /** Fill a missing value with a constant: a number for numeric columns, a category otherwise. */
  static Impute imputeConstant(String constant) {
    return new Impute(ImputeStrategy.CONSTANT, Optional.of(constant));
  }

  /** Scale numeric values. */
  static Scale scale(ScaleKind kind) {
    return new Scale(kind);
  }

  /** One-hot encode a categorical column with the given unknown-category policy. */
  static OneHot oneHot(UnknownPolicy unknown) {
    return new OneHot(unknown);
  }

  /** Encode a categorical column as its category's position in sorted order. */
  static Ordinal ordinal(UnknownPolicy unknown) {
    return new Ordinal(unknown);
  }

  /** Replace a value by the number of the given increasing boundaries it reaches. */
  static Bucketize bucketize(double... boundaries) {
    return new Bucketize(0, java.util.Arrays.stream(boundaries).boxed().toList());
  }

  /** Bucketize at the training data's quantiles into {@code buckets} buckets. */
  static Bucketize quantileBuckets(int buckets) {
    return new Bucketize(buckets, List.of());
  }

  /** Replace a value {@code x} by {@code ln(1 + x)}. */
  static Log1p log1p() {
    return new Log1p();
  }

  /** Limit values to {@code [min, max]}. */
  static Clip clip(double min, double max) {
    return new Clip(min, max);
  }

  /** Replace a value by 1 when above {@code threshold}, else 0 (ONNX-ML Binarizer). */
  static Binarize binarize(double threshold) {
    return new Binarize(threshold);
  }

  /**
   * Fills missing values.
   *
   * @param strategy how the fill value is chosen
   * @param constant the fill value, present exactly when {@code strategy} is CONSTANT
   */
  record Impute(ImputeStrategy strategy, Optional<String> constant) implements FeatureStep {
    /**
     * Checks the settings.
     *
     * @throws IllegalArgumentException if a constant is given without CONSTANT or missing with it
     */
    public Impute {
      Objects.requireNonNull(strategy, "strategy");
      Objects.requireNonNull(constant, "constant");
      if ((strategy == ImputeStrategy.CONSTANT) != constant.isPresent()) {
        throw new IllegalArgumentException(
            "impute: a constant is given exactly with strategy CONSTANT, was " + strategy
                + " with " + constant);
      }
    }

    @Override
    public String describe() {
      return "impute(" + constant.map(c -> "'" + c + "'").orElse(strategy.name()) + ")";
    }
  }

  /** Scales numeric values; see {@link ScaleKind}. */
  record Scale(ScaleKind kind) implements FeatureStep {
    /** Checks the setting. */
    public Scale {
      Objects.requireNonNull(kind, "kind");
    }

    @Override
    public String describe() {
      return "scale(" + kind + ")";
    }
  }

  /** One-hot encoding: one 0/1 output column per training category (sorted). */
  record OneHot(UnknownPolicy unknown) implements FeatureStep {
    /** Checks the setting. */
    public OneHot {
      Objects.requireNonNull(unknown, "unknown");
    }

    @Override
    public String describe() {
      return "oneHot(" + unknown + ")";
    }

    @Override
    public boolean categorical() {
      return true;
    }
  }

  /** Ordinal (label) encoding: the category's position among the sorted training categories. */
  record Ordinal(UnknownPolicy unknown) implements FeatureStep {
    /** Checks the setting. */
    public Ordinal {
      Objects.requireNonNull(unknown, "unknown");
    }

    @Override
    public String describe() {
      return "ordinal(" + unknown + ")";
    }

    @Override
    public boolean categorical() {
      return true;
    }
  }

  /**
   * Bucketizes: the output is how many boundaries {@code b} satisfy {@code x >= b}.
   *
   * @param quantiles when {@code > 0}, fit {@code quantiles - 1} boundaries at the training
   *     data's quantiles; 0 to use {@code boundaries}
   * @param boundaries fixed, strictly increasing boundaries (empty when fitted from quantiles)
   */
  record Bucketize(int quantiles, List<Double> boundaries) implements FeatureStep {
    /**
     * Checks the settings.
     *
     * @throws IllegalArgumentException unless exactly one of the two is given, quantiles is at
     *     least 2, and boundaries are finite and strictly increasing
     */
    public Bucketize {
      boundaries = List.copyOf(boundaries);
      if (quantiles == 0 && boundaries.isEmpty()) {
        throw new IllegalArgumentException("bucketize needs boundaries or a quantile count");
      }
      if (quantiles != 0 && (quantiles < 2 || !boundaries.isEmpty())) {
        throw new IllegalArgumentException(
            "bucketize: quantiles must be >= 2 and come without boundaries, was " + quantiles
                + " with " + boundaries);
      }
      for (int i = 0; i < boundaries.size(); i++) {
        double b = boundaries.get(i);
        if (!Double.isFinite(b) || (i > 0 && !(b > boundaries.get(i - 1)))) {
          throw new IllegalArgumentException(
              "bucketize: boundaries must be finite and strictly increasing, was " + boundaries);
        }
      }
    }

    @Override
    public String describe() {
      return quantiles > 0 ? "quantileBuckets(" + quantiles + ")" : "bucketize" + boundaries;
    }
  }

  /** {@code ln(1 + x)}; values at or below -1 are rejected. */
  record Log1p() implements FeatureStep {
    @Override
    public String describe() {
      return "log1p";
    }
  }

  /**
   * Limits values to {@code [min, max]}.
   *
   * @param min lower limit
   * @param max upper limit, {@code >= min}
   */
  record Clip(double min, double max) implements FeatureStep {
    /**
     * Checks the limits.
     *
     * @throws IllegalArgumentException if a limit is NaN or {@code min > max}
     */
    public Clip {
      if (!(min <= max)) {
        throw new IllegalArgumentException("clip needs min <= max, was [" + min + ", " + max + "]");
      }
    }

    @Override
    public String describe() {
      return String.format(Locale.ROOT, "clip(%s, %s)", min, max);
    }
  }

  /**
   * 1 when {@code x > threshold}, else 0.
   *
   * @param threshold a finite threshold
   */
  record Binarize(double threshold) implements FeatureStep {
    /** Checks the threshold. */
    public Binarize {
      if (!Double.isFinite(threshold)) {
        throw new IllegalArgumentException("binarize threshold must be finite, was " + threshold);
      }
    }

    @Override
    public String describe() {
      return "binarize(" + threshold + ")";
    }
  }
}
