package dev.mlops.core.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.StoreException;
import dev.mlops.feedback.GroundTruth;
import dev.mlops.testkit.TestClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelJoinTest {
  @TempDir Path dir;
  final Instant t0 = Instant.parse("2026-12-01T09:00:00Z");
  final TestClock clock = TestClock.at(t0);

  @Test
  void stateIsBoundedAndExpires() {
    LabelJoin join = new LabelJoin(new LabelJoinConfig(3, Duration.ofDays(7), 2, Duration.ofHours(1)),
        clock, (j, r) -> {});
    for (int i = 0; i < 5; i++) {
      join.prediction(Outcomes.logged("r" + i, t0.plusSeconds(i)));
    }
    assertThat(join.find("r0")).isEmpty();
    assertThat(join.find("r2")).isPresent();
    for (int i = 0; i < 3; i++) {
      join.label(new GroundTruth("u" + i, "yes", t0));
    }
    join.label(new GroundTruth("r4", "no", t0));
    clock.advance(Duration.ofMinutes(61));
    join.expire();
    assertThat(join.waitingLabels()).isEmpty();
    clock.advance(Duration.ofDays(7));
    join.expire();
    assertThat(join.joined()).isEmpty();
    assertThat(join.unlabeled()).isEmpty();
    JoinCounts c = join.counts();
    assertThat(c.evictedPredictions()).isEqualTo(2);
    assertThat(c.waited()).isEqualTo(3);
    assertThat(c.discardedLabels()).isEqualTo(3); // one did not fit, two ran out of grace
    assertThat(c.expiredPredictions()).isEqualTo(2); // r2 and r3; r4 was labeled
  }

  @Test
  void stateSurvivesARestart() {
    Path file = dir.resolve("join.json");
    LabelJoin join = new LabelJoin(LabelJoinConfig.defaults(), clock, (j, r) -> {});
    join.prediction(Outcomes.logged("a", t0));
    join.prediction(Outcomes.logged("b", t0));
    join.label(new GroundTruth("a", "yes", t0.plusSeconds(5)));
    join.label(new GroundTruth("early", "no", t0.plusSeconds(6)));
    LabelJoinState.save(join, file);
    LabelJoin restored = LabelJoinState.load(file, LabelJoinConfig.defaults(), clock, (j, r) -> {});
    assertThat(restored.counts()).isEqualTo(join.counts());
    assertThat(restored.joined()).isEqualTo(join.joined());
    assertThat(restored.unlabeled()).isEqualTo(join.unlabeled());
    assertThat(restored.waitingLabels()).isEqualTo(join.waitingLabels());
    restored.prediction(Outcomes.logged("early", t0.plusSeconds(7)));
    assertThat(restored.find("early").orElseThrow().truth()).contains("no");
    assertThat(LabelJoinState.load(dir.resolve("absent.json"), LabelJoinConfig.defaults(), clock, (j, r) -> {})
        .counts().predictions()).isZero();
  }

  @Test
  void aDamagedStateFileNamesTheFile() throws Exception {
    Path file = dir.resolve("join.json");
    Files.writeString(file, "{\"format\": 9}");
    assertThatThrownBy(() -> LabelJoinState.load(file, LabelJoinConfig.defaults(), clock, (j, r) -> {}))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("format 9 is not 1");
  }
}
