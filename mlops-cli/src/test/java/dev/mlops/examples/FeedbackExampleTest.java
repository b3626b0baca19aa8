package dev.mlops.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.feedback.CbpeCalibration;
import dev.mlops.core.feedback.CbpeWindow;
import dev.mlops.core.feedback.LabelJoin;
import dev.mlops.core.feedback.LabelJoinConfig;
import dev.mlops.core.feedback.LivePerformance;
import dev.mlops.core.feedback.PredictionLogConfig;
import dev.mlops.core.feedback.PredictionLogReader;
import dev.mlops.core.feedback.PredictionLogger;
import dev.mlops.core.model.PredictionOutcomes;
import dev.mlops.data.Record;
import dev.mlops.feedback.FieldRule;
import dev.mlops.feedback.HmacKey;
import dev.mlops.feedback.LoggedPrediction;
import dev.mlops.feedback.PrivacyPolicy;
import dev.mlops.model.Arm;
import dev.mlops.model.Prediction;
import dev.mlops.model.PredictionRequest;
import dev.mlops.testkit.model.FakeModel;
import dev.mlops.time.MlopsClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's "Feedback" example (docs/feedback.md), kept compiling and true. */
class FeedbackExampleTest {

  @Test
  void logJoinAndEstimate(@TempDir Path dir) {
    FakeModel model = FakeModel.classifier("churn", "no", "yes").otherwiseSeeded(42).build();
    byte[] secret = "a host secret of at least 32 bytes!!".getBytes(StandardCharsets.UTF_8);
    MlopsClock clock = MlopsClock.system();
    PredictionRequest request = PredictionRequest.builder(
        Record.of(Map.of("age", 41.0, "email", "kari@example.com"))).requestId("r-1").build();
    double[] refProbabilities = {0.9, 0.8, 0.3, 0.2, 0.7, 0.1};
    boolean[] refPositive = {true, true, false, false, true, false};
    Prediction prediction = model.predict(request);

    // README: feedback
    try (PredictionLogger log = PredictionLogger.builder(PredictionLogConfig.builder(dir)
            .privacy(PrivacyPolicy.builder().field("email", FieldRule.hmac()).build()).build())
        .hmacKey(HmacKey.of(secret)).build()) {
      log.log(PredictionOutcomes.invoke(model, request, Arm.PRIMARY, clock));   // never blocks
    }
    LabelJoin join = new LabelJoin(LabelJoinConfig.defaults(), clock, LivePerformance.of(Duration.ofHours(1), Optional.empty()));
    CbpeWindow window = CbpeWindow.create(CbpeCalibration.fit(refProbabilities, refPositive), "yes");
    window.add(prediction.probabilities(), prediction.label());   // before any label
    window.estimate().get("accuracy");                              // value, lower, upper (±3σ)

    List<LoggedPrediction> logged = PredictionLogReader.of(dir).readAll().records();
    assertThat(logged).hasSize(1);
    assertThat(logged.get(0).requestId()).isEqualTo("r-1");
    assertThat(logged.get(0).inputs().get("email").toString()).startsWith("hmac-sha256:")
        .doesNotContain("kari");
    join.prediction(logged.get(0));
    assertThat(join.unlabeled()).hasSize(1);
    CbpeWindow.Estimate accuracy = window.estimate().get("accuracy");
    assertThat(accuracy.lower()).isLessThanOrEqualTo(accuracy.value());
    assertThat(accuracy.upper()).isGreaterThanOrEqualTo(accuracy.value());
  }
}
