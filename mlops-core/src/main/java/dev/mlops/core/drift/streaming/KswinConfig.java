package dev.mlops.core.drift.streaming;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings of {@link KswinDetector} (Raab, Heusinger and Schleif, "Reactive soft prototype
 * computing for concept drift streams", Neurocomputing 2020). MOA 2024.07 has no KSWIN; the
 * defaults are River 0.26's {@code KSWIN}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param alpha significance of the Kolmogorov-Smirnov test, in (0, 1)
 * @param windowSize values kept
 * @param statSize the newest values compared with a random sample of as many older ones
 * @param minStatistic the KS statistic must also exceed this to flag a drift
 * @param seed seed of the sampling of older values
 * @param moaCompatible must be false: MOA 2024.07 has no KSWIN
 */
public record KswinConfig(
    double alpha,
    int windowSize,
    int statSize,
    double minStatistic,
    long seed,
    boolean moaCompatible) {

  /** Default significance: {@value} (River {@code alpha}). */
  public static final double DEFAULT_ALPHA = 0.005;
  /** Default window: {@value} values (River {@code window_size}). */
  public static final int DEFAULT_WINDOW_SIZE = 100;
  /** Default recent sample: {@value} values (River {@code stat_size}). */
  public static final int DEFAULT_STAT_SIZE = 30;
  /** Default minimum distance: {@value} (River's fixed rule {@code st > 0.1}). */
  public static final double DEFAULT_MIN_STATISTIC = 0.1;
  /** Default seed: {@value} (River's {@code seed=None} draws one; we fix it so runs repeat). */
  public static final long DEFAULT_SEED = 42L;


  /**
   * Checks arguments.
   *
   * @throws IllegalArgumentException naming the parameter and the rejected value
   */
  public KswinConfig {
    Checks.open01("kswin", "alpha", alpha);
    Checks.atLeast("kswin", "windowSize", windowSize, 2);
    Checks.atLeast("kswin", "statSize", statSize, 1);
    Checks.nonNegative("kswin", "minStatistic", minStatistic);
    if (statSize * 2 > windowSize) {
      throw new IllegalArgumentException("kswin: statSize must be <= windowSize / 2 ("
          + windowSize / 2 + "), was " + statSize);
    }
    if (moaCompatible) {
      throw new IllegalArgumentException(
          "kswin: MOA 2024.07 has no KSWIN, so there is no MOA compatibility mode");
    }
  }

  /** Returns the defaults. */
  public static KswinConfig defaults() {
    return builder().build();
  }

  /** Starts a builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the settings as {@code key=value} text, the form {@link #fromSettings} reads. */
  public Map<String, String> settings() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("alpha", Double.toString(alpha));
    m.put("windowSize", Integer.toString(windowSize));
    m.put("statSize", Integer.toString(statSize));
    m.put("minStatistic", Double.toString(minStatistic));
    m.put("seed", Long.toString(seed));
    m.put("moa", Boolean.toString(moaCompatible));
    return m;
  }

  /**
   * Parses settings; a missing key takes the default ({@code moa=true} is rejected).
   *
   * @throws IllegalArgumentException naming an unknown key or a bad value
   */
  public static KswinConfig fromSettings(Map<String, String> settings) {
    Settings s = Settings.of("kswin", settings);
    boolean moa = s.flag("moa", false);
    KswinConfig d = defaults();
    KswinConfig c = new KswinConfig(
        s.number("alpha", d.alpha),
        s.integer("windowSize", d.windowSize),
        s.integer("statSize", d.statSize),
        s.number("minStatistic", d.minStatistic),
        s.longInteger("seed", d.seed),
        moa);
    s.finish();
    return c;
  }

  /** Builds a {@link KswinConfig}; starts from the defaults. Not thread-safe. */
  public static final class Builder {
    private double alpha = DEFAULT_ALPHA;
    private int windowSize = DEFAULT_WINDOW_SIZE;
    private int statSize = DEFAULT_STAT_SIZE;
    private double minStatistic = DEFAULT_MIN_STATISTIC;
    private long seed = DEFAULT_SEED;
    private boolean moaCompatible;

    private Builder() {}

    /** Sets {@link KswinConfig#alpha()}. */
    public Builder alpha(double alpha) {
      this.alpha = alpha;
      return this;
    }

    /** Sets {@link KswinConfig#windowSize()}. */
    public Builder windowSize(int windowSize) {
      this.windowSize = windowSize;
      return this;
    }

    /** Sets {@link KswinConfig#statSize()}. */
    public Builder statSize(int statSize) {
      this.statSize = statSize;
      return this;
    }

    /** Sets {@link KswinConfig#minStatistic()}. */
    public Builder minStatistic(double minStatistic) {
      this.minStatistic = minStatistic;
      return this;
    }

    /** Sets {@link KswinConfig#seed()}. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Sets {@link KswinConfig#moaCompatible()}. */
    public Builder moaCompatible(boolean moaCompatible) {
      this.moaCompatible = moaCompatible;
      return this;
    }

    /**
     * Builds the config.
     *
     * @throws IllegalArgumentException if a value is out of range
     */
    public KswinConfig build() {
      return new KswinConfig(alpha, windowSize, statSize, minStatistic, seed, moaCompatible);
    }
  }
}
