/**
 * Feature pipelines: declarative per-column preprocessing ({@link
 * dev.mlops.core.features.FeaturePipeline}) fitted on training data into a {@link
 * dev.mlops.core.features.FittedPipeline} that transforms datasets and single records, is stored
 * as versioned JSON, logged to experiment runs and exported into the ONNX graph in front of the
 * model, so training and serving compute the same features from the raw request.
 */
package dev.mlops.core.features;
