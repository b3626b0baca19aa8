/**
 * Scoping: {@link dev.mlops.scoping.Objectives} declares the key metrics (accuracy, latency,
 * throughput) and their targets once, for evaluation, rollout gates and monitoring alike.
 */
package dev.mlops.scoping;
