package dev.mlops.core.deployment;

import dev.mlops.deployment.DeploymentStrategy;
import dev.mlops.testkit.TestClock;
import dev.mlops.testkit.deployment.DeploymentStrategyContractTest;
import dev.mlops.testkit.model.FakeModel;
import org.junit.jupiter.api.Nested;

/** The SDK's canary and blue-green strategies pass the kit host strategies extend. */
class DeploymentStrategiesContractTest {
  private static final FakeModel PRIMARY = FakeModel.classifier("churn", "no", "yes").version("v1")
      .otherwiseLabel("no").build();
  private static final FakeModel CANDIDATE = FakeModel.classifier("churn", "no", "yes").version("v2")
      .otherwiseLabel("yes").build();

  @Nested
  class Canary extends DeploymentStrategyContractTest {
    @Override
    protected DeploymentStrategy strategy() {
      return CanaryStrategy.builder(PRIMARY, CANDIDATE).salt("kit").weightBps(2_500).build();
    }
  }

  @Nested
  class BlueGreen extends DeploymentStrategyContractTest {
    @Override
    protected DeploymentStrategy strategy() {
      return BlueGreenStrategy.of(PRIMARY, CANDIDATE, TestClock.create());
    }
  }
}
