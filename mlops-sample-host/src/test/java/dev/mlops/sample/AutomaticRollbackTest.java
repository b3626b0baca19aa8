package dev.mlops.sample;

import static dev.mlops.testkit.MlopsAssertions.assertThat;

import dev.mlops.model.Model;
import dev.mlops.scoping.KeyMetrics;
import dev.mlops.testkit.MlopsTest;
import dev.mlops.testkit.PredictionLog;
import dev.mlops.testkit.TestClock;
import dev.mlops.testkit.TestResources;
import dev.mlops.testkit.drift.DriftScenario;
import dev.mlops.testkit.model.FaultSelector;
import dev.mlops.testkit.model.FaultyModel;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A candidate that is wrong on a fifth of the inputs is rolled back by the accuracy gate. */
@MlopsTest
class AutomaticRollbackTest {
  @Test
  void aSubtlyWrongCandidateIsRolledBack(TestClock clock, TestResources resources, @PredictionLog Path log) {
    DriftScenario s = DriftScenario.builder(7).rows(5_000).build(); // no drift: only the candidate changed
    Model primary = resources.track(SampleFixtures.churnModel());
    Model subtlyWrong = resources.track(
        FaultyModel.wrap(SampleFixtures.churnModel()).on(FaultSelector.fractionOfInputs(0.2, 7)).flipLabel());
    var rows = SampleFixtures.requests(s).rows();
    try (ScoringService service = SampleFixtures.service(primary, subtlyWrong, s, clock, log)) {
      for (int i = 0; i < rows.size() && !service.rollout().status().state().isTerminal(); i++) {
        service.score("r" + i, "user-" + i, rows.get(i));
        service.label("r" + i, s.data().categorical(DriftScenario.LABEL).value(i));
      }
      assertThat(service.rollout()).wasRolledBack().failedGate(KeyMetrics.ACCURACY).because("accuracy")
          .isAtStep(0);
    }
  }
}
