package dev.mlops.core.features;

import dev.mlops.data.Column;
import dev.mlops.data.Dataset;
import dev.mlops.data.DatasetSpec;
import dev.mlops.data.FeatureTransformException;
import dev.mlops.data.NumericColumn;
import dev.mlops.data.Record;
import dev.mlops.experiments.ActiveRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A {@link FeaturePipeline} with its learned parameters: turns raw columns (numbers, categories,
 * missing values) into the numeric features a model reads. Apply it to a {@link Dataset} or one
 * {@link Record}; export it in front of a model ({@code dev.mlops.core.model.PipelineModel}) so
 * the ONNX file takes the raw request and computes the same features; store it as versioned JSON
 * ({@link #toJson()}, {@link #fromJson}); record it in an experiment run ({@link #logTo}).
 *
 * <p>Immutable and thread-safe.
 */
public final class FittedPipeline {

  /** File name of the JSON form when logged as a run artifact: {@value}. */
  public static final String ARTIFACT_NAME = "feature-pipeline.json";

  private final List<FittedColumn> columns;
  private final List<String> outputNames;

  /**
   * Creates a fitted pipeline from its columns (as {@link FeaturePipeline#fit} or the JSON
   * reader do).
   *
   * @throws IllegalArgumentException if there are no columns, or raw or output names repeat
   */
  public FittedPipeline(List<FittedColumn> columns) {
    this.columns = List.copyOf(columns);
    if (this.columns.isEmpty()) {
      throw new IllegalArgumentException("a fitted pipeline needs at least one column");
    }
    Set<String> raw = new HashSet<>();
    List<String> outputs = new ArrayList<>();
    for (FittedColumn c : this.columns) {
      if (!raw.add(c.name())) {
        throw new IllegalArgumentException("column '" + c.name() + "' appears twice");
      }
      outputs.addAll(c.outputNames());
    }
    if (new HashSet<>(outputs).size() != outputs.size()) {
      throw new IllegalArgumentException("output feature names repeat: " + outputs);
    }
    this.outputNames = List.copyOf(outputs);
  }

  /** Returns the fitted columns, in order. */
  public List<FittedColumn> columns() {
    return columns;
  }

  /** Returns the raw column names a request must have, in order. */
  public List<String> inputNames() {
    return columns.stream().map(FittedColumn::name).toList();
  }

  /** Returns the names of the features the pipeline produces, in order (a model's features). */
  public List<String> outputNames() {
    return outputNames;
  }

  /**
   * Returns the spec of a raw request: per column its type, the categorical domain (strict under
   * {@link UnknownPolicy#ERROR}, informative otherwise), the training range, and whether it may be
   * missing (only where an impute step fills it).
   */
  public DatasetSpec requestSpec() {
    DatasetSpec.Builder b = DatasetSpec.builder();
    columns.forEach(c -> b.feature(c.requestSpec()));
    return b.build();
  }

  /**
   * Returns the features of one raw record, in {@link #outputNames()} order.
   *
   * @throws FeatureTransformException naming the column and step if a column is absent, a value
   *     is missing without an impute step, a category is unseen under the ERROR policy, or a
   *     value has the wrong type
   */
  public double[] apply(Record record) {
    Objects.requireNonNull(record, "record");
    double[] out = new double[outputNames.size()];
    int offset = 0;
    for (FittedColumn c : columns) {
      if (!record.has(c.name())) {
        throw new FeatureTransformException(c.name(), FittedColumn.INPUT_STEP,
            "the record has no such column; it has " + record.featureNames());
      }
      c.apply(record.get(c.name()), out, offset);
      offset += c.width();
    }
    return out;
  }

  /** Returns the features of every row, {@code [rows][outputs]}; errors as {@link #apply(Record)}. */
  public double[][] matrix(Dataset data) {
    for (FittedColumn c : columns) {
      if (data.find(c.name()).isEmpty()) {
        throw new FeatureTransformException(c.name(), FittedColumn.INPUT_STEP,
            "the dataset has no such column; columns: " + data.columnNames());
      }
    }
    double[][] out = new double[data.rowCount()][];
    for (int r = 0; r < out.length; r++) {
      out[r] = apply(data.row(r));
    }
    return out;
  }

  /**
   * Returns a dataset of the output features as numeric columns, plus the columns of {@code data}
   * the pipeline does not read (e.g. the label), after them.
   */
  public Dataset apply(Dataset data) {
    double[][] m = matrix(data);
    List<Column> out = new ArrayList<>();
    for (int j = 0; j < outputNames.size(); j++) {
      double[] col = new double[m.length];
      for (int r = 0; r < m.length; r++) {
        col[r] = m[r][j];
      }
      out.add(NumericColumn.of(outputNames.get(j), col));
    }
    Set<String> read = new HashSet<>(inputNames());
    Set<String> written = new HashSet<>(outputNames);
    for (Column c : data.columns()) {
      if (!read.contains(c.name()) && !written.contains(c.name())) {
        out.add(c);
      }
    }
    return Dataset.of(data.name(), out);
  }

  /**
   * Checks that a model reads exactly this pipeline's outputs.
   *
   * @throws FeatureTransformException naming the first feature that differs
   */
  public void checkFeeds(List<String> modelFeatures) {
    for (int i = 0; i < Math.max(modelFeatures.size(), outputNames.size()); i++) {
      String want = i < modelFeatures.size() ? modelFeatures.get(i) : null;
      String have = i < outputNames.size() ? outputNames.get(i) : null;
      if (!Objects.equals(want, have)) {
        throw new FeatureTransformException(have != null ? have : want, "output",
            "the pipeline was fitted on other columns than the model expects: feature " + (i + 1)
                + " of the model is " + (want == null ? "absent" : "'" + want + "'")
                + ", the pipeline gives " + (have == null ? "nothing" : "'" + have + "'")
                + "; model features " + modelFeatures + ", pipeline outputs " + outputNames);
      }
    }
  }

  /**
   * Returns the fitted parameters as flat run parameters, e.g. {@code
   * features.income.2.offset = 52000.0}.
   */
  public Map<String, String> params() {
    return PipelineJson.params(this);
  }

  /** Logs {@link #params()} and the JSON form (as {@value #ARTIFACT_NAME}) to an experiment run. */
  public ActiveRun logTo(ActiveRun run) {
    params().forEach(run::logParam);
    return run.logArtifact(ARTIFACT_NAME, toJson().getBytes(StandardCharsets.UTF_8));
  }

  /** Returns the versioned JSON form; floats survive a round trip exactly. */
  public String toJson() {
    return PipelineJson.write(this);
  }

  /**
   * Writes the JSON form atomically (temp file, fsync, move).
   *
   * @throws java.io.UncheckedIOException naming the file and the reason
   */
  public Path write(Path file) {
    return PipelineJson.write(this, file);
  }

  /**
   * Reads the JSON form.
   *
   * @param source names the text in errors, e.g. the file name
   * @throws dev.mlops.DataFormatException naming the field if the JSON is malformed, of a newer
   *     version or breaks the pipeline's rules
   */
  public static FittedPipeline fromJson(String json, String source) {
    return PipelineJson.read(json, source);
  }

  /**
   * Reads the JSON form from a file.
   *
   * @throws dev.mlops.DataFormatException as {@link #fromJson}, or if the file cannot be read
   */
  public static FittedPipeline read(Path file) {
    return PipelineJson.read(file);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FittedPipeline other && columns.equals(other.columns);
  }

  @Override
  public int hashCode() {
    return columns.hashCode();
  }

  @Override
  public String toString() {
    return "FittedPipeline[" + inputNames() + " -> " + outputNames.size() + " features]";
  }
}
