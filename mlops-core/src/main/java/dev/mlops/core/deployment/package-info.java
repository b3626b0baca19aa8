/**
 * Deployment strategies and the rollout controller: {@link
 * dev.mlops.core.deployment.ShadowStrategy} (output comparison on the same requests), {@link
 * dev.mlops.core.deployment.CanaryStrategy} (sticky murmur3 buckets), {@link
 * dev.mlops.core.deployment.BlueGreenStrategy}, {@link
 * dev.mlops.core.deployment.RolloutController} (plan, gates, manual controls, crash-safe journal)
 * and {@link dev.mlops.core.deployment.AutomatedDecisions} (degrees of automation).
 */
package dev.mlops.core.deployment;
