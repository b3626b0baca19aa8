package dev.mlops.cli.rollout;

import dev.mlops.deployment.RolloutTransition;
import dev.mlops.events.RolloutEvent;
import dev.mlops.scoping.ObjectiveVerdict;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** The text of {@code rollout replay}: one block per step, then the transitions. Stateless. */
final class ReplayText {
  private ReplayText() {}

  static void render(PrintWriter out, String outcome, Collection<StepRecord> steps, List<RolloutEvent> events) {
    out.printf(Locale.ROOT, "outcome: %s%n", outcome);
    for (StepRecord s : steps) {
      out.printf(Locale.ROOT, "step %d  %s  %d requests%n", s.index,
          s.shadow ? "shadow" : String.format(Locale.ROOT, "weight %.2f%%", s.weightBps / 100.0), s.requests);
      for (ObjectiveVerdict v : s.gates) {
        out.printf(Locale.ROOT, "  %-12s %s%n", v.verdict(), v.reason());
      }
    }
    out.println("transitions:");
    for (RolloutEvent e : events) {
      if (e instanceof RolloutTransition t) {
        out.printf(Locale.ROOT, "  %-12s step %d  %s%n", t.kind(), t.step(), t.reason());
      }
    }
  }
}
