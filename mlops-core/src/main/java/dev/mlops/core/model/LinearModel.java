package dev.mlops.core.model;

import java.util.List;

/**
 * A model linear in its numeric features that {@link OnnxModels} exports and the trainers of this
 * package learn: {@link LogisticRegression}, {@link SoftmaxRegression} and {@link
 * LinearRegression}. {@link PipelineModel} puts a fitted feature pipeline in front of one.
 *
 * <p>Every implementation is an immutable, thread-safe record.
 */
public sealed interface LinearModel permits LogisticRegression, SoftmaxRegression, LinearRegression {

  /** Returns the feature names, in weight order. */
  List<String> features();

  /** Returns the classes in output order; empty for a regressor. */
  List<String> classes();

  /**
   * Returns, for feature values in {@link #features()} order, the class probabilities in
   * {@link #classes()} order, or for a regressor the single predicted value.
   */
  double[] outputs(double[] x);

  /** Returns an ONNX writer of this model reading one float tensor {@value OnnxModels#INPUT}. */
  OnnxModelWriter toOnnx(OnnxModels.ProbabilityOutput probabilities);
}
