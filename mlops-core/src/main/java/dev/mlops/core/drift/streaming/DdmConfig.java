package dev.mlops.core.drift.streaming;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings of {@link DdmDetector} (Gama et al., "Learning with drift detection", SBIA 2004).
 * The defaults are MOA 2024.07's {@code DDM}, which River 0.26's {@code binary.DDM} shares.
 *
 * <p>Immutable and thread-safe.
 *
 * @param minInstances values seen before a warning or drift may be flagged
 * @param warningLevel standard deviations above the minimum that enter the warning zone
 * @param driftLevel standard deviations above the minimum that flag a drift
 * @param moaCompatible reproduce MOA 2024.07's {@code DDM}; the detection rule is the same in both
 *     modes, MOA mode only gives no change-start estimate
 */
public record DdmConfig(
    int minInstances,
    double warningLevel,
    double driftLevel,
    boolean moaCompatible) {

  /** Default warm-up: {@value} values (MOA {@code -n}, River {@code warm_start}). */
  public static final int DEFAULT_MIN_INSTANCES = 30;
  /** Default warning level: {@value} standard deviations (MOA {@code -w}, River {@code warning_threshold}). */
  public static final double DEFAULT_WARNING_LEVEL = 2.0;
  /** Default drift level: {@value} standard deviations (MOA {@code -o}, River {@code drift_threshold}). */
  public static final double DEFAULT_DRIFT_LEVEL = 3.0;


  /**
   * Checks arguments.
   *
   * @throws IllegalArgumentException naming the parameter and the rejected value
   */
  public DdmConfig {
    Checks.atLeast("ddm", "minInstances", minInstances, 1);
    Checks.positive("ddm", "warningLevel", warningLevel);
    Checks.positive("ddm", "driftLevel", driftLevel);
    if (driftLevel < warningLevel) {
      throw new IllegalArgumentException("ddm: driftLevel must be >= warningLevel ("
          + warningLevel + "), was " + driftLevel);
    }
  }

  /** Returns the defaults. */
  public static DdmConfig defaults() {
    return builder().build();
  }

  /** Returns MOA 2024.07's behaviour with its defaults. */
  public static DdmConfig moa() {
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
  public static DdmConfig fromSettings(Map<String, String> settings) {
    Settings s = Settings.of("ddm", settings);
    boolean moa = s.flag("moa", false);
    DdmConfig d = moa ? moa() : defaults();
    DdmConfig c = new DdmConfig(
        s.integer("minInstances", d.minInstances),
        s.number("warningLevel", d.warningLevel),
        s.number("driftLevel", d.driftLevel),
        moa);
    s.finish();
    return c;
  }

  /** Builds a {@link DdmConfig}; starts from the defaults. Not thread-safe. */
  public static final class Builder {
    private int minInstances = DEFAULT_MIN_INSTANCES;
    private double warningLevel = DEFAULT_WARNING_LEVEL;
    private double driftLevel = DEFAULT_DRIFT_LEVEL;
    private boolean moaCompatible;

    private Builder() {}

    /** Sets {@link DdmConfig#minInstances()}. */
    public Builder minInstances(int minInstances) {
      this.minInstances = minInstances;
      return this;
    }

    /** Sets {@link DdmConfig#warningLevel()}. */
    public Builder warningLevel(double warningLevel) {
      this.warningLevel = warningLevel;
      return this;
    }

    /** Sets {@link DdmConfig#driftLevel()}. */
    public Builder driftLevel(double driftLevel) {
      this.driftLevel = driftLevel;
      return this;
    }

    /** Sets {@link DdmConfig#moaCompatible()}. */
    public Builder moaCompatible(boolean moaCompatible) {
      this.moaCompatible = moaCompatible;
      return this;
    }

    /**
     * Builds the config.
     *
     * @throws IllegalArgumentException if a value is out of range
     */
    public DdmConfig build() {
      return new DdmConfig(minInstances, warningLevel, driftLevel, moaCompatible);
    }
  }
}
