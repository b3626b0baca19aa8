package dev.mlops.deployment;

import java.util.Map;

/**
 * Counts of an automated decision point: requests by route, and under
 * {@link AutomationLevel#PARTIAL} the split between automatic and human per predicted class.
 *
 * <p>Immutable and thread-safe.
 *
 * @param byRoute requests per route, every route present
 * @param automaticByClass automatic decisions per predicted class (PARTIAL and FULL)
 * @param humanByClass requests sent to the human queue per predicted class (PARTIAL)
 */
public record AutomationReport(
    Map<AutomationRoute, Long> byRoute, Map<String, Long> automaticByClass,
    Map<String, Long> humanByClass) {

  /** Copies the maps. */
  public AutomationReport {
    byRoute = Map.copyOf(byRoute);
    automaticByClass = Map.copyOf(automaticByClass);
    humanByClass = Map.copyOf(humanByClass);
  }

  /** Returns the share of requests decided automatically; NaN when there were none. */
  public double automaticShare() {
    long total = byRoute.values().stream().mapToLong(Long::longValue).sum();
    return total == 0 ? Double.NaN : (double) byRoute.getOrDefault(AutomationRoute.AUTOMATIC, 0L) / total;
  }
}
