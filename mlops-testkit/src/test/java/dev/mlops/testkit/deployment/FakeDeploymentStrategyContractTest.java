package dev.mlops.testkit.deployment;

import dev.mlops.deployment.DeploymentStrategy;
import dev.mlops.model.Arm;
import dev.mlops.testkit.model.FakeModel;

/** The scripted router keeps the contract every strategy must. */
class FakeDeploymentStrategyContractTest extends DeploymentStrategyContractTest {
  @Override
  protected DeploymentStrategy strategy() {
    return FakeDeploymentStrategy.builder(
            FakeModel.classifier("churn", "no", "yes").version("v1").otherwiseLabel("no").build(),
            FakeModel.classifier("churn", "no", "yes").version("v2").otherwiseLabel("yes").build())
        .candidateShare(0.2).route("user-7", Arm.CANDIDATE).build();
  }
}
