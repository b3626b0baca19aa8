/**
 * Test support for the prediction log: {@link dev.mlops.testkit.feedback.RecordingPredictionSink},
 * an in-memory sink that records what a logger delivered, and
 * {@link dev.mlops.testkit.feedback.PredictionSinkContractTest}, the kit a host's own sink (Kafka,
 * a database table) extends to inherit the SDK's guarantees.
 */
package dev.mlops.testkit.feedback;
