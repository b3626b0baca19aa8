/** JMH benchmarks of profiling: a dataset column by column, and a stream record by record. */
package dev.mlops.benchmarks.profile;
