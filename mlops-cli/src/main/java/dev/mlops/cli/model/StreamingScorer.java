package dev.mlops.cli.model;

import dev.mlops.ModelInferenceException;
import dev.mlops.core.data.CsvRows;
import dev.mlops.core.data.CsvWriter;
import dev.mlops.core.model.BatchScorer;
import dev.mlops.data.Record;
import dev.mlops.core.model.ElementType;
import dev.mlops.model.Prediction;
import dev.mlops.onnx.OnnxModel;
import dev.mlops.onnx.TensorInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Scores a CSV file as it streams by: {@code chunkSize} rows are read, scored in one model call
 * and written out with the prediction columns appended, so memory is bounded by the chunk size,
 * not the file. Each input cell is written back as its original text, byte for byte, and each
 * feature reaches the model as text too: a string input gets it as it is, a numeric input parses
 * it exactly and range-checks it (see {@code OnnxModel}).
 *
 * <p>The output columns follow the model, not the data: {@value BatchScorer#LABEL_COLUMN} for a
 * classifier, {@value BatchScorer#SCORE_COLUMN}, and {@value BatchScorer#PROBABILITY_PREFIX}{@code
 * <class>} per class the model names, so a header-only file gets the same header as a full one.
 * When a classifier does not name its classes they are taken from the first chunk's predictions
 * (and a header-only file then gets no probability columns). Not thread-safe.
 */
final class StreamingScorer {
  private final OnnxModel model;
  private final int chunkSize;
  private final String source;

  StreamingScorer(OnnxModel model, int chunkSize, String source) {
    if (chunkSize < 1) {
      throw new IllegalArgumentException("--chunk-size must be >= 1, was " + chunkSize);
    }
    this.model = model;
    this.chunkSize = chunkSize;
    this.source = source;
  }

  /** Sees each scored row, e.g. to log it; called in file order after its chunk was scored. */
  @FunctionalInterface
  interface RowObserver {
    /**
     * One row was scored.
     *
     * @param cells the row's cells as written ({@code null} for an empty unquoted cell)
     * @param features what the model was given
     * @param prediction what it returned
     * @param line the row's line in the file
     */
    void scored(String[] cells, Record features, Prediction prediction, long line);
  }

  /** One feature the model reads: its column in the file and whether its input takes strings. */
  private record Feature(String name, int column, boolean text) {}

  /**
   * Scores every row of {@code in} into {@code out} (header first) and returns the row count.
   *
   * @param progress called with the number of rows scored after each chunk
   * @throws ModelInferenceException naming the file's line when a row cannot be scored
   * @throws IllegalArgumentException if the file already has a column of an appended name
   */
  long score(CsvRows in, CsvWriter.Rows out, LongConsumer progress) {
    return score(in, out, progress, (cells, features, prediction, line) -> {});
  }

  /**
   * Scores like {@link #score(CsvRows, CsvWriter.Rows, LongConsumer)} and shows every scored row
   * to {@code observer}.
   */
  long score(CsvRows in, CsvWriter.Rows out, LongConsumer progress, RowObserver observer) {
    List<String> header = in.header();
    List<Feature> features = features(header);
    List<String> classes = model.classes();
    boolean classifier = model.isClassifier();
    List<String[]> cells = new ArrayList<>(chunkSize);
    List<Record> records = new ArrayList<>(chunkSize);
    long[] lines = new long[chunkSize];
    long rows = 0;
    boolean headerWritten = false;
    boolean more = true;
    while (more) {
      cells.clear();
      records.clear();
      while (cells.size() < chunkSize && (more = in.next())) {
        lines[cells.size()] = in.line();
        cells.add(texts(in, header.size()));
        records.add(record(in, features));
      }
      List<Prediction> predictions = cells.isEmpty() ? List.of() : predict(records, lines);
      if (!headerWritten) {
        if (classifier && classes.isEmpty() && !predictions.isEmpty()) {
          classes = List.copyOf(predictions.get(0).probabilities().keySet());
        }
        out.row(outputHeader(header, classifier, classes));
        headerWritten = true;
      }
      for (int i = 0; i < cells.size(); i++) {
        out.row(withPredictions(cells.get(i), predictions.get(i), classifier, classes, lines[i]));
        observer.scored(cells.get(i), records.get(i), predictions.get(i), lines[i]);
      }
      rows += cells.size();
      if (!cells.isEmpty()) {
        progress.accept(rows);
      }
    }
    return rows;
  }

  private List<Feature> features(List<String> header) {
    List<Feature> out = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : model.featureMapping().inputs().entrySet()) {
      boolean text = model.metadata().input(e.getKey()).map(TensorInfo::elementType)
          .map(t -> t == ElementType.STRING).orElse(false);
      for (String f : e.getValue()) {
        out.add(new Feature(f, header.indexOf(f), text));
      }
    }
    return out;
  }

  /** The cells as written: {@code null} for an empty unquoted cell, else the text. */
  private static String[] texts(CsvRows in, int width) {
    String[] out = new String[width];
    for (int c = 0; c < width; c++) {
      String t = in.text(c);
      out[c] = t.isEmpty() && !in.quoted(c) ? null : t;
    }
    return out;
  }

  private static Record record(CsvRows in, List<Feature> features) {
    Map<String, Object> values = new LinkedHashMap<>(2 * features.size());
    for (Feature f : features) {
      Object v = null;
      if (!in.isMissing(f.column())) {
        String t = in.text(f.column());
        v = f.text() ? t : numberOrBoolean(t);
      }
      values.put(f.name(), v);
    }
    return Record.of(values);
  }

  /** {@code true}/{@code false} (any case) stay booleans, 1 and 0 to the model; the rest is text. */
  private static Object numberOrBoolean(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    return t.equals("true") ? Boolean.TRUE : t.equals("false") ? Boolean.FALSE : text;
  }

  private List<Prediction> predict(List<Record> records, long[] lines) {
    try {
      return model.predictBatch(records);
    } catch (ModelInferenceException chunkFailure) {
      // Find the row to name its line; the batch error counts rows from the chunk's start.
      for (int i = 0; i < records.size(); i++) {
        try {
          model.predict(records.get(i));
        } catch (ModelInferenceException e) {
          throw new ModelInferenceException(e.kind(), e.model(), e.inputName(), e.expected(),
              e.actual(), "the row on line " + lines[i] + " of " + source + " cannot be scored", e);
        }
      }
      throw chunkFailure;
    }
  }

  private static List<String> outputHeader(
      List<String> header, boolean classifier, List<String> classes) {
    List<String> out = new ArrayList<>(header);
    if (classifier) {
      out.add(BatchScorer.LABEL_COLUMN);
    }
    out.add(BatchScorer.SCORE_COLUMN);
    for (String c : classes) {
      out.add(BatchScorer.PROBABILITY_PREFIX + c);
    }
    for (String added : out.subList(header.size(), out.size())) {
      if (header.contains(added)) {
        throw new IllegalArgumentException("the data already has a column '" + added
            + "' that predict appends; rename it before scoring");
      }
    }
    return out;
  }

  private List<String> withPredictions(String[] cells, Prediction p, boolean classifier,
      List<String> classes, long line) {
    List<String> out = new ArrayList<>(Arrays.asList(cells));
    if (classifier) {
      out.add(p.label().orElse(null));
    }
    out.add(p.score().isPresent() ? number(p.score().getAsDouble()) : null);
    for (String c : classes) {
      Double v = p.probabilities().get(c);
      out.add(v == null ? null : number(v));
    }
    if (!classes.containsAll(p.probabilities().keySet())) {
      throw new IllegalStateException("model " + model.name() + " returned classes "
          + p.probabilities().keySet() + " for line " + line + " of " + source
          + ", but the output has columns for " + classes);
    }
    return out;
  }

  private static String number(double v) {
    return Double.isNaN(v) ? null : Double.toString(v);
  }
}
