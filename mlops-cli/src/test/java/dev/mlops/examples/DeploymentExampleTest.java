package dev.mlops.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.deployment.RolloutController;
import dev.mlops.core.deployment.RolloutPlans;
import dev.mlops.data.Record;
import dev.mlops.deployment.RolloutPlan;
import dev.mlops.deployment.RolloutState;
import dev.mlops.model.PredictionOutcome;
import dev.mlops.model.PredictionRequest;
import dev.mlops.testkit.model.FakeModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's "Deployment" example (docs/deployment.md), kept compiling and true. */
class DeploymentExampleTest {

  /** Stands in for the host's audit log. */
  record Audit(List<String> lines) {
    void info(String line) {
      lines.add(line);
    }
  }

  @Test
  void gatedRolloutFromAPlanFile(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("PLAN.json"), "{\"steps\": [{\"shadow\": true, \"requests\": 5}, {\"weight\": 1.0}],"
        + " \"gates\": [{\"metric\": \"shadow.agreement\", \"atLeast\": 0.9}]}");
    Files.createDirectories(dir.resolve("rollouts"));
    FakeModel primary = FakeModel.classifier("churn", "no", "yes").otherwiseSeeded(42).build();
    FakeModel candidate = FakeModel.classifier("churn", "no", "yes").otherwiseSeeded(42).version("4").build();
    Audit audit = new Audit(Collections.synchronizedList(new ArrayList<>())); // shadow threads publish
    String requestId = "r-0";
    String label = "yes";
    PredictionRequest request = PredictionRequest.builder(Record.of(Map.of("age", 41.0))).requestId(requestId)
        .routingKey("customer-0").build();

    // README: deployment
    RolloutPlan plan = RolloutPlans.read(dir.resolve("PLAN.json"));     // or RolloutPlan.builder()
    try (RolloutController rollout = RolloutController.builder("churn-v4", plan, primary, candidate)
        .journal(dir.resolve("rollouts/churn-v4.journal"))             // survives restarts
        .labelsExpected(true)                                      // accuracy gates, McNemar
        .build()) {
      rollout.events().onEvent(e -> audit.info(e.toString()));
      PredictionOutcome served = rollout.serve(request);
      rollout.label(requestId, label);

      assertThat(served).isInstanceOf(PredictionOutcome.Success.class);
      // shadow copies run on the controller's executor: serve until the gates have been judged
      for (int i = 1; rollout.status().state() == RolloutState.RUNNING && i < 2_000; i++) {
        Thread.sleep(1);
        rollout.serve(PredictionRequest.builder(Record.of(Map.of("age", 20.0 + i))).requestId("r-" + i)
            .routingKey("customer-" + i).build());
      }
      assertThat(rollout.status().state()).isEqualTo(RolloutState.PROMOTED);
    }
    assertThat(dir.resolve("rollouts/churn-v4.journal")).isNotEmptyFile();
    // close() delivers what the shadow thread judged last, so the audit log has the promotion
    assertThat(audit.lines()).anyMatch(line -> line.contains("kind=PROMOTED"));
  }
}
