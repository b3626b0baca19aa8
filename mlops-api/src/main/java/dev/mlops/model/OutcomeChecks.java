package dev.mlops.model;

import java.time.Duration;
import java.util.Objects;

/** Argument checks shared by the {@link PredictionOutcome} records. Stateless. */
final class OutcomeChecks {
  private OutcomeChecks() {}

  static void common(
      PredictionRequest request, String modelName, String modelVersion, Arm arm, Duration latency) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(modelName, "modelName");
    Objects.requireNonNull(modelVersion, "modelVersion");
    Objects.requireNonNull(arm, "arm");
    Objects.requireNonNull(latency, "latency");
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative, was " + latency);
    }
  }
}
