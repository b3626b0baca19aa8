package dev.mlops.spring.sample;

import dev.mlops.data.Record;
import dev.mlops.model.Prediction;
import dev.mlops.model.PredictionOutcome;
import dev.mlops.model.PredictionRequest;
import dev.mlops.spring.boot.MlopsServing;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /score}: scores one transaction through the rollout (a canary from fraud-v1 to
 * fraud-v2). The user id is the routing key, so a user sticks to one model while the weight
 * holds. Thread-safe: it holds no state.
 */
@RestController
class ScoringController {
  private final MlopsServing serving;

  ScoringController(MlopsServing serving) {
    this.serving = serving;
  }

  /**
   * A transaction to score.
   *
   * @param id the request id (the prediction log's key for late labels)
   * @param user the user, the routing key of the canary
   * @param features the model's features by name
   */
  record ScoreRequest(String id, String user, Map<String, Double> features) {}

  /**
   * The answer.
   *
   * @param requestId the request id
   * @param model the model that answered
   * @param version its version
   * @param arm {@code primary} or {@code candidate}
   * @param label the predicted class; null when the model failed
   * @param score the probability of the label; null when the model failed
   * @param failure the failure kind; null when the model answered
   */
  record ScoreResponse(String requestId, String model, String version, String arm, String label,
      Double score, String failure) {}

  @PostMapping("/score")
  ScoreResponse score(@RequestBody ScoreRequest body) {
    PredictionRequest.Builder request =
        PredictionRequest.builder(Record.of(new LinkedHashMap<>(body.features())));
    if (body.id() != null) {
      request.requestId(body.id());
    }
    if (body.user() != null) {
      request.routingKey(body.user());
    }
    PredictionOutcome outcome = serving.serve(request.build());
    String arm = outcome.arm().name().toLowerCase(Locale.ROOT);
    if (outcome instanceof PredictionOutcome.Failure f) {
      return new ScoreResponse(outcome.request().requestId(), outcome.modelName(),
          outcome.modelVersion(), arm, null, null, f.error().kind().name());
    }
    Prediction p = outcome.prediction().orElseThrow();
    return new ScoreResponse(outcome.request().requestId(), outcome.modelName(),
        outcome.modelVersion(), arm, p.label().orElse(null),
        p.score().isPresent() ? p.score().getAsDouble() : null, null);
  }
}
