package dev.mlops.spring.boot.actuate;

import dev.mlops.model.Model;
import dev.mlops.monitoring.AlertRaised;
import dev.mlops.spring.boot.MlopsModels;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * The health of one declared model: DOWN when it failed to load, the configured alert status
 * (DEGRADED by default) while its monitor has active alerts, UP otherwise. Thread-safe.
 */
final class ModelHealthIndicator implements HealthIndicator {
  private final MlopsModels models;
  private final String key;
  private final Status alertStatus;

  ModelHealthIndicator(MlopsModels models, String key, Status alertStatus) {
    this.models = models;
    this.key = key;
    this.alertStatus = alertStatus;
  }

  @Override
  public Health health() {
    Optional<String> failure = models.failure(key);
    if (failure.isPresent()) {
      return Health.down().withDetail("error", failure.get()).build();
    }
    Model model = models.require(key);
    List<AlertRaised> alerts = models.activeAlerts(key);
    Health.Builder health = alerts.isEmpty() ? Health.up() : Health.status(alertStatus);
    health.withDetail("name", model.name()).withDetail("version", model.version());
    models.monitor(key)
        .ifPresent(m -> health.withDetail("predictions", m.snapshot().predictions()));
    if (!alerts.isEmpty()) {
      health.withDetail("alerts", alerts.stream().map(AlertRaised::reason).toList());
    }
    return health.build();
  }
}
