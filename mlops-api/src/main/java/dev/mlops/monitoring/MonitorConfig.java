package dev.mlops.monitoring;

import dev.mlops.data.DatasetSpec;
import dev.mlops.model.Arm;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Settings of a model monitor.
 *
 * <pre>{@code
 * MonitorConfig config = MonitorConfig.builder()
 *     .window(WindowPolicy.ofDuration(Duration.ofMinutes(5)))
 *     .reference(ReferenceProfiles.of(trainingData))
 *     .detectors(feature -> Optional.of(new PageHinkleyDetector(PageHinkleyConfig.defaults())))
 *     .rule(AlertRule.fromObjective(Objective.atMost(KeyMetrics.LATENCY_P99_MS, 50)))
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe (as long as the detector factory is).
 *
 * @param name the monitor's name, the source of its events; empty for {@code <model>.monitor}
 * @param window how traffic is cut into windows
 * @param inputSpec the spec requests are checked against; empty to use the model's
 *     {@code describe().inputSpec()} (and to skip input checks when the model has none)
 * @param reference the training-time profile each window is compared with; empty for none
 * @param detectors makes a streaming detector per numeric feature
 * @param rules the alert rules, names unique
 * @param arm which model of a deployment this monitor watches
 * @param psiThreshold a window's population stability index above which a feature drifted;
 *     positive
 * @param windowHistory closed windows kept for snapshots, {@code >= 1}
 * @param eventCapacity events that may wait for the listeners before new ones are dropped,
 *     {@code >= 1}
 * @param maxClasses distinct output classes counted; later ones are counted as
 *     {@value #OTHER_CLASS}; {@code >= 1}
 */
public record MonitorConfig(
    Optional<String> name,
    WindowPolicy window,
    Optional<DatasetSpec> inputSpec,
    Optional<ReferenceProfile> reference,
    DetectorFactory detectors,
    List<AlertRule> rules,
    Arm arm,
    double psiThreshold,
    int windowHistory,
    int eventCapacity,
    int maxClasses) {

  /**
   * Default PSI threshold: {@value}, the usual "significant shift" cut (Siddiqi, Credit Risk
   * Scorecards, 2006: below 0.1 no change, 0.1 to 0.2 moderate, above 0.2 significant).
   */
  public static final double DEFAULT_PSI_THRESHOLD = 0.2;
  /** Default closed windows kept: {@value}. */
  public static final int DEFAULT_WINDOW_HISTORY = 64;
  /** Default event queue: {@value} events. */
  public static final int DEFAULT_EVENT_CAPACITY = 1024;
  /** Default distinct classes counted: {@value}. */
  public static final int DEFAULT_MAX_CLASSES = 64;
  /** The class name counting classes beyond {@link #maxClasses()}: {@value}. */
  public static final String OTHER_CLASS = "(other)";

  /**
   * Checks arguments.
   *
   * @throws IllegalArgumentException naming the field and the rejected value
   */
  public MonitorConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(inputSpec, "inputSpec");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(detectors, "detectors");
    Objects.requireNonNull(arm, "arm");
    rules = List.copyOf(rules);
    Set<String> names = new HashSet<>();
    for (AlertRule r : rules) {
      if (!names.add(r.name())) {
        throw new IllegalArgumentException("alert rule '" + r.name() + "' is given twice");
      }
    }
    name.ifPresent(n -> {
      if (n.isBlank()) {
        throw new IllegalArgumentException("name must not be blank");
      }
    });
    if (!(psiThreshold > 0) || !Double.isFinite(psiThreshold)) {
      throw new IllegalArgumentException("psiThreshold must be positive and finite, was "
          + psiThreshold);
    }
    if (windowHistory < 1) {
      throw new IllegalArgumentException("windowHistory must be >= 1, was " + windowHistory);
    }
    if (eventCapacity < 1) {
      throw new IllegalArgumentException("eventCapacity must be >= 1, was " + eventCapacity);
    }
    if (maxClasses < 1) {
      throw new IllegalArgumentException("maxClasses must be >= 1, was " + maxClasses);
    }
  }

  /** The defaults: count windows of {@value WindowPolicy#DEFAULT_COUNT}, no rules. */
  public static MonitorConfig defaults() {
    return builder().build();
  }

  /** Starts a builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder with this config's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.name = name.orElse(null);
    b.window = window;
    b.inputSpec = inputSpec.orElse(null);
    b.reference = reference.orElse(null);
    b.detectors = detectors;
    b.rules.addAll(rules);
    b.arm = arm;
    b.psiThreshold = psiThreshold;
    b.windowHistory = windowHistory;
    b.eventCapacity = eventCapacity;
    b.maxClasses = maxClasses;
    return b;
  }

  /** Builds {@link MonitorConfig}s. Not thread-safe. */
  public static final class Builder {
    private String name;
    private WindowPolicy window = WindowPolicy.ofCount(WindowPolicy.DEFAULT_COUNT);
    private DatasetSpec inputSpec;
    private ReferenceProfile reference;
    private DetectorFactory detectors = DetectorFactory.NONE;
    private final List<AlertRule> rules = new ArrayList<>();
    private Arm arm = Arm.PRIMARY;
    private double psiThreshold = DEFAULT_PSI_THRESHOLD;
    private int windowHistory = DEFAULT_WINDOW_HISTORY;
    private int eventCapacity = DEFAULT_EVENT_CAPACITY;
    private int maxClasses = DEFAULT_MAX_CLASSES;

    private Builder() {}

    /** Sets the monitor's name (default {@code <model>.monitor}). */
    public Builder name(String value) {
      this.name = Objects.requireNonNull(value, "name");
      return this;
    }

    /** Sets the window policy (default: {@value WindowPolicy#DEFAULT_COUNT} predictions). */
    public Builder window(WindowPolicy value) {
      this.window = Objects.requireNonNull(value, "window");
      return this;
    }

    /** Sets the spec requests are checked against (default: the model's). */
    public Builder inputSpec(DatasetSpec value) {
      this.inputSpec = Objects.requireNonNull(value, "inputSpec");
      return this;
    }

    /** Sets the reference profile (default: none). */
    public Builder reference(ReferenceProfile value) {
      this.reference = Objects.requireNonNull(value, "reference");
      return this;
    }

    /** Sets the streaming detector factory (default {@link DetectorFactory#NONE}). */
    public Builder detectors(DetectorFactory value) {
      this.detectors = Objects.requireNonNull(value, "detectors");
      return this;
    }

    /** Adds an alert rule. */
    public Builder rule(AlertRule value) {
      rules.add(Objects.requireNonNull(value, "rule"));
      return this;
    }

    /** Adds alert rules. */
    public Builder rules(List<AlertRule> values) {
      values.forEach(this::rule);
      return this;
    }

    /** Sets the arm (default {@link Arm#PRIMARY}). */
    public Builder arm(Arm value) {
      this.arm = Objects.requireNonNull(value, "arm");
      return this;
    }

    /** Sets the PSI threshold (default {@value MonitorConfig#DEFAULT_PSI_THRESHOLD}). */
    public Builder psiThreshold(double value) {
      this.psiThreshold = value;
      return this;
    }

    /** Sets the closed windows kept (default {@value MonitorConfig#DEFAULT_WINDOW_HISTORY}). */
    public Builder windowHistory(int value) {
      this.windowHistory = value;
      return this;
    }

    /** Sets the event queue (default {@value MonitorConfig#DEFAULT_EVENT_CAPACITY}). */
    public Builder eventCapacity(int value) {
      this.eventCapacity = value;
      return this;
    }

    /** Sets the classes counted (default {@value MonitorConfig#DEFAULT_MAX_CLASSES}). */
    public Builder maxClasses(int value) {
      this.maxClasses = value;
      return this;
    }

    /** Builds the config, checking it. */
    public MonitorConfig build() {
      return new MonitorConfig(Optional.ofNullable(name), window, Optional.ofNullable(inputSpec),
          Optional.ofNullable(reference), detectors, rules, arm, psiThreshold, windowHistory,
          eventCapacity, maxClasses);
    }
  }
}
