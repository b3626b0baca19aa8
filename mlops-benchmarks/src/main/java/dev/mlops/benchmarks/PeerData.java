package dev.mlops.benchmarks;

import java.util.SplittableRandom;

/**
 * The seeded inputs that the benchmarks and the non-JVM peers ({@code scripts/peers.py}, through
 * the files {@link PeerDataWriter} writes) are timed on, so both sides compute on the same values.
 *
 * <p>Stateless and thread-safe.
 */
public final class PeerData {
  /** Annotators per item in the Krippendorff data: {@value}. */
  public static final int ANNOTATORS = 10;
  /** Nominal labels in the Krippendorff data: {@value}. */
  public static final int LABELS = 5;
  /** The code of a missing rating: {@value}. */
  public static final byte MISSING = -1;

  private PeerData() {}

  /**
   * The first drift sample: {@code ((i*7919) mod 1000003) / 1000003}, integer arithmetic and one
   * division, so numpy builds the bit-identical doubles.
   *
   * @param n sample size
   * @return n values in [0, 1)
   */
  public static double[] driftReference(int n) {
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = (double) ((i * 7919L) % 1000003) / 1000003.0;
    }
    return a;
  }

  /**
   * The second drift sample: {@code ((i*104729) mod 1000033) / 1000033 + 0.001}, a small shift.
   *
   * @param n sample size
   * @return n values in [0.001, 1.001)
   */
  public static double[] driftCurrent(int n) {
    double[] b = new double[n];
    for (int i = 0; i < n; i++) {
      b[i] = (double) ((i * 104729L) % 1000033) / 1000033.0 + 0.001;
    }
    return b;
  }

  /**
   * Scored binary examples: 20 % positives, scores rounded to 3 decimals (many ties, as with real
   * model outputs), predicted positive at score ≥ 0.5, and one uniform feature; seed 7.
   *
   * @param positive filled with the actual class of each row
   * @param scores filled with the positive-class score of each row
   * @param feature filled with the uniform feature of each row
   */
  public static void scoredExamples(boolean[] positive, double[] scores, double[] feature) {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < positive.length; i++) {
      boolean p = random.nextDouble() < 0.2;
      scores[i] = Math.rint(1000 * Math.min(1, Math.max(0,
          (p ? 0.65 : 0.35) + 0.2 * (random.nextDouble() - 0.5) * 2))) / 1000;
      positive[i] = p;
      feature[i] = random.nextDouble();
    }
  }

  /**
   * Nominal ratings, items × {@value #ANNOTATORS} row-major: each annotator gives the item's true
   * label (one of {@value #LABELS}) with probability 0.8, else a uniform label, and leaves 5 % of
   * ratings out ({@link #MISSING}); seed 7.
   *
   * @param items number of items
   * @return the rating codes
   */
  public static byte[] ratings(int items) {
    SplittableRandom random = new SplittableRandom(7);
    byte[] out = new byte[items * ANNOTATORS];
    for (int i = 0; i < items; i++) {
      int truth = random.nextInt(LABELS);
      for (int a = 0; a < ANNOTATORS; a++) {
        if (random.nextDouble() < 0.05) {
          out[i * ANNOTATORS + a] = MISSING;
          continue;
        }
        out[i * ANNOTATORS + a] = (byte) (random.nextDouble() < 0.8 ? truth : random.nextInt(LABELS));
      }
    }
    return out;
  }
}
