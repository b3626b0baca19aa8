package dev.mlops.core.drift.streaming;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of {@link HddmADetector} (Frías-Blanco et al., "Online and non-parametric drift
 * detection methods based on Hoeffding's bounds", IEEE TKDE 2015, the A-test). The defaults are
 * MOA 2024.07's {@code HDDM_A_Test}, which River 0.26's {@code binary.HDDM_A} shares.
 *
 * <p>Immutable and thread-safe.
 *
 * @param driftConfidence significance of the drift test, in (0, 1)
 * @param warningConfidence significance of the warning test, in (0, 1)
 * @param direction which changes are flagged
 * @param moaCompatible reproduce MOA 2024.07's {@code HDDM_A_Test}; the detection rule is the same in
 *     both modes, MOA mode only gives no change-start estimate (values outside [0, 1] are
 *     rejected in both modes; MOA accepts them and then alarms at random)
 */
public record HddmAConfig(
    double driftConfidence,
    double warningConfidence,
    Direction direction,
    boolean moaCompatible) {

  /** Default drift confidence: {@value} (MOA {@code -d}, River {@code drift_confidence}). */
  public static final double DEFAULT_DRIFT_CONFIDENCE = 0.001;
  /** Default warning confidence: {@value} (MOA {@code -w}, River {@code warning_confidence}). */
  public static final double DEFAULT_WARNING_CONFIDENCE = 0.005;
  /** Default direction: {@link Direction#INCREASE}, River's one-sided test: a falling error rate is good news. MOA 2024.07's {@code typeOfTest} defaults to two-sided, so {@link #moa()} uses {@link Direction#BOTH}. */
  public static final Direction DEFAULT_DIRECTION = Direction.INCREASE;

  /**
   * Checks arguments.
   *
   * @throws IllegalArgumentException naming the parameter and the rejected value
   */
  public HddmAConfig {
    Checks.open01("hddm-a", "driftConfidence", driftConfidence);
    Checks.open01("hddm-a", "warningConfidence", warningConfidence);
    Objects.requireNonNull(direction, "direction");
  }

  /** Returns the defaults. */
  public static HddmAConfig defaults() {
    return builder().build();
  }

  /** Returns MOA 2024.07's behaviour with its defaults. */
  public static HddmAConfig moa() {
    return builder().direction(Direction.BOTH).moaCompatible(true).build();
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
  public static HddmAConfig fromSettings(Map<String, String> settings) {
    Settings s = Settings.of("hddm-a", settings);
    boolean moa = s.flag("moa", false);
    HddmAConfig d = moa ? moa() : defaults();
    HddmAConfig c = new HddmAConfig(
        s.number("driftConfidence", d.driftConfidence),
        s.number("warningConfidence", d.warningConfidence),
        s.choice("direction", Direction.class, d.direction),
        moa);
    s.finish();
    return c;
  }

  /** Builds a {@link HddmAConfig}; starts from the defaults. Not thread-safe. */
  public static final class Builder {
    private double driftConfidence = DEFAULT_DRIFT_CONFIDENCE;
    private double warningConfidence = DEFAULT_WARNING_CONFIDENCE;
    private Direction direction = DEFAULT_DIRECTION;
    private boolean moaCompatible;

    private Builder() {}

    /** Sets {@link HddmAConfig#driftConfidence()}. */
    public Builder driftConfidence(double driftConfidence) {
      this.driftConfidence = driftConfidence;
      return this;
    }

    /** Sets {@link HddmAConfig#warningConfidence()}. */
    public Builder warningConfidence(double warningConfidence) {
      this.warningConfidence = warningConfidence;
      return this;
    }

    /** Sets {@link HddmAConfig#direction()}. */
    public Builder direction(Direction direction) {
      this.direction = direction;
      return this;
    }

    /** Sets {@link HddmAConfig#moaCompatible()}. */
    public Builder moaCompatible(boolean moaCompatible) {
      this.moaCompatible = moaCompatible;
      return this;
    }

    /**
     * Builds the config.
     *
     * @throws IllegalArgumentException if a value is out of range
     */
    public HddmAConfig build() {
      return new HddmAConfig(driftConfidence, warningConfidence, direction, moaCompatible);
    }
  }
}
