package dev.mlops.core.model;

import dev.mlops.core.features.FeaturePipeline;
import dev.mlops.data.Dataset;
import dev.mlops.model.Model;

/**
 * Something that fits a model, usually a feature pipeline and a model on its outputs, on a
 * dataset: the shape the trainers of this package share (they return a {@link PipelineModel}),
 * so cross-validation and sanity checks accept any of them, and quick baselines too
 * ({@code (data, label, pipeline) -> QuickBaselines.majorityClass(data, label)}).
 *
 * <p>Implementations in this package are immutable and thread-safe.
 */
@FunctionalInterface
public interface Trainer {

  /**
   * Fits {@code pipeline} on {@code data} and a model on its outputs to predict {@code label}.
   *
   * @throws IllegalArgumentException if the label is absent, missing or unsuitable
   * @throws dev.mlops.data.FeatureTransformException if the pipeline cannot be fitted
   */
  Model fit(Dataset data, String label, FeaturePipeline pipeline);
}
