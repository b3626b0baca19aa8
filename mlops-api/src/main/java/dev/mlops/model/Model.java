package dev.mlops.model;

import dev.mlops.data.Record;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A trained model that turns feature {@link Record}s into {@link Prediction}s. Implementations may
 * hold native resources, so a model is {@link AutoCloseable}; {@link #close()} is idempotent and
 * any call after it fails, with a {@link dev.mlops.ModelInferenceException} of kind
 * {@link dev.mlops.FailureKind#CLOSED} (older implementations may throw
 * {@link IllegalStateException}).
 *
 * <p>Implementations must be thread-safe: one instance serves every request thread.
 */
public interface Model extends AutoCloseable {

  /** Returns the model's name (e.g. "churn"). */
  String name();

  /** Returns the version being served (e.g. "v3", a registry id or a digest). */
  String version();

  /**
   * Predicts one record.
   *
   * @throws dev.mlops.ModelInferenceException if the record lacks a feature or holds a wrong type
   *     ({@link dev.mlops.FailureKind#INVALID_INPUT}), the engine fails
   *     ({@link dev.mlops.FailureKind#ENGINE}), or as its {@linkplain
   *     dev.mlops.ModelInferenceException#kind() kind} says
   */
  Prediction predict(Record record);

  /**
   * Predicts one request. The default predicts its {@link PredictionRequest#features()};
   * implementations that route or log by request id or routing key override it.
   *
   * @throws dev.mlops.ModelInferenceException as {@link #predict(Record)}
   */
  default Prediction predict(PredictionRequest request) {
    Objects.requireNonNull(request, "request");
    return predict(request.features());
  }

  /**
   * Returns what the model says about itself: task, class labels, input spec. The default knows
   * only the name and version ({@link ModelTask#UNKNOWN}); adapters that read a model file fill in
   * the rest.
   */
  default ModelDescriptor describe() {
    return ModelDescriptor.unknown(name(), version());
  }

  /**
   * Predicts a batch of records, in order. Implementations that can vectorise override this; the
   * default predicts one at a time.
   *
   * @throws dev.mlops.ModelInferenceException as {@link #predict(Record)}
   */
  default List<Prediction> predictBatch(List<? extends Record> records) {
    List<Prediction> out = new ArrayList<>(records.size());
    for (Record r : records) {
      out.add(predict(r));
    }
    return out;
  }

  /** Releases resources; idempotent. Never throws a checked exception. */
  @Override
  void close();
}
