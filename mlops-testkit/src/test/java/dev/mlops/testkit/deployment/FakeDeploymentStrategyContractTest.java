package dev.mlops.testkit.deployment;

import dev.mlops.deployment.DeploymentStrategy;

/** The scripted router keeps the contract every strategy must. */
class FakeDeploymentStrategyContractTest extends DeploymentStrategyContractTest {
  @Override
  protected DeploymentStrategy strategy() {
    return FakeDeploymentStrategy.serving("v1").candidate("v2", 0.2).route("user-7", "v3").shadow("v4").build();
  }
}
