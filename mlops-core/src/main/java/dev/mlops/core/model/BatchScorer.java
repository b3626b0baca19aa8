package dev.mlops.core.model;

import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.Column;
import dev.mlops.data.Dataset;
import dev.mlops.data.NumericColumn;
import dev.mlops.data.Record;
import dev.mlops.model.Model;
import dev.mlops.model.Prediction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * Scores a whole {@link Dataset} with a {@link Model} in chunks of {@link #chunkSize()} rows, so
 * the model's input tensors stay bounded however large the data is.
 *
 * <p>{@link #score(Dataset, IntConsumer)} appends prediction columns: {@value #LABEL_COLUMN}
 * (classifiers), {@value #SCORE_COLUMN} (the regression value or the label's probability) and
 * {@value #PROBABILITY_PREFIX}{@code <class>} per class.
 *
 * <p>Immutable and thread-safe when the model is.
 */
public final class BatchScorer {
  /** Default rows per model call: {@value}. */
  public static final int DEFAULT_CHUNK_SIZE = 1024;
  /** Name of the appended label column: {@value}. */
  public static final String LABEL_COLUMN = "prediction_label";
  /** Name of the appended score column: {@value}. */
  public static final String SCORE_COLUMN = "prediction_score";
  /** Prefix of the appended per-class probability columns: {@value}. */
  public static final String PROBABILITY_PREFIX = "probability_";

  private final Model model;
  private final int chunkSize;

  private BatchScorer(Model model, int chunkSize) {
    this.model = Objects.requireNonNull(model, "model");
    if (chunkSize < 1) {
      throw new IllegalArgumentException("chunkSize must be >= 1, was " + chunkSize);
    }
    this.chunkSize = chunkSize;
  }

  /** A scorer with {@link #DEFAULT_CHUNK_SIZE}. */
  public static BatchScorer of(Model model) {
    return new BatchScorer(model, DEFAULT_CHUNK_SIZE);
  }

  /**
   * A scorer with the given chunk size.
   *
   * @throws IllegalArgumentException if {@code chunkSize < 1}
   */
  public static BatchScorer of(Model model, int chunkSize) {
    return new BatchScorer(model, chunkSize);
  }

  /** Returns the rows per model call. */
  public int chunkSize() {
    return chunkSize;
  }

  /**
   * Receives the predictions of one chunk. Called on the thread that runs
   * {@link #forEachChunk}, one chunk at a time in row order, so an implementation needs no
   * thread-safety of its own.
   */
  @FunctionalInterface
  public interface ChunkConsumer {
    /**
     * Accepts one chunk.
     *
     * @param firstRow index of the chunk's first row in the dataset
     * @param predictions the chunk's predictions, in row order
     */
    void accept(int firstRow, List<Prediction> predictions);
  }

  /**
   * Predicts every row, chunk by chunk, handing each chunk's predictions to {@code consumer}.
   *
   * @throws dev.mlops.ModelInferenceException as the model's {@code predictBatch}
   */
  public void forEachChunk(Dataset data, ChunkConsumer consumer) {
    List<Record> rows = data.rows();
    for (int start = 0; start < rows.size(); start += chunkSize) {
      int end = Math.min(rows.size(), start + chunkSize);
      consumer.accept(start, model.predictBatch(rows.subList(start, end)));
    }
  }

  /**
   * Returns {@code data} with the prediction columns appended.
   *
   * @param progress called with the number of rows scored after each chunk
   * @throws IllegalArgumentException if the data already has a column of an appended name
   * @throws dev.mlops.ModelInferenceException as the model's {@code predictBatch}
   */
  public Dataset score(Dataset data, IntConsumer progress) {
    int n = data.rowCount();
    String[] labels = new String[n];
    double[] scores = new double[n];
    Arrays.fill(scores, Double.NaN);
    Map<String, double[]> probabilities = new LinkedHashMap<>();
    boolean[] anyLabel = {false};
    forEachChunk(data, (first, predictions) -> {
      for (int i = 0; i < predictions.size(); i++) {
        Prediction p = predictions.get(i);
        int row = first + i;
        p.label().ifPresent(l -> {
          labels[row] = l;
          anyLabel[0] = true;
        });
        scores[row] = p.score().orElse(Double.NaN);
        for (Map.Entry<String, Double> e : p.probabilities().entrySet()) {
          probabilities.computeIfAbsent(e.getKey(), k -> {
            double[] column = new double[n];
            Arrays.fill(column, Double.NaN);
            return column;
          })[row] = e.getValue();
        }
      }
      progress.accept(first + predictions.size());
    });
    List<Column> added = new ArrayList<>();
    if (anyLabel[0]) {
      added.add(CategoricalColumn.of(LABEL_COLUMN, labels));
    }
    added.add(NumericColumn.of(SCORE_COLUMN, scores));
    probabilities.forEach((cls, values) -> added.add(NumericColumn.of(PROBABILITY_PREFIX + cls, values)));
    Dataset out = data;
    for (Column c : added) {
      if (data.find(c.name()).isPresent()) {
        throw new IllegalArgumentException(
            "dataset '" + data.name() + "' already has a column '" + c.name()
                + "'; rename it before scoring");
      }
      out = out.withColumn(c);
    }
    return out;
  }

  /** Returns {@code data} with the prediction columns appended; see {@link #score(Dataset, IntConsumer)}. */
  public Dataset score(Dataset data) {
    return score(data, rows -> { });
  }
}
