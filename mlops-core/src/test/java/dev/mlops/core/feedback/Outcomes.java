package dev.mlops.core.feedback;

import dev.mlops.FailureKind;
import dev.mlops.ModelInferenceException;
import dev.mlops.data.Record;
import dev.mlops.model.Arm;
import dev.mlops.model.Prediction;
import dev.mlops.model.PredictionOutcome;
import dev.mlops.model.PredictionRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Outcomes for the feedback tests. */
final class Outcomes {
  private Outcomes() {}

  static PredictionOutcome success(String id, Instant at, String version, Map<String, ?> features,
      String label, double pYes) {
    PredictionRequest request = PredictionRequest.builder(Record.of(features))
        .requestId(id).receivedAt(at).build();
    Map<String, Double> p = new LinkedHashMap<>();
    p.put("no", 1 - pYes);
    p.put("yes", pYes);
    return new PredictionOutcome.Success(request, "churn", version, Arm.PRIMARY,
        Duration.ofNanos(250_000), Prediction.classification(label, p, version, Duration.ofNanos(200_000)));
  }

  static PredictionOutcome success(String id, Instant at, double pYes) {
    return success(id, at, "1", Map.of("x", pYes * 10), pYes >= 0.5 ? "yes" : "no", pYes);
  }

  static PredictionOutcome failure(String id, Instant at) {
    PredictionRequest request = PredictionRequest.builder(Record.of(Map.of("x", 1.0)))
        .requestId(id).receivedAt(at).build();
    return new PredictionOutcome.Failure(request, "churn", "1", Arm.SHADOW, Duration.ofMillis(3),
        new ModelInferenceException(FailureKind.TIMEOUT, "churn", null, null, null, "timed out", null));
  }

  static dev.mlops.feedback.LoggedPrediction logged(String id, Instant at) {
    PredictionOutcome o = success(id, at, 0.7);
    return dev.mlops.feedback.LoggedPrediction.of(o, o.request().features().toMap());
  }
}
