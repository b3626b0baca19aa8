/** {@code ./mlops rollout}: replay recorded traffic through a rollout plan. */
package dev.mlops.cli.rollout;
