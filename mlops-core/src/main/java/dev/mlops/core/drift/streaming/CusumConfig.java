package dev.mlops.core.drift.streaming;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Settings of {@link CusumDetector} (Page's cumulative sum, Biometrika 1954). The defaults are
 * MOA 2024.07's {@code CusumDM}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param minInstances values seen before a drift may be flagged
 * @param delta deviation from the mean tolerated per value, >= 0
 * @param threshold the cumulative deviation that flags a drift, > 0
 * @param direction which changes are flagged
 * @param moaCompatible reproduce MOA 2024.07's {@code CusumDM}: the upper sum only (so
 *     {@code direction} must be {@link Direction#INCREASE})
 */
public record CusumConfig(
    int minInstances,
    double delta,
    double threshold,
    Direction direction,
    boolean moaCompatible) {

  /** Default warm-up before any alarm: {@value} values (MOA {@code -n}). */
  public static final int DEFAULT_MIN_INSTANCES = 30;
  /** Default tolerated deviation: {@value} (MOA {@code -d}). */
  public static final double DEFAULT_DELTA = 0.005;
  /** Default alarm threshold: {@value} (MOA {@code -l} lambda). */
  public static final double DEFAULT_THRESHOLD = 50;
  /** Default direction: {@link Direction#BOTH} (an upper and a lower sum); MOA keeps only the upper one. */
  public static final Direction DEFAULT_DIRECTION = Direction.BOTH;

  /**
   * Checks arguments.
   *
   * @throws IllegalArgumentException naming the parameter and the rejected value
   */
  public CusumConfig {
    Checks.atLeast("cusum", "minInstances", minInstances, 1);
    Checks.nonNegative("cusum", "delta", delta);
    Checks.positive("cusum", "threshold", threshold);
    Checks.moaDirection("cusum", moaCompatible, direction, Direction.INCREASE);
  }

  /** Returns the defaults. */
  public static CusumConfig defaults() {
    return builder().build();
  }

  /** Returns MOA 2024.07's behaviour with its defaults. */
  public static CusumConfig moa() {
    return builder().direction(Direction.INCREASE).moaCompatible(true).build();
  }

  /** Starts a builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the settings as {@code key=value} text, the form {@link #fromSettings} reads. */
  public Map<String, String> settings() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("minInstances", Integer.toString(minInstances));
    m.put("delta", Double.toString(delta));
    m.put("threshold", Double.toString(threshold));
    m.put("direction", direction.name().toLowerCase(Locale.ROOT));
    m.put("moa", Boolean.toString(moaCompatible));
    return m;
  }

  /**
   * Parses settings; a missing key takes the default ({@code moa=true} starts from
   * {@link #moa()}).
   *
   * @throws IllegalArgumentException naming an unknown key or a bad value
   */
  public static CusumConfig fromSettings(Map<String, String> settings) {
    Settings s = Settings.of("cusum", settings);
    boolean moa = s.flag("moa", false);
    CusumConfig d = moa ? moa() : defaults();
    CusumConfig c = new CusumConfig(
        s.integer("minInstances", d.minInstances),
        s.number("delta", d.delta),
        s.number("threshold", d.threshold),
        s.choice("direction", Direction.class, d.direction),
        moa);
    s.finish();
    return c;
  }

  /** Builds a {@link CusumConfig}; starts from the defaults. Not thread-safe. */
  public static final class Builder {
    private int minInstances = DEFAULT_MIN_INSTANCES;
    private double delta = DEFAULT_DELTA;
    private double threshold = DEFAULT_THRESHOLD;
    private Direction direction = DEFAULT_DIRECTION;
    private boolean moaCompatible;

    private Builder() {}

    /** Sets {@link CusumConfig#minInstances()}. */
    public Builder minInstances(int minInstances) {
      this.minInstances = minInstances;
      return this;
    }

    /** Sets {@link CusumConfig#delta()}. */
    public Builder delta(double delta) {
      this.delta = delta;
      return this;
    }

    /** Sets {@link CusumConfig#threshold()}. */
    public Builder threshold(double threshold) {
      this.threshold = threshold;
      return this;
    }

    /** Sets {@link CusumConfig#direction()}. */
    public Builder direction(Direction direction) {
      this.direction = direction;
      return this;
    }

    /** Sets {@link CusumConfig#moaCompatible()}. */
    public Builder moaCompatible(boolean moaCompatible) {
      this.moaCompatible = moaCompatible;
      return this;
    }

    /**
     * Builds the config.
     *
     * @throws IllegalArgumentException if a value is out of range
     */
    public CusumConfig build() {
      return new CusumConfig(minInstances, delta, threshold, direction, moaCompatible);
    }
  }
}
