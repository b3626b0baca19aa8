/** Benchmarks of batch drift detection, side by side with Commons Math (and scipy by script). */
package dev.mlops.benchmarks.drift;
