package dev.mlops.core.drift.streaming;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings of {@link EddmDetector} (Baena-García et al., "Early drift detection method", 2006).
 * The defaults are MOA 2024.07's {@code EDDM} constants, which River 0.26's {@code binary.EDDM}
 * shares.
 *
 * <p>Immutable and thread-safe.
 *
 * @param minInstances values seen before a warning or drift may be flagged
 * @param minErrors errors seen before a warning or drift may be flagged
 * @param warningLevel ratio of (mean + 2 sd) distance between errors to its maximum below which the warning zone starts
 * @param driftLevel that ratio below which a drift is flagged
 * @param moaCompatible reproduce MOA 2024.07's {@code EDDM}; the detection rule is the same in both
 *     modes, MOA mode only gives no change-start estimate
 */
public record EddmConfig(
    int minInstances,
    int minErrors,
    double warningLevel,
    double driftLevel,
    boolean moaCompatible) {

  /** Default warm-up: {@value} values (MOA's {@code FDDM_MINNUMINSTANCES}, River {@code warm_start}). */
  public static final int DEFAULT_MIN_INSTANCES = 30;
  /** Default minimum errors: {@value} (MOA's {@code m_minNumErrors}). */
  public static final int DEFAULT_MIN_ERRORS = 30;
  /** Default warning ratio: {@value} (MOA's {@code FDDM_WARNING}, River {@code alpha}). */
  public static final double DEFAULT_WARNING_LEVEL = 0.95;
  /** Default drift ratio: {@value} (MOA's {@code FDDM_OUTCONTROL}, River {@code beta}). */
  public static final double DEFAULT_DRIFT_LEVEL = 0.9;


  /**
   * Checks arguments.
   *
   * @throws IllegalArgumentException naming the parameter and the rejected value
   */
  public EddmConfig {
    Checks.atLeast("eddm", "minInstances", minInstances, 0);
    Checks.atLeast("eddm", "minErrors", minErrors, 0);
    Checks.open01("eddm", "warningLevel", warningLevel);
    Checks.open01("eddm", "driftLevel", driftLevel);
    if (driftLevel > warningLevel) {
      throw new IllegalArgumentException("eddm: driftLevel must be <= warningLevel ("
          + warningLevel + "), was " + driftLevel);
    }
  }

  /** Returns the defaults. */
  public static EddmConfig defaults() {
    return builder().build();
  }

  /** Returns MOA 2024.07's behaviour with its defaults. */
  public static EddmConfig moa() {
    return builder().moaCompatible(true).build();
  }

  /** Starts a builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the settings as {@code key=value} text, the form {@link #fromSettings} reads. */
  public Map<String, String> settings() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("minInstances", Integer.toString(minInstances));
    m.put("minErrors", Integer.toString(minErrors));
    m.put("warningLevel", Double.toString(warningLevel));
    m.put("driftLevel", Double.toString(driftLevel));
    m.put("moa", Boolean.toString(moaCompatible));
    return m;
  }

  /**
   * Parses settings; a missing key takes the default ({@code moa=true} starts from
   * {@link #moa()}).
   *
   * @throws IllegalArgumentException naming an unknown key or a bad value
   */
  public static EddmConfig fromSettings(Map<String, String> settings) {
    Settings s = Settings.of("eddm", settings);
    boolean moa = s.flag("moa", false);
    EddmConfig d = moa ? moa() : defaults();
    EddmConfig c = new EddmConfig(
        s.integer("minInstances", d.minInstances),
        s.integer("minErrors", d.minErrors),
        s.number("warningLevel", d.warningLevel),
        s.number("driftLevel", d.driftLevel),
        moa);
    s.finish();
    return c;
  }

  /** Builds a {@link EddmConfig}; starts from the defaults. Not thread-safe. */
  public static final class Builder {
    private int minInstances = DEFAULT_MIN_INSTANCES;
    private int minErrors = DEFAULT_MIN_ERRORS;
    private double warningLevel = DEFAULT_WARNING_LEVEL;
    private double driftLevel = DEFAULT_DRIFT_LEVEL;
    private boolean moaCompatible;

    private Builder() {}

    /** Sets {@link EddmConfig#minInstances()}. */
    public Builder minInstances(int minInstances) {
      this.minInstances = minInstances;
      return this;
    }

    /** Sets {@link EddmConfig#minErrors()}. */
    public Builder minErrors(int minErrors) {
      this.minErrors = minErrors;
      return this;
    }

    /** Sets {@link EddmConfig#warningLevel()}. */
    public Builder warningLevel(double warningLevel) {
      this.warningLevel = warningLevel;
      return this;
    }

    /** Sets {@link EddmConfig#driftLevel()}. */
    public Builder driftLevel(double driftLevel) {
      this.driftLevel = driftLevel;
      return this;
    }

    /** Sets {@link EddmConfig#moaCompatible()}. */
    public Builder moaCompatible(boolean moaCompatible) {
      this.moaCompatible = moaCompatible;
      return this;
    }

    /**
     * Builds the config.
     *
     * @throws IllegalArgumentException if a value is out of range
     */
    public EddmConfig build() {
      return new EddmConfig(minInstances, minErrors, warningLevel, driftLevel, moaCompatible);
    }
  }
}
