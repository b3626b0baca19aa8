/**
 * The production-feedback commands: {@code ./mlops log stats}, {@code ./mlops log export},
 * {@code ./mlops performance}, and the {@code --log} options that {@code predict} and
 * {@code monitor} share ({@link dev.mlops.cli.feedback.PredictionLogOptions}).
 */
package dev.mlops.cli.feedback;
