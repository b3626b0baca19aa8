package dev.mlops.core.drift.streaming;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Settings of {@link PageHinkleyDetector} (Page, "Continuous inspection schemes", Biometrika
 * 1954; Mouss et al. 2004 for the fading factor). The defaults are MOA 2024.07's
 * {@code PageHinkleyDM}, which River 0.26's {@code PageHinkley} shares.
 *
 * <p>Immutable and thread-safe.
 *
 * @param minInstances values seen before a drift may be flagged
 * @param delta deviation from the mean tolerated per value, >= 0
 * @param threshold the cumulative deviation that flags a drift, > 0
 * @param alpha fading factor of the cumulative sum, in (0, 1]
 * @param direction which changes are flagged
 * @param moaCompatible reproduce MOA 2024.07's {@code PageHinkleyDM}: one-sided (a rise), and the
 *     cumulative sum is compared with the threshold directly rather than its distance from its
 *     running minimum (so {@code direction} must be {@link Direction#INCREASE})
 */
public record PageHinkleyConfig(
    int minInstances,
    double delta,
    double threshold,
    double alpha,
    Direction direction,
    boolean moaCompatible) {

  /** Default warm-up before any alarm: {@value} values (MOA {@code -n}, River {@code min_instances}). */
  public static final int DEFAULT_MIN_INSTANCES = 30;
  /** Default tolerated deviation: {@value} (MOA {@code -d}, River {@code delta}). */
  public static final double DEFAULT_DELTA = 0.005;
  /** Default alarm threshold: {@value} (MOA {@code -l} lambda, River {@code threshold}). */
  public static final double DEFAULT_THRESHOLD = 50;
  /** Default fading factor: {@value} (MOA {@code -a}, River {@code alpha}). */
  public static final double DEFAULT_ALPHA = 1 - 0.0001;
  /** Default direction: {@link Direction#BOTH}, as River's {@code mode="both"}; MOA watches only a rise. */
  public static final Direction DEFAULT_DIRECTION = Direction.BOTH;

  /**
   * Checks arguments.
   *
   * @throws IllegalArgumentException naming the parameter and the rejected value
   */
  public PageHinkleyConfig {
    Checks.atLeast("page-hinkley", "minInstances", minInstances, 1);
    Checks.nonNegative("page-hinkley", "delta", delta);
    Checks.positive("page-hinkley", "threshold", threshold);
    Checks.fading("page-hinkley", "alpha", alpha);
    Checks.moaDirection("page-hinkley", moaCompatible, direction, Direction.INCREASE);
  }

  /** Returns the defaults. */
  public static PageHinkleyConfig defaults() {
    return builder().build();
  }

  /** Returns MOA 2024.07's behaviour with its defaults. */
  public static PageHinkleyConfig moa() {
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
    m.put("alpha", Double.toString(alpha));
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
  public static PageHinkleyConfig fromSettings(Map<String, String> settings) {
    Settings s = Settings.of("page-hinkley", settings);
    boolean moa = s.flag("moa", false);
    PageHinkleyConfig d = moa ? moa() : defaults();
    PageHinkleyConfig c = new PageHinkleyConfig(
        s.integer("minInstances", d.minInstances),
        s.number("delta", d.delta),
        s.number("threshold", d.threshold),
        s.number("alpha", d.alpha),
        s.choice("direction", Direction.class, d.direction),
        moa);
    s.finish();
    return c;
  }

  /** Builds a {@link PageHinkleyConfig}; starts from the defaults. Not thread-safe. */
  public static final class Builder {
    private int minInstances = DEFAULT_MIN_INSTANCES;
    private double delta = DEFAULT_DELTA;
    private double threshold = DEFAULT_THRESHOLD;
    private double alpha = DEFAULT_ALPHA;
    private Direction direction = DEFAULT_DIRECTION;
    private boolean moaCompatible;

    private Builder() {}

    /** Sets {@link PageHinkleyConfig#minInstances()}. */
    public Builder minInstances(int minInstances) {
      this.minInstances = minInstances;
      return this;
    }

    /** Sets {@link PageHinkleyConfig#delta()}. */
    public Builder delta(double delta) {
      this.delta = delta;
      return this;
    }

    /** Sets {@link PageHinkleyConfig#threshold()}. */
    public Builder threshold(double threshold) {
      this.threshold = threshold;
      return this;
    }

    /** Sets {@link PageHinkleyConfig#alpha()}. */
    public Builder alpha(double alpha) {
      this.alpha = alpha;
      return this;
    }

    /** Sets {@link PageHinkleyConfig#direction()}. */
    public Builder direction(Direction direction) {
      this.direction = direction;
      return this;
    }

    /** Sets {@link PageHinkleyConfig#moaCompatible()}. */
    public Builder moaCompatible(boolean moaCompatible) {
      this.moaCompatible = moaCompatible;
      return this;
    }

    /**
     * Builds the config.
     *
     * @throws IllegalArgumentException if a value is out of range
     */
    public PageHinkleyConfig build() {
      return new PageHinkleyConfig(minInstances, delta, threshold, alpha, direction, moaCompatible);
    }
  }
}
