package dev.mlops.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.feedback.PredictionLogReader;
import dev.mlops.data.Dataset;
import dev.mlops.data.Violation;
import dev.mlops.data.ViolationKind;
import dev.mlops.feedback.LoggedPrediction;
import dev.mlops.testkit.MlopsTest;
import dev.mlops.testkit.PredictionLog;
import dev.mlops.testkit.TestClock;
import dev.mlops.testkit.TestResources;
import dev.mlops.testkit.data.DatasetGenerator;
import dev.mlops.testkit.drift.DriftScenario;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Requests that break the spec are rejected with the violation and never reach a model or the log. */
@MlopsTest
class SpecRejectionTest {
  @Test
  void violatingRequestsAreRejectedAndValidOnesServedAndLogged(TestClock clock, TestResources resources,
      @PredictionLog Path log) {
    DriftScenario s = DriftScenario.builder(3).rows(200).build();
    DatasetGenerator gen = DatasetGenerator.of(SampleFixtures.SPEC, 42);
    Dataset bad = gen.violating(50, ViolationKind.OUT_OF_RANGE, DriftScenario.X2, 1.0);
    Dataset good = gen.dataset(50);
    try (ScoringService service = SampleFixtures.service(resources.track(SampleFixtures.churnModel()),
        resources.track(SampleFixtures.churnModel()), s, clock, log)) {
      for (int i = 0; i < 50; i++) {
        ScoringReply rejected = service.score("bad-" + i, "u" + i, bad.row(i));
        assertThat(rejected).isInstanceOfSatisfying(ScoringReply.Rejected.class, r -> assertThat(r.report()
            .violationsOf(DriftScenario.X2)).extracting(Violation::kind).containsOnly(ViolationKind.OUT_OF_RANGE));
        assertThat(service.score("good-" + i, "u" + i, good.row(i))).isInstanceOf(ScoringReply.Served.class);
      }
      service.flushLog();
    }
    assertThat(PredictionLogReader.of(log).readAll().records())
        .extracting(LoggedPrediction::requestId).hasSize(50).allMatch(id -> id.startsWith("good-"));
  }
}
