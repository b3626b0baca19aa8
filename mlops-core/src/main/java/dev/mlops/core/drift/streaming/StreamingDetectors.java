package dev.mlops.core.drift.streaming;

import dev.mlops.drift.StreamingDriftDetector;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Creates the streaming detectors of this package by type name and settings text, as
 * {@code ./mlops stream-drift --detector adwin --set delta=0.01} does, and restores any of them
 * from a snapshot through {@link #registry()}.
 *
 * <p>Stateless and thread-safe; the detectors it creates are not.
 */
public final class StreamingDetectors {
  /** The type names, in the order the docs list them. */
  public static final List<String> TYPES = List.of(AdwinDetector.TYPE, PageHinkleyDetector.TYPE,
      CusumDetector.TYPE, DdmDetector.TYPE, EddmDetector.TYPE, HddmADetector.TYPE,
      HddmWDetector.TYPE, KswinDetector.TYPE);

  private static final StreamingDetectorRegistry REGISTRY = StreamingDetectorRegistry.builder()
      .register(AdwinDetector.TYPE, AdwinDetector.FORMAT_VERSION, AdwinDetector::restore)
      .register(PageHinkleyDetector.TYPE, PageHinkleyDetector.FORMAT_VERSION,
          PageHinkleyDetector::restore)
      .register(CusumDetector.TYPE, CusumDetector.FORMAT_VERSION, CusumDetector::restore)
      .register(DdmDetector.TYPE, DdmDetector.FORMAT_VERSION, DdmDetector::restore)
      .register(EddmDetector.TYPE, EddmDetector.FORMAT_VERSION, EddmDetector::restore)
      .register(HddmADetector.TYPE, HddmADetector.FORMAT_VERSION, HddmADetector::restore)
      .register(HddmWDetector.TYPE, HddmWDetector.FORMAT_VERSION, HddmWDetector::restore)
      .register(KswinDetector.TYPE, KswinDetector.FORMAT_VERSION, KswinDetector::restore)
      .build();

  private StreamingDetectors() {}

  /** Returns a registry that restores every detector of this package. */
  public static StreamingDetectorRegistry registry() {
    return REGISTRY;
  }

  /**
   * Creates a detector.
   *
   * @param type one of {@link #TYPES}
   * @param settings {@code key=value} settings of that detector's config (see its
   *     {@code fromSettings}); {@code moa=true} selects MOA compatibility
   * @return a fresh detector
   * @throws IllegalArgumentException for an unknown type, an unknown key or a bad value
   */
  public static StreamingDriftDetector create(String type, Map<String, String> settings) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(settings, "settings");
    return switch (type) {
      case AdwinDetector.TYPE -> new AdwinDetector(AdwinConfig.fromSettings(settings));
      case PageHinkleyDetector.TYPE ->
          new PageHinkleyDetector(PageHinkleyConfig.fromSettings(settings));
      case CusumDetector.TYPE -> new CusumDetector(CusumConfig.fromSettings(settings));
      case DdmDetector.TYPE -> new DdmDetector(DdmConfig.fromSettings(settings));
      case EddmDetector.TYPE -> new EddmDetector(EddmConfig.fromSettings(settings));
      case HddmADetector.TYPE -> new HddmADetector(HddmAConfig.fromSettings(settings));
      case HddmWDetector.TYPE -> new HddmWDetector(HddmWConfig.fromSettings(settings));
      case KswinDetector.TYPE -> new KswinDetector(KswinConfig.fromSettings(settings));
      default -> throw new IllegalArgumentException(
          "unknown detector '" + type + "'; known detectors: " + TYPES);
    };
  }
}
