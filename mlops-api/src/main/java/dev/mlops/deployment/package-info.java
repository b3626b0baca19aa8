/**
 * Deployment: {@link dev.mlops.deployment.DeploymentStrategy} routes requests between a primary
 * and a candidate model (shadow with output comparison, sticky canary, blue-green), a
 * {@link dev.mlops.deployment.RolloutPlan} of steps with gates drives a progressive rollout, whose
 * transitions are {@link dev.mlops.deployment.RolloutTransition} and
 * {@link dev.mlops.deployment.GatesEvaluated} events, and
 * {@link dev.mlops.deployment.AutomationLevel} says how far the model decides on its own.
 */
package dev.mlops.deployment;
