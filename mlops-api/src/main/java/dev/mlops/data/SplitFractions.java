package dev.mlops.data;

/**
 * The share of rows that goes to each part of a train/dev/test split.
 *
 * <p>Immutable and thread-safe.
 *
 * @param train share of the training part, in (0, 1]
 * @param dev share of the dev part, in [0, 1)
 * @param test share of the test part, in [0, 1)
 */
public record SplitFractions(double train, double dev, double test) {
  /** Default training share: {@value} (the common 80/10/10 split). */
  public static final double DEFAULT_TRAIN = 0.8;
  /** Default dev share: {@value}. */
  public static final double DEFAULT_DEV = 0.1;
  /** Default test share: {@value}. */
  public static final double DEFAULT_TEST = 0.1;

  /**
   * Checks the shares.
   *
   * @throws IllegalArgumentException if a share is outside [0, 1], train is 0, or the shares do
   *     not add up to 1 (within 1e-9)
   */
  public SplitFractions {
    check("train", train);
    check("dev", dev);
    check("test", test);
    if (train == 0) {
      throw new IllegalArgumentException("train share must be > 0, was 0");
    }
    double sum = train + dev + test;
    if (Math.abs(sum - 1.0) > 1e-9) {
      throw new IllegalArgumentException(
          "split shares must add up to 1, were " + train + " + " + dev + " + " + test + " = " + sum);
    }
  }

  private static void check(String name, double share) {
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException(name + " share must be in [0, 1], was " + share);
    }
  }

  /** The default 80/10/10 split. */
  public static SplitFractions defaults() {
    return new SplitFractions(DEFAULT_TRAIN, DEFAULT_DEV, DEFAULT_TEST);
  }

  /** Returns the share of one part. */
  public double of(Split split) {
    return switch (split) {
      case TRAIN -> train;
      case DEV -> dev;
      case TEST -> test;
    };
  }
}
