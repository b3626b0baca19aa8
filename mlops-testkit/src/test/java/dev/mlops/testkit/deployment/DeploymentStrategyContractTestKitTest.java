package dev.mlops.testkit.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.deployment.DeploymentStrategy;
import dev.mlops.deployment.RoutingDecision;
import dev.mlops.testkit.KitRunner;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The deployment kit fails a strategy that is not sticky. */
class DeploymentStrategyContractTestKitTest {

  /** Alternates versions call by call: every key flips between v1 and v2. */
  static final class RoundRobin implements DeploymentStrategy {
    private final AtomicLong calls = new AtomicLong();

    @Override
    public String name() {
      return "round-robin";
    }

    @Override
    public RoutingDecision route(String routingKey) {
      return RoutingDecision.serve(calls.getAndIncrement() % 2 == 0 ? "v1" : "v2", "turn");
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
    assertThat(result.failed()).isBetween(2L, 3L);
    assertThat(result.failures())
        .anySatisfy(f -> assertThat(f).startsWith("aKeyGetsTheSameDecisionEveryTime()")
            .contains("decision for 'a' routed twice in a row"))
        .anySatisfy(f -> assertThat(f).startsWith("aKeysDecisionDoesNotDependOnTheKeysRoutedBeforeIt()")
            .contains("when the keys come in reverse order"));
  }
}
