package dev.mlops.core.drift.streaming;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of {@link HddmWDetector} (Frías-Blanco et al., IEEE TKDE 2015, the W-test on
 * exponentially weighted means). The defaults are MOA 2024.07's {@code HDDM_W_Test}, which
 * River 0.26's {@code binary.HDDM_W} shares.
 *
 * <p>Immutable and thread-safe.
 *
 * @param driftConfidence significance of the drift test, in (0, 1)
 * @param warningConfidence significance of the warning test, in (0, 1)
 * @param lambda weight of the newest value in the moving means, in (0, 1)
 * @param direction which changes are flagged
 * @param moaCompatible reproduce MOA 2024.07's {@code HDDM_W_Test}; the detection rule is the same in
 *     both modes, MOA mode only gives no change-start estimate
 */
public record HddmWConfig(
    double driftConfidence,
    double warningConfidence,
    double lambda,
    Direction direction,
    boolean moaCompatible) {

  /** Default drift confidence: {@value} (MOA {@code -d}, River {@code drift_confidence}). */
  public static final double DEFAULT_DRIFT_CONFIDENCE = 0.001;
  /** Default warning confidence: {@value} (MOA {@code -w}, River {@code warning_confidence}). */
  public static final double DEFAULT_WARNING_CONFIDENCE = 0.005;
  /** Default weight of the newest value: {@value} (MOA {@code -m}, River {@code lambda_val}). */
  public static final double DEFAULT_LAMBDA = 0.05;
  /** Default direction: {@link Direction#INCREASE}, MOA's and River's one-sided test. */
  public static final Direction DEFAULT_DIRECTION = Direction.INCREASE;

  /**
   * Checks arguments.
   *
   * @throws IllegalArgumentException naming the parameter and the rejected value
   */
  public HddmWConfig {
    Checks.open01("hddm-w", "driftConfidence", driftConfidence);
    Checks.open01("hddm-w", "warningConfidence", warningConfidence);
    Checks.open01("hddm-w", "lambda", lambda);
    Objects.requireNonNull(direction, "direction");
  }

  /** Returns the defaults. */
  public static HddmWConfig defaults() {
    return builder().build();
  }

  /** Returns MOA 2024.07's behaviour with its defaults. */
  public static HddmWConfig moa() {
    return builder().moaCompatible(true).build();
  }

  /** Starts a builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the settings as {@code key=value} text, the form {@link #fromSettings} reads. */
  public Map<String, String> settings() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("driftConfidence", Double.toString(driftConfidence));
    m.put("warningConfidence", Double.toString(warningConfidence));
    m.put("lambda", Double.toString(lambda));
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
  public static HddmWConfig fromSettings(Map<String, String> settings) {
    Settings s = Settings.of("hddm-w", settings);
    boolean moa = s.flag("moa", false);
    HddmWConfig d = moa ? moa() : defaults();
    HddmWConfig c = new HddmWConfig(
        s.number("driftConfidence", d.driftConfidence),
        s.number("warningConfidence", d.warningConfidence),
        s.number("lambda", d.lambda),
        s.choice("direction", Direction.class, d.direction),
        moa);
    s.finish();
    return c;
  }

  /** Builds a {@link HddmWConfig}; starts from the defaults. Not thread-safe. */
  public static final class Builder {
    private double driftConfidence = DEFAULT_DRIFT_CONFIDENCE;
    private double warningConfidence = DEFAULT_WARNING_CONFIDENCE;
    private double lambda = DEFAULT_LAMBDA;
    private Direction direction = DEFAULT_DIRECTION;
    private boolean moaCompatible;

    private Builder() {}

    /** Sets {@link HddmWConfig#driftConfidence()}. */
    public Builder driftConfidence(double driftConfidence) {
      this.driftConfidence = driftConfidence;
      return this;
    }

    /** Sets {@link HddmWConfig#warningConfidence()}. */
    public Builder warningConfidence(double warningConfidence) {
      this.warningConfidence = warningConfidence;
      return this;
    }

    /** Sets {@link HddmWConfig#lambda()}. */
    public Builder lambda(double lambda) {
      this.lambda = lambda;
      return this;
    }

    /** Sets {@link HddmWConfig#direction()}. */
    public Builder direction(Direction direction) {
      this.direction = direction;
      return this;
    }

    /** Sets {@link HddmWConfig#moaCompatible()}. */
    public Builder moaCompatible(boolean moaCompatible) {
      this.moaCompatible = moaCompatible;
      return this;
    }

    /**
     * Builds the config.
     *
     * @throws IllegalArgumentException if a value is out of range
     */
    public HddmWConfig build() {
      return new HddmWConfig(driftConfidence, warningConfidence, lambda, direction, moaCompatible);
    }
  }
}
