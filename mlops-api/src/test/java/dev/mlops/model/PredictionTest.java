package dev.mlops.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class PredictionTest {

  @Test
  void confidenceIsTheTopClassProbability() {
    Map<String, Double> p = new LinkedHashMap<>();
    p.put("a", 0.2);
    p.put("b", 0.7);
    p.put("c", 0.1);
    Prediction prediction = Prediction.classification("b", p, "v1", Duration.ZERO);

    assertThat(prediction.confidence()).hasValue(0.7);
    assertThat(prediction.score()).hasValue(0.7);
  }

  @Test
  void confidenceIsSeparateFromTheScoreOfAThresholdedLabel() {
    // A fraud model with a 0.3 decision threshold labels "fraud" at p(fraud) = 0.35.
    Prediction prediction = Prediction.classification(
        "fraud", Map.of("fraud", 0.35, "ok", 0.65), "v1", Duration.ZERO);

    assertThat(prediction.score()).hasValue(0.35);
    assertThat(prediction.confidence()).hasValue(0.65);
  }

  @Test
  void aRegressorHasNoConfidence() {
    assertThat(Prediction.regression(3.5, "v1", Duration.ZERO).confidence()).isEmpty();
  }

  @Test
  void nanAndNullProbabilitiesAreSkipped() {
    Map<String, Double> p = new HashMap<>();
    p.put("a", Double.NaN);
    p.put("b", null);
    p.put("c", 0.4);
    Prediction prediction = new Prediction(
        Optional.of("c"), OptionalDouble.empty(), p, "v1", Duration.ZERO);
    assertThat(prediction.confidence()).hasValue(0.4);

    Map<String, Double> allNaN = Map.of("a", Double.NaN);
    assertThat(new Prediction(Optional.of("a"), OptionalDouble.empty(), allNaN, "v1",
        Duration.ZERO).confidence()).isEmpty();
  }
}
