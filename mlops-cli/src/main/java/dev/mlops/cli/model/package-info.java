/**
 * {@code ./mlops model inspect} and {@code ./mlops predict}: look inside an ONNX model and score a
 * CSV file with it.
 */
package dev.mlops.cli.model;
