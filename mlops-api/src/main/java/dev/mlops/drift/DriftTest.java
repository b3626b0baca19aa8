package dev.mlops.drift;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The univariate two-sample tests a batch drift check can run on a column, by the name used in
 * configuration, the CLI and reports. A {@linkplain Kind#P_VALUE p-value test} drifts when p &lt;
 * threshold; a {@linkplain Kind#DISTANCE distance} drifts when the distance ≥ threshold. The
 * numbers equal scipy 1.10's; the (package-private) implementing classes in {@code dev.mlops.core.drift} give
 * formulas. Immutable and thread-safe.
 */
public enum DriftTest {
  /** Two-sample Kolmogorov–Smirnov, two-sided ({@code scipy.stats.ks_2samp}). */
  KS("ks", Kind.P_VALUE, true, false),
  /**
   * Wasserstein distance divided by the reference standard deviation (ddof = 0): Evidently's
   * "normed Wasserstein", unit-free.
   */
  WASSERSTEIN("wasserstein", Kind.DISTANCE, true, false),
  /** Wasserstein distance in the units of the data ({@code scipy.stats.wasserstein_distance}). */
  WASSERSTEIN_RAW("wasserstein_raw", Kind.DISTANCE, true, false),
  /** Energy distance ({@code scipy.stats.energy_distance}). */
  ENERGY("energy", Kind.DISTANCE, true, false),
  /** Mann–Whitney U, two-sided, tie and continuity corrected ({@code scipy.stats.mannwhitneyu}). */
  MANN_WHITNEY("mannwhitney", Kind.P_VALUE, true, false),
  /** Welch's t-test ({@code scipy.stats.ttest_ind(equal_var=False)}). */
  TTEST("ttest", Kind.P_VALUE, true, false),
  /** k-sample Anderson–Darling ({@code scipy.stats.anderson_ksamp}); p in [0.001, 0.25]. */
  ANDERSON("anderson", Kind.P_VALUE, true, false),
  /** Cramér–von Mises two-sample ({@code scipy.stats.cramervonmises_2samp}). */
  CVM("cvm", Kind.P_VALUE, true, false),
  /** Chi-square homogeneity over the union of categories, no Yates correction. */
  CHISQUARE("chisquare", Kind.P_VALUE, false, true),
  /** Two-proportion z-test, for two categories. */
  Z("z", Kind.P_VALUE, false, true),
  /** Fisher's exact test on the 2×2 table, for two categories. */
  FISHER("fisher", Kind.P_VALUE, false, true),
  /** Population stability index over shared bins. */
  PSI("psi", Kind.DISTANCE, true, true),
  /** Jensen–Shannon distance, base 2, in [0, 1], over shared bins. */
  JENSEN_SHANNON("jensenshannon", Kind.DISTANCE, true, true),
  /** Kullback–Leibler divergence KL(reference ‖ current) over shared bins. */
  KL("kl", Kind.DISTANCE, true, true),
  /** Hellinger distance, in [0, 1], over shared bins. */
  HELLINGER("hellinger", Kind.DISTANCE, true, true),
  /** Total variation distance, in [0, 1], over shared bins. */
  TVD("tvd", Kind.DISTANCE, true, true);

  /** Default threshold of p-value tests: {@value} (Evidently's). */
  public static final double DEFAULT_P_VALUE_THRESHOLD = 0.05;
  /** Default threshold of distances: {@value} (Evidently's). */
  public static final double DEFAULT_DISTANCE_THRESHOLD = 0.1;

  /** Whether a test yields a p-value or a distance. Immutable and thread-safe (an enum). */
  public enum Kind {
    /** Drift when p &lt; threshold. */
    P_VALUE,
    /** Drift when distance ≥ threshold. */
    DISTANCE
  }

  private final String id;
  private final Kind kind;
  private final boolean numeric;
  private final boolean categorical;

  DriftTest(String id, Kind kind, boolean numeric, boolean categorical) {
    this.id = id;
    this.kind = kind;
    this.numeric = numeric;
    this.categorical = categorical;
  }

  /** Returns the name used in configuration and reports, e.g. "ks". */
  public String id() {
    return id;
  }

  /** Returns whether the test yields a p-value or a distance. */
  public Kind kind() {
    return kind;
  }

  /**
   * Returns whether the test accepts numeric columns. Every test accepts categorical data coded
   * as numbers when {@link #acceptsCategorical()}; numeric columns with few values may be tested
   * as categories.
   */
  public boolean acceptsNumeric() {
    return numeric;
  }

  /** Returns whether the test accepts categorical columns. */
  public boolean acceptsCategorical() {
    return categorical;
  }

  /** Returns {@link #DEFAULT_P_VALUE_THRESHOLD} or {@link #DEFAULT_DISTANCE_THRESHOLD}. */
  public double defaultThreshold() {
    return kind == Kind.P_VALUE ? DEFAULT_P_VALUE_THRESHOLD : DEFAULT_DISTANCE_THRESHOLD;
  }

  /**
   * Returns the test named {@code id} (case-insensitive).
   *
   * @throws IllegalArgumentException naming the known tests if there is none
   */
  public static DriftTest fromId(String id) {
    String wanted = id.toLowerCase(Locale.ROOT);
    for (DriftTest t : values()) {
      if (t.id.equals(wanted)) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "unknown drift test '" + id + "'; known: "
            + Arrays.stream(values()).map(DriftTest::id).collect(Collectors.joining(", ")));
  }
}
