package dev.mlops.core.drift.streaming;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Settings of {@link AdwinDetector} (Bifet and Gavaldà, "Learning from time-changing data with
 * adaptive windowing", SDM 2007). The defaults are MOA 2024.07's, which River 0.26 shares.
 *
 * <p>Immutable and thread-safe.
 *
 * @param delta confidence of each cut test, in (0, 1); smaller means fewer, later alarms
 * @param clock the window is checked for a cut every {@code clock} values
 * @param maxBuckets buckets kept per size in the exponential histogram; more is more precise
 * @param minWindowLength a cut keeps more than {@code minWindowLength + 1} values on each side
 * @param gracePeriod no check while the window holds {@code gracePeriod} values or fewer
 * @param direction which changes are signalled; the window is cut on either
 * @param moaCompatible reproduce MOA 2024.07's {@code ADWINChangeDetector} exactly: a drift is
 *     signalled only when the window mean after the value exceeds the mean before it (so
 *     {@code direction} must be {@link Direction#INCREASE}), and MOA's 32-bit integer
 *     arithmetic in the variance updates is kept (it matters for windows above 2^16 values)
 */
public record AdwinConfig(
    double delta,
    int clock,
    int maxBuckets,
    int minWindowLength,
    int gracePeriod,
    Direction direction,
    boolean moaCompatible) {

  /** Default cut confidence: {@value} (MOA {@code -a}, River {@code delta}). */
  public static final double DEFAULT_DELTA = 0.002;
  /** Default check period: {@value} values (MOA's {@code mintClock}, River {@code clock}). */
  public static final int DEFAULT_CLOCK = 32;
  /** Default buckets per size: {@value} (MOA's {@code MAXBUCKETS}, River's). */
  public static final int DEFAULT_MAX_BUCKETS = 5;
  /** Default minimum sub-window: {@value} (MOA's {@code mintMinWinLength}). */
  public static final int DEFAULT_MIN_WINDOW_LENGTH = 5;
  /** Default grace period: {@value} values (MOA's {@code mintMinimLongitudWindow}). */
  public static final int DEFAULT_GRACE_PERIOD = 10;
  /**
   * Default direction: {@link Direction#BOTH}. MOA signals only rises (it watches error
   * rates); a feature's mean can drift either way, and River signals both too.
   */
  public static final Direction DEFAULT_DIRECTION = Direction.BOTH;

  /**
   * Checks arguments.
   *
   * @throws IllegalArgumentException naming the parameter and the rejected value
   */
  public AdwinConfig {
    Checks.open01("adwin", "delta", delta);
    Checks.atLeast("adwin", "clock", clock, 1);
    Checks.atLeast("adwin", "maxBuckets", maxBuckets, 2);
    Checks.atLeast("adwin", "minWindowLength", minWindowLength, 1);
    Checks.atLeast("adwin", "gracePeriod", gracePeriod, 1);
    Checks.moaDirection("adwin", moaCompatible, direction, Direction.INCREASE);
  }

  /** Returns the defaults. */
  public static AdwinConfig defaults() {
    return builder().build();
  }

  /** Returns MOA 2024.07's {@code ADWINChangeDetector} with its defaults. */
  public static AdwinConfig moa() {
    return builder().moaCompatible(true).direction(Direction.INCREASE).build();
  }

  /** Starts a builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the settings as {@code key=value} text, the form {@link #fromSettings} reads. */
  public Map<String, String> settings() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("delta", Double.toString(delta));
    m.put("clock", Integer.toString(clock));
    m.put("maxBuckets", Integer.toString(maxBuckets));
    m.put("minWindowLength", Integer.toString(minWindowLength));
    m.put("gracePeriod", Integer.toString(gracePeriod));
    m.put("direction", direction.name().toLowerCase(Locale.ROOT));
    m.put("moa", Boolean.toString(moaCompatible));
    return m;
  }

  /**
   * Parses settings; a missing key takes the default ({@code moa=true} switches every default
   * to MOA's).
   *
   * @throws IllegalArgumentException naming an unknown key or a bad value
   */
  public static AdwinConfig fromSettings(Map<String, String> settings) {
    Settings s = Settings.of("adwin", settings);
    boolean moa = s.flag("moa", false);
    AdwinConfig d = moa ? moa() : defaults();
    AdwinConfig c = new AdwinConfig(s.number("delta", d.delta), s.integer("clock", d.clock),
        s.integer("maxBuckets", d.maxBuckets), s.integer("minWindowLength", d.minWindowLength),
        s.integer("gracePeriod", d.gracePeriod),
        s.choice("direction", Direction.class, d.direction), moa);
    s.finish();
    return c;
  }

  /** Builds an {@link AdwinConfig}; starts from the defaults. Not thread-safe. */
  public static final class Builder {
    private double delta = DEFAULT_DELTA;
    private int clock = DEFAULT_CLOCK;
    private int maxBuckets = DEFAULT_MAX_BUCKETS;
    private int minWindowLength = DEFAULT_MIN_WINDOW_LENGTH;
    private int gracePeriod = DEFAULT_GRACE_PERIOD;
    private Direction direction = DEFAULT_DIRECTION;
    private boolean moaCompatible;

    private Builder() {}

    /** Sets {@link AdwinConfig#delta()}. */
    public Builder delta(double delta) {
      this.delta = delta;
      return this;
    }

    /** Sets {@link AdwinConfig#clock()}. */
    public Builder clock(int clock) {
      this.clock = clock;
      return this;
    }

    /** Sets {@link AdwinConfig#maxBuckets()}. */
    public Builder maxBuckets(int maxBuckets) {
      this.maxBuckets = maxBuckets;
      return this;
    }

    /** Sets {@link AdwinConfig#minWindowLength()}. */
    public Builder minWindowLength(int minWindowLength) {
      this.minWindowLength = minWindowLength;
      return this;
    }

    /** Sets {@link AdwinConfig#gracePeriod()}. */
    public Builder gracePeriod(int gracePeriod) {
      this.gracePeriod = gracePeriod;
      return this;
    }

    /** Sets {@link AdwinConfig#direction()}. */
    public Builder direction(Direction direction) {
      this.direction = direction;
      return this;
    }

    /** Sets {@link AdwinConfig#moaCompatible()}. */
    public Builder moaCompatible(boolean moaCompatible) {
      this.moaCompatible = moaCompatible;
      return this;
    }

    /**
     * Builds the config.
     *
     * @throws IllegalArgumentException if a value is out of range
     */
    public AdwinConfig build() {
      return new AdwinConfig(delta, clock, maxBuckets, minWindowLength, gracePeriod, direction,
          moaCompatible);
    }
  }
}
