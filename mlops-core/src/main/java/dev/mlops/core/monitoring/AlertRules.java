package dev.mlops.core.monitoring;

import dev.mlops.data.DatasetSpec;
import dev.mlops.data.FeatureSpec;
import dev.mlops.monitoring.AlertRule;
import dev.mlops.scoping.KeyMetrics;
import dev.mlops.scoping.Objective;
import dev.mlops.scoping.Objectives;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Built-in alert rules, derived from what the project already declared: its {@link Objectives}
 * (the same targets evaluation and rollout gates read) and the input {@link DatasetSpec}.
 *
 * <p>Stateless and thread-safe.
 */
public final class AlertRules {
  /** Name of the rule of {@link #drift()}: {@value}. */
  public static final String DRIFT = "drift";

  private AlertRules() {}

  /**
   * One rule per absolute objective on a metric a monitor measures ({@code latency.p99.ms <= 50}
   * becomes "above 50", {@code error.rate <= 0.01} "above 0.01"). Relative objectives (they need a
   * baseline a monitor does not have) and objectives on metrics a monitor does not measure
   * ({@code f1.macro}, which needs labels joined later) are left out.
   */
  public static List<AlertRule> fromObjectives(Objectives objectives) {
    Objects.requireNonNull(objectives, "objectives");
    List<AlertRule> out = new ArrayList<>();
    for (Objective o : objectives.objectives()) {
      if (!o.isRelative() && WindowMetrics.SUPPORTED.contains(o.metric())) {
        out.add(AlertRule.fromObjective(o));
      }
    }
    return List.copyOf(out);
  }

  /**
   * Rules that hold each window to the spec: for every feature, a missing rate above what its
   * {@code minPresence} allows (rule {@code spec.missing.<feature>}); for every feature with a
   * range, domain or length, an out-of-spec rate above what its domain's
   * {@code minShareInDomain} allows, else above 0 (rule {@code spec.out_of_spec.<feature>}).
   * Feature names are lower-cased in rule names, other characters than {@code [a-z0-9_-]}
   * replaced by {@code _}.
   */
  public static List<AlertRule> fromSpec(DatasetSpec spec) {
    Objects.requireNonNull(spec, "spec");
    List<AlertRule> out = new ArrayList<>();
    for (FeatureSpec f : spec.features()) {
      String key = f.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_\\-]", "_");
      out.add(AlertRule.above("spec.missing." + key, KeyMetrics.INPUT_MISSING_RATE,
          1 - f.minPresence()).on(f.name()));
      if (f.range().isPresent() || f.domain().isPresent() || f.length().isPresent()) {
        double tolerated = f.domain().map(d -> 1 - d.minShareInDomain()).orElse(0.0);
        out.add(AlertRule.above("spec.out_of_spec." + key, KeyMetrics.INPUT_OUT_OF_SPEC_RATE,
            tolerated).on(f.name()));
      }
    }
    return List.copyOf(out);
  }

  /** A rule that fires for any feature that drifted in a window (rule {@value #DRIFT}). */
  public static AlertRule drift() {
    return AlertRule.above(DRIFT, KeyMetrics.DRIFT_DETECTED, 0.5);
  }
}
