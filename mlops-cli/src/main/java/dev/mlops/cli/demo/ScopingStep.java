package dev.mlops.cli.demo;

import dev.mlops.scoping.KeyMetrics;
import dev.mlops.scoping.Objective;
import dev.mlops.scoping.Objectives;
import java.util.List;
import java.util.Locale;

/**
 * Declares the demo's key metrics and targets once, as a project does at scoping time; the
 * serving step's measurements are checked against them by {@link ObjectivesCheckStep}.
 */
final class ScopingStep implements DemoStep {
  static final DemoContext.Key<Objectives> OBJECTIVES =
      new DemoContext.Key<>("objectives", Objectives.class);

  /** Targets for a screening aid: high accuracy, interactive latency, modest load. */
  static final Objectives DEMO_OBJECTIVES =
      Objectives.builder()
          .atLeast(KeyMetrics.ACCURACY, 0.95)
          .atMost(KeyMetrics.LATENCY_P99_MS, 50)
          .atLeast(KeyMetrics.THROUGHPUT_QPS, 200)
          .build();

  @Override
  public String title() {
    return "Scoping: declare the key metrics and their targets";
  }

  @Override
  public void run(DemoContext context) {
    context.put(OBJECTIVES, DEMO_OBJECTIVES);
    for (Objective o : DEMO_OBJECTIVES.objectives()) {
      context.out().printf(Locale.ROOT, "  %s%n", o);
    }
    context.out().println("(evaluation, rollout gates and monitoring read these same objectives)");
    context.dashboard().section("scoping", "1. Scoping")
        .text("The key metrics and their targets, declared once; the pre-rollout check, the rollout gates "
            + "and monitoring read these same objectives.")
        .table(List.of("objective"), DEMO_OBJECTIVES.objectives().stream().map(o -> List.of(o.toString())).toList());
  }
}
