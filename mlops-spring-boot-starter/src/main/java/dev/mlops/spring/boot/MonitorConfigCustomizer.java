package dev.mlops.spring.boot;

import dev.mlops.monitoring.MonitorConfig;

/**
 * Adjusts the monitor of a declared model before it is built, e.g. to add alert rules, a spec or
 * streaming drift detectors that properties cannot express. Every bean of this type is applied,
 * in Spring's order, after the {@code mlops.monitoring.*} settings.
 *
 * <pre>{@code
 * @Bean MonitorConfigCustomizer latencyRule() {
 *   return (key, config) -> config.rule(
 *       AlertRule.fromObjective(Objective.atMost(KeyMetrics.LATENCY_P99_MS, 50)));
 * }
 * }</pre>
 *
 * <p>Implementations are called once per model at start, on the thread that builds the context.
 */
@FunctionalInterface
public interface MonitorConfigCustomizer {
  /**
   * Customizes one model's monitor.
   *
   * @param key the model's key under {@code mlops.models}
   * @param config the builder, already holding the properties' settings
   */
  void customize(String key, MonitorConfig.Builder config);
}
