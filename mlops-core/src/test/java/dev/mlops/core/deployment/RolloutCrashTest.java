package dev.mlops.core.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.deployment.RolloutPlan;
import dev.mlops.deployment.RolloutState;
import dev.mlops.deployment.RolloutStatus;
import dev.mlops.deployment.RolloutStep;
import dev.mlops.deployment.RolloutTransition;
import dev.mlops.model.PredictionRequest;
import dev.mlops.scoping.KeyMetrics;
import dev.mlops.scoping.Objectives;
import dev.mlops.testkit.TestClock;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A child JVM SIGKILLed mid-rollout; a new controller resumes it from the journal. */
class RolloutCrashTest {
  /** Shadow for 300 copies, then a 5 % canary whose window outlasts the test. */
  static final RolloutPlan PLAN = RolloutPlan.builder()
      .step(RolloutStep.shadow(300))
      .step(RolloutStep.canary(500, 10_000_000))
      .step(RolloutStep.unanalysed(10_000))
      .gates(Objectives.builder().atMost(KeyMetrics.ERROR_RATE, 0.01).build())
      .build();

  @TempDir Path dir;

  @Test
  void aRolloutKilledWithSigkillResumesAtTheSameStepWithTheSameSaltAndCounts() throws Exception {
    Path journal = dir.resolve("crash.journal");
    List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xlog:disable",
        "-cp", System.getProperty("java.class.path"), RolloutChild.class.getName(), journal.toString());
    Process p = new ProcessBuilder(new ArrayList<>(cmd)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String salt;
    long ackedStep = -1;
    long ackedRequests = -1;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      do {
        line = in.readLine();
      } while (line != null && !line.startsWith("SALT "));
      assertThat(line).isNotNull();
      salt = line.substring(5);
      int acksAtStepOne = 0;
      while (acksAtStepOne < 3 && (line = in.readLine()) != null) {
        if (line.startsWith("ACK ")) {
          String[] parts = line.split(" ");
          ackedStep = Long.parseLong(parts[1]);
          ackedRequests = Long.parseLong(parts[2]);
          if (ackedStep == 1) {
            acksAtStepOne++;
          }
        }
      }
      p.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no flush
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(ackedStep).isEqualTo(1);

    TestClock clock = TestClock.create();
    try (RolloutController resumed = RolloutController.builder("crash", PLAN,
            ScriptedModel.sign("v1"), ScriptedModel.sign("v2"))
        .clock(clock).journal(journal).shadowExecutor(Runnable::run).salt("ignored-on-resume").build()) {
      RolloutStatus s = resumed.status();
      assertThat(s.state()).isEqualTo(RolloutState.RUNNING);
      assertThat(s.step()).isEqualTo(1);
      assertThat(s.weightBps()).isEqualTo(500);
      assertThat(s.salt()).isEqualTo(salt);
      assertThat(s.failures()).isZero();
      assertThat(s.windowRequests()).isGreaterThanOrEqualTo(ackedRequests);
      assertThat(resumed.auditLog()).filteredOn(RolloutTransition.class::isInstance)
          .extracting(e -> ((RolloutTransition) e).kind())
          .containsExactly(RolloutTransition.Kind.STARTED, RolloutTransition.Kind.STEP_STARTED,
              RolloutTransition.Kind.RESTORED);
      long before = s.windowRequests();
      for (int i = 0; i < 2_000; i++) {
        resumed.serve(PredictionRequest.builder(ScriptedModel.x(1)).routingKey("after-" + i).build());
      }
      assertThat(resumed.status().windowRequests()).isGreaterThan(before);
    }
  }
}
