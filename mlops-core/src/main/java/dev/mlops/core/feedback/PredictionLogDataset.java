package dev.mlops.core.feedback;

import dev.mlops.core.model.BatchScorer;
import dev.mlops.data.BooleanColumn;
import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.Column;
import dev.mlops.data.Dataset;
import dev.mlops.data.NumericColumn;
import dev.mlops.data.TimestampColumn;
import dev.mlops.feedback.LoggedPrediction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns logged predictions into a {@link Dataset}: the log's own reader as a dataset source. Its
 * columns, in order: {@value #REQUEST_ID}, {@value #RECEIVED_AT}, {@value #MODEL},
 * {@value #VERSION}, {@value #ARM}, the input features (in order of first appearance; a feature a
 * record lacks is missing there), then {@value #PREDICTED_LABEL}, {@value #PREDICTED_SCORE},
 * {@code probability_<class>} per class, {@value #FAILURE} and {@value #LATENCY_MS}. A feature
 * whose logged values are all numbers becomes a numeric column, all booleans a boolean one, all
 * instants a timestamp one, anything else categorical.
 *
 * <p>Stateless and thread-safe.
 */
public final class PredictionLogDataset {
  /** Column of the request id: {@value}. */
  public static final String REQUEST_ID = "request_id";
  /** Column of the time the request was received: {@value}. */
  public static final String RECEIVED_AT = "received_at";
  /** Column of the model name: {@value}. */
  public static final String MODEL = "model";
  /** Column of the model version: {@value}. */
  public static final String VERSION = "model_version";
  /** Column of the arm: {@value}. */
  public static final String ARM = "arm";
  /** Column of the predicted class: {@value} (as {@code ./mlops predict} writes it). */
  public static final String PREDICTED_LABEL = BatchScorer.LABEL_COLUMN;
  /** Column of the score: {@value} (as {@code ./mlops predict} writes it). */
  public static final String PREDICTED_SCORE = BatchScorer.SCORE_COLUMN;
  /** Prefix of the class-probability columns: {@value} (as {@code ./mlops predict} writes them). */
  public static final String PROBABILITY_PREFIX = BatchScorer.PROBABILITY_PREFIX;
  /** Column of the failure kind of a failed call: {@value}. */
  public static final String FAILURE = "failure";
  /** Column of the caller-measured latency in milliseconds: {@value}. */
  public static final String LATENCY_MS = "latency_ms";

  private PredictionLogDataset() {}

  /** Returns the records as a dataset named {@code name}. */
  public static Dataset of(String name, List<LoggedPrediction> records) {
    List<Column> columns = new ArrayList<>();
    columns.add(CategoricalColumn.of(REQUEST_ID, map(records, LoggedPrediction::requestId)));
    columns.add(TimestampColumn.of(RECEIVED_AT, map(records, LoggedPrediction::receivedAt)));
    columns.add(CategoricalColumn.of(MODEL, map(records, LoggedPrediction::modelName)));
    columns.add(CategoricalColumn.of(VERSION, map(records, LoggedPrediction::modelVersion)));
    columns.add(CategoricalColumn.of(ARM,
        map(records, r -> r.arm().name().toLowerCase(Locale.ROOT))));
    Set<String> features = new LinkedHashSet<>();
    Set<String> classes = new LinkedHashSet<>();
    for (LoggedPrediction r : records) {
      features.addAll(r.inputs().keySet());
      classes.addAll(r.probabilities().keySet());
    }
    for (String f : features) {
      columns.add(feature(f, map(records, r -> r.inputs().get(f))));
    }
    columns.add(CategoricalColumn.of(PREDICTED_LABEL,
        map(records, r -> r.label().orElse(null))));
    columns.add(NumericColumn.of(PREDICTED_SCORE, records.stream()
        .mapToDouble(r -> r.score().orElse(Double.NaN)).toArray()));
    for (String c : classes) {
      columns.add(NumericColumn.of(PROBABILITY_PREFIX + c, records.stream()
          .mapToDouble(r -> r.probabilities().getOrDefault(c, Double.NaN)).toArray()));
    }
    columns.add(CategoricalColumn.of(FAILURE,
        map(records, r -> r.failure().map(Enum::name).orElse(null))));
    columns.add(NumericColumn.of(LATENCY_MS, records.stream()
        .mapToDouble(r -> r.latency().toNanos() / 1e6).toArray()));
    return Dataset.of(name, columns);
  }

  private static <T> List<T> map(List<LoggedPrediction> records, Function<LoggedPrediction, T> f) {
    List<T> out = new ArrayList<>(records.size());
    for (LoggedPrediction r : records) {
      out.add(f.apply(r));
    }
    return out;
  }

  private static Column feature(String name, List<Object> values) {
    boolean numbers = true;
    boolean booleans = true;
    boolean instants = true;
    for (Object v : values) {
      numbers &= v == null || v instanceof Double;
      booleans &= v == null || v instanceof Boolean;
      instants &= v == null || v instanceof Instant;
    }
    if (numbers) {
      return NumericColumn.of(name, values.stream()
          .mapToDouble(v -> v == null ? Double.NaN : (Double) v).toArray());
    }
    if (booleans) {
      return BooleanColumn.of(name, values.stream().map(v -> (Boolean) v).toList());
    }
    if (instants) {
      return TimestampColumn.of(name, values.stream().map(v -> (Instant) v).toList());
    }
    return CategoricalColumn.of(name,
        values.stream().map(v -> v == null ? null : v.toString()).toList());
  }
}
