package dev.mlops.testkit.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.deployment.DeploymentStrategy;
import dev.mlops.model.Arm;
import dev.mlops.model.PredictionOutcome;
import dev.mlops.model.PredictionRequest;
import dev.mlops.testkit.KitRunner;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The deployment kit fails a strategy that is not sticky. */
class DeploymentStrategyContractTestKitTest {

  /** Alternates versions call by call: every key flips between v1 and v2. */
  static final class RoundRobin implements DeploymentStrategy {
    private static final dev.mlops.testkit.model.FakeModel MODEL =
        dev.mlops.testkit.model.FakeModel.regressor("m").otherwiseScore(1).build();
    private final AtomicLong calls = new AtomicLong();

    @Override
    public String name() {
      return "round-robin";
    }

    @Override
    public Arm route(PredictionRequest request) {
      return calls.getAndIncrement() % 2 == 0 ? Arm.PRIMARY : Arm.CANDIDATE;
    }

    @Override
    public PredictionOutcome serve(PredictionRequest request) {
      Arm arm = route(request);
      return new PredictionOutcome.Success(request, MODEL.name(), MODEL.version(), arm, java.time.Duration.ZERO,
          MODEL.predict(request));
    }
  }

  static class RoundRobinKit extends DeploymentStrategyContractTest {
    @Override
    protected DeploymentStrategy strategy() {
      return new RoundRobin();
    }

    @Override
    protected java.util.List<String> routingKeys() {
      return java.util.List.of("a", "b", "c", "d");
    }
  }

  @Test
  void failsAStrategyThatForgetsWhereAKeyWent() {
    KitRunner.Result result = KitRunner.run(RoundRobinKit.class);
    // The concurrency check may pass by luck of thread timing; the sequential ones cannot.
    // serve() is failed too: a round-robin serves from another arm than its next route says.
    assertThat(result.failed()).isBetween(3L, 4L);
    assertThat(result.failures())
        .anySatisfy(f -> assertThat(f).startsWith("aKeyGetsTheSameArmEveryTime()")
            .contains("arm for 'a' routed twice in a row"))
        .anySatisfy(f -> assertThat(f).startsWith("aKeysArmDoesNotDependOnTheKeysRoutedBeforeIt()")
            .contains("when the keys come in reverse order"));
  }
}
