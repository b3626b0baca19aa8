/**
 * Deployment: {@link dev.mlops.deployment.DeploymentStrategy} routes requests between model
 * versions (shadow, canary, blue-green, gradual ramp-up).
 */
package dev.mlops.deployment;
