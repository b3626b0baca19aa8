package dev.mlops.core.monitoring;

import dev.mlops.monitoring.AlertRaised;
import dev.mlops.monitoring.AlertRule;
import dev.mlops.monitoring.WindowSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Applies alert rules to each closed window: counts consecutive breaching windows per rule and
 * subject, fires when the count reaches the rule's {@code forWindows} outside its cool-down.
 * State is two numbers per rule and subject.
 *
 * <p>Not thread-safe: the monitor calls it under its window lock.
 */
final class AlertEngine {
  private final List<AlertRule> rules;
  private final Map<String, long[]> state = new HashMap<>();

  /** Index of each number in a state slot. */
  private static final int CONSECUTIVE = 0;
  private static final int QUIET_UNTIL = 1;

  AlertEngine(List<AlertRule> rules) {
    for (AlertRule r : rules) {
      WindowMetrics.requireSupported(r.name(), r.metric());
    }
    this.rules = List.copyOf(rules);
  }

  List<AlertRaised> evaluate(WindowSummary window, Instant time, String source) {
    List<AlertRaised> out = new ArrayList<>();
    for (AlertRule rule : rules) {
      Map<String, Double> values = WindowMetrics.values(window, rule.metric());
      for (Map.Entry<String, Double> e : values.entrySet()) {
        String subject = e.getKey();
        if (rule.subject().isPresent() && !rule.subject().get().equals(subject)) {
          continue;
        }
        long[] s = state.computeIfAbsent(rule.name() + "\u0000" + subject,
            k -> new long[] {0, -1});
        double value = e.getValue();
        s[CONSECUTIVE] = rule.condition().breaches(value, rule.threshold())
            ? s[CONSECUTIVE] + 1 : 0;
        if (s[CONSECUTIVE] >= rule.forWindows() && window.index() > s[QUIET_UNTIL]) {
          s[QUIET_UNTIL] = window.index() + rule.coolDownWindows();
          out.add(alert(rule, subject, value, window, time, source));
        }
      }
    }
    return out;
  }

  private static AlertRaised alert(AlertRule rule, String subject, double value,
      WindowSummary window, Instant time, String source) {
    Optional<String> tag = subject.equals(WindowMetrics.NO_SUBJECT)
        ? Optional.empty() : Optional.of(subject);
    long row = Math.max(window.startRow(), window.endRow() - 1);
    String what = tag.map(t -> rule.metric() + "[" + t + "]").orElse(rule.metric());
    String reason = String.format(Locale.ROOT,
        "%s = %.6g is %s the threshold %s%s in window %d (rows %d to %d)",
        what, value, rule.condition() == AlertRule.Condition.ABOVE ? "above" : "below",
        rule.threshold(),
        rule.forWindows() > 1 ? " for " + rule.forWindows() + " windows in a row" : "",
        window.index(), window.startRow(), window.endRow() - 1);
    return new AlertRaised(time, source, rule.name(), rule.metric(), tag, value,
        rule.threshold(), window.index(), row, reason);
  }
}
