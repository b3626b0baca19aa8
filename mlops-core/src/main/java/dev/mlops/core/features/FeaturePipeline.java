package dev.mlops.core.features;

import dev.mlops.data.Dataset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A declarative list of preprocessing steps per raw column, like scikit-learn's {@code Pipeline}
 * inside a {@code ColumnTransformer}: impute, scale, one-hot or ordinal encode, bucketize, log,
 * clip, binarize. {@link #fit(Dataset)} learns the parameters on training data and returns a
 * {@link FittedPipeline}, which applies them to datasets and single records and is exported in
 * front of a model so serving takes the raw request.
 *
 * <pre>{@code
 * FeaturePipeline pipeline = FeaturePipeline.builder()
 *     .column("income", impute(MEDIAN), log1p(), scale(STANDARD))
 *     .column("region", impute(MOST_FREQUENT), oneHot(UnknownPolicy.EXTRA_COLUMN))
 *     .build();
 * }</pre>
 *
 * <p>Fitting is deterministic (no step samples). Immutable and thread-safe.
 *
 * @param columns raw column name to its steps, in output order; a column with no steps passes
 *     through (it must be numeric and complete)
 */
public record FeaturePipeline(Map<String, List<FeatureStep>> columns) {

  /**
   * Copies and checks the steps.
   *
   * @throws IllegalArgumentException naming the column and step if there are no columns, an
   *     impute step is not first, an encoder is not last, or numeric and categorical steps mix
   */
  public FeaturePipeline {
    Map<String, List<FeatureStep>> copy = new LinkedHashMap<>();
    for (Map.Entry<String, List<FeatureStep>> e : columns.entrySet()) {
      String column = Objects.requireNonNull(e.getKey(), "column");
      List<FeatureStep> steps = List.copyOf(e.getValue());
      check(column, steps);
      copy.put(column, steps);
    }
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("a feature pipeline needs at least one column");
    }
    columns = Collections.unmodifiableMap(copy);
  }

  private static void check(String column, List<FeatureStep> steps) {
    for (int i = 0; i < steps.size(); i++) {
      FeatureStep s = steps.get(i);
      if (s instanceof FeatureStep.Impute && i > 0) {
        throw new IllegalArgumentException(
            "column '" + column + "', step " + label(i, s) + ": impute must be the first step");
      }
      if (s.categorical() && i != steps.size() - 1) {
        throw new IllegalArgumentException(
            "column '" + column + "', step " + label(i, s) + ": an encoder must be the last step");
      }
    }
    boolean encoded = !steps.isEmpty() && steps.get(steps.size() - 1).categorical();
    if (encoded) {
      for (int i = 0; i < steps.size() - 1; i++) {
        if (!(steps.get(i) instanceof FeatureStep.Impute)) {
          throw new IllegalArgumentException(
              "column '" + column + "', step " + label(i, steps.get(i))
                  + ": a categorical column takes only impute before its encoder");
        }
      }
    }
  }

  /** Returns the label of step {@code index} (0-based) in messages: {@code "2 scale(STANDARD)"}. */
  static String label(int index, FeatureStep step) {
    return (index + 1) + " " + step.describe();
  }

  /** Returns the raw column names, in order. */
  public List<String> columnNames() {
    return List.copyOf(columns.keySet());
  }

  /**
   * Learns every step's parameters on {@code training}; each step is fitted on the output of the
   * steps before it, as in a scikit-learn pipeline.
   *
   * @throws dev.mlops.data.FeatureTransformException naming the column and step if a column is
   *     absent or of the wrong type, has missing values and no impute step, has no present values
   *     to fit on, or a value breaks a step (log1p of a value at or below -1)
   */
  public FittedPipeline fit(Dataset training) {
    Objects.requireNonNull(training, "training");
    List<FittedColumn> fitted = new ArrayList<>();
    columns.forEach((column, steps) -> fitted.add(ColumnFitter.fit(training, column, steps)));
    return new FittedPipeline(fitted);
  }

  /** Returns the versioned JSON form of the declaration (steps and settings, nothing fitted). */
  public String toJson() {
    return StepJson.write(this);
  }

  /**
   * Reads the JSON form of {@link #toJson()}.
   *
   * @param source names the text in errors, e.g. the file name
   * @throws dev.mlops.DataFormatException naming the field if the JSON is malformed, of a newer
   *     version, or declares an unknown or invalid step
   */
  public static FeaturePipeline fromJson(String json, String source) {
    return StepJson.read(json, source);
  }

  /** Starts an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link FeaturePipeline}s. Not thread-safe. */
  public static final class Builder {
    private final Map<String, List<FeatureStep>> columns = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Adds a column with its steps (none: pass it through), or replaces the steps of one already
     * added.
     */
    public Builder column(String name, FeatureStep... steps) {
      columns.put(name, List.of(steps));
      return this;
    }

    /** Builds the pipeline, checking it. */
    public FeaturePipeline build() {
      return new FeaturePipeline(columns);
    }
  }
}
