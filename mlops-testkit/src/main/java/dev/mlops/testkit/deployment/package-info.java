/**
 * Deployment doubles and kits: {@link dev.mlops.testkit.deployment.FakeDeploymentStrategy}, a
 * scripted router, and the {@link dev.mlops.testkit.deployment.DeploymentStrategyContractTest}
 * kit every strategy extends.
 */
package dev.mlops.testkit.deployment;
