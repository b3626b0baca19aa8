package dev.mlops.core.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.model.Arm;
import dev.mlops.model.PredictionRequest;
import dev.mlops.testkit.TestClock;
import org.junit.jupiter.api.Test;

class BlueGreenStrategyTest {

  @Test
  void switchesAtomicallyAndRollsBackToTheWarmPreviousSide() {
    ScriptedModel blue = ScriptedModel.of("blue", r -> "yes");
    ScriptedModel green = ScriptedModel.of("green", r -> "no");
    BlueGreenStrategy bg = BlueGreenStrategy.of(blue, green, TestClock.create());
    PredictionRequest request = PredictionRequest.of("r1", ScriptedModel.x(1));
    assertThat(bg.serve(request).modelVersion()).isEqualTo("blue");

    bg.switchTo(Arm.CANDIDATE);
    assertThat(bg.serve(request).modelVersion()).isEqualTo("green");
    assertThat(bg.route(request)).isEqualTo(Arm.CANDIDATE);
    assertThat(bg.standby()).isSameAs(blue);

    bg.rollback();
    assertThat(bg.serve(request).modelVersion()).isEqualTo("blue");
    assertThat(bg.active()).isSameAs(blue);
    assertThatThrownBy(() -> bg.switchTo(Arm.SHADOW)).hasMessageContaining("not SHADOW");
  }
}
