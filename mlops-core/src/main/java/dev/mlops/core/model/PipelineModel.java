package dev.mlops.core.model;

import dev.mlops.core.features.FittedPipeline;
import dev.mlops.data.Record;
import dev.mlops.model.Model;
import dev.mlops.model.ModelDescriptor;
import dev.mlops.model.ModelTask;
import dev.mlops.model.Prediction;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A fitted feature pipeline in front of a {@link LinearModel}: predicts from raw records in Java
 * and exports both as one ONNX model ({@link #toOnnx}) whose inputs are the raw request columns,
 * so serving computes the features the model was trained on.
 *
 * <p>As a {@link Model} it computes in process; its predictions carry zero latency (callers such
 * as {@code PredictionOutcomes.invoke} measure it) and {@link #close()} does nothing.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the model name
 * @param version the model version
 * @param pipeline the fitted pipeline, whose outputs are the head's features
 * @param head the model reading the pipeline's outputs
 */
public record PipelineModel(String name, String version, FittedPipeline pipeline, LinearModel head)
    implements Model {

  /**
   * Checks that the pipeline feeds the head.
   *
   * @throws dev.mlops.data.FeatureTransformException naming the first feature that differs
   */
  public PipelineModel {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(head, "head");
    pipeline.checkFeeds(head.features());
  }

  /** Returns whether the head is a classifier. */
  public boolean isClassifier() {
    return !head.classes().isEmpty();
  }

  /**
   * Returns the class probabilities (classifier) or the single value (regressor) for a raw record.
   *
   * @throws dev.mlops.data.FeatureTransformException as {@link FittedPipeline#apply(Record)}
   */
  public double[] outputs(Record record) {
    return head.outputs(pipeline.apply(record));
  }

  @Override
  public Prediction predict(Record record) {
    double[] out = outputs(record);
    if (!isClassifier()) {
      return Prediction.regression(out[0], version, Duration.ZERO);
    }
    Map<String, Double> probabilities = new LinkedHashMap<>();
    int best = 0;
    for (int k = 0; k < out.length; k++) {
      probabilities.put(head.classes().get(k), out[k]);
      if (out[k] > out[best]) {
        best = k;
      }
    }
    return Prediction.classification(head.classes().get(best), probabilities, version,
        Duration.ZERO);
  }

  @Override
  public ModelDescriptor describe() {
    ModelTask task = isClassifier() ? ModelTask.CLASSIFICATION : ModelTask.REGRESSION;
    return new ModelDescriptor(name, version, task, head.classes(),
        Optional.of(pipeline.requestSpec()));
  }

  /**
   * Returns an ONNX writer of the pipeline and the head: one input per raw column ({@code [N, 1]}
   * float, or string for encoded columns, a missing category as the empty string), the head's
   * outputs, and the request spec and pipeline JSON as metadata properties ({@value
   * OnnxModels#INPUT_SPEC_PROPERTY}, {@value OnnxModels#PIPELINE_PROPERTY}).
   *
   * @throws IllegalArgumentException if a raw column's name is one the model graph uses inside
   */
  public OnnxModelWriter toOnnx(OnnxModels.ProbabilityOutput probabilities) {
    OnnxModelWriter w;
    if (head instanceof LinearRegression r) {
      w = OnnxModels.mlpRegressor(r.features(),
          List.of(new DenseLayer(new double[][] {r.weights()}, new double[] {r.bias()})), pipeline);
    } else if (head instanceof LogisticRegression l) {
      w = OnnxModels.classifier(l.features(), l.classes(),
          List.of(new DenseLayer(new double[][] {l.weights()}, new double[] {l.bias()})),
          probabilities, pipeline);
    } else {
      SoftmaxRegression s = (SoftmaxRegression) head;
      w = OnnxModels.classifier(s.features(), s.classes(), List.of(s.layer()), probabilities,
          pipeline);
    }
    for (String input : w.inputNames()) {
      if (w.produces(input)) {
        throw new IllegalArgumentException("column '" + input
            + "' has the name of a value inside the model graph; rename the column");
      }
    }
    return w;
  }

  @Override
  public void close() {
    // Nothing is held: the model is plain Java data.
  }
}
