/** Deployment benchmarks: the routing decision and the shadow's cost to the primary. */
package dev.mlops.benchmarks.deployment;
