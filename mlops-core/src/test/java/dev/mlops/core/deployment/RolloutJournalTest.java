package dev.mlops.core.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.StoreException;
import dev.mlops.core.io.ChecksummedLines;
import dev.mlops.deployment.GatesEvaluated;
import dev.mlops.deployment.RolloutPlan;
import dev.mlops.deployment.RolloutState;
import dev.mlops.deployment.RolloutStep;
import dev.mlops.deployment.RolloutTransition;
import dev.mlops.model.PredictionRequest;
import dev.mlops.scoping.KeyMetrics;
import dev.mlops.scoping.Objectives;
import dev.mlops.testkit.TestClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RolloutJournalTest {
  @TempDir Path dir;
  private final TestClock clock = TestClock.create();

  private static final RolloutPlan PLAN = RolloutPlan.builder()
      .step(RolloutStep.shadow(20)).step(RolloutStep.canary(5_000, 1_000)).step(RolloutStep.unanalysed(10_000))
      .gates(Objectives.builder().atLeast(KeyMetrics.SHADOW_AGREEMENT, 0.9).atMost(KeyMetrics.ERROR_RATE, 0.01).build())
      .build();

  private RolloutController controller(Path journal, RolloutPlan plan) {
    return RolloutController.builder("j", plan, ScriptedModel.sign("v1"), ScriptedModel.sign("v2"))
        .clock(clock).journal(journal).shadowExecutor(Runnable::run).checkpointEvery(0).build();
  }

  private static void traffic(RolloutController c, int from, int n) {
    for (int i = from; i < from + n; i++) {
      c.serve(PredictionRequest.builder(ScriptedModel.x(i % 3 - 1.5)).requestId("r" + i).routingKey("u" + i).build());
    }
  }

  @Test
  void aReopenedJournalResumesTheStepSaltCountsAndAuditLog() {
    Path file = dir.resolve("j.journal");
    String salt;
    List<?> audit;
    try (RolloutController c = controller(file, PLAN)) {
      traffic(c, 0, 20);
      traffic(c, 20, 100);
      c.checkpoint();
      salt = c.status().salt();
      audit = c.auditLog();
      assertThat(c.status().step()).isEqualTo(1);
    }
    long window;
    try (RolloutController c = controller(file, PLAN)) {
      assertThat(c.status().step()).isEqualTo(1);
      assertThat(c.status().salt()).isEqualTo(salt);
      window = c.status().windowRequests();
      assertThat(window).isPositive();
      assertThat(c.auditLog()).startsWith(audit.toArray(new dev.mlops.events.RolloutEvent[0]));
      GatesEvaluated g = (GatesEvaluated) c.auditLog().get(1);
      assertThat(g.verdicts()).hasSize(2);
      assertThat(g.verdicts().get(0).candidate().getAsDouble()).isEqualTo(1.0);
      c.abort("test over");
    }
    try (RolloutController c = controller(file, PLAN)) {
      assertThat(c.status().state()).isEqualTo(RolloutState.ABORTED);
      assertThat(c.status().reason()).contains("test over");
      assertThat(c.auditLog()).filteredOn(RolloutTransition.class::isInstance)
          .extracting(e -> ((RolloutTransition) e).kind()).containsExactly(
              RolloutTransition.Kind.STARTED, RolloutTransition.Kind.STEP_STARTED, RolloutTransition.Kind.RESTORED,
              RolloutTransition.Kind.ABORTED, RolloutTransition.Kind.RESTORED);
      assertThatThrownBy(() -> c.promote("resurrect")).hasMessageContaining("is ABORTED and cannot be promoted");
    }
  }

  @Test
  void aTornLastLineIsCutOffAndEverythingBeforeItKept() throws Exception {
    Path file = dir.resolve("torn.journal");
    try (RolloutController c = controller(file, PLAN)) {
      traffic(c, 0, 20);
    }
    Files.write(file, "0badc0de {\"type\":\"transi".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
    try (RolloutController c = controller(file, PLAN)) {
      assertThat(c.status().step()).isEqualTo(1);
    }
    assertThat(RolloutJournal.read(file)).last().extracting(m -> m.get("kind")).isEqualTo("RESTORED");
  }

  @Test
  void aDamagedLineIsAnErrorNamingFileAndLine() throws Exception {
    Path file = dir.resolve("bad.journal");
    try (RolloutController c = controller(file, PLAN)) {
      traffic(c, 0, 20);
    }
    List<String> lines = Files.readAllLines(file);
    int transition = 0;
    while (!lines.get(transition).contains("\"kind\":\"STARTED\"")) {
      transition++;
    }
    lines.set(transition, lines.get(transition).replace("STARTED", "STORTED"));
    Files.write(file, lines);
    int lineNumber = transition + 1;
    assertThatThrownBy(() -> controller(file, PLAN))
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith(file + ": line " + lineNumber + " of the rollout journal is damaged: checksum mismatch");
  }

  @Test
  void aJournalOfANewerFormatIsRefused() throws Exception {
    Path file = dir.resolve("new.journal");
    Files.write(file, ChecksummedLines.frame("{\"type\":\"rollout\",\"format\":2,\"name\":\"j\"}"));
    assertThatThrownBy(() -> controller(file, PLAN))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("format 2, newer than the 1 this version of mlops-java reads");
  }

  @Test
  void aJournalOfAnotherPlanIsRefused() {
    Path file = dir.resolve("plan.journal");
    controller(file, PLAN).close();
    RolloutPlan other = RolloutPlan.builder().step(RolloutStep.shadow(5)).build();
    assertThatThrownBy(() -> controller(file, other))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("holds rollout 'j' with another plan");
  }
}
