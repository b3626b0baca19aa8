package dev.mlops.core.feedback;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds of a {@link LabelJoin}'s state.
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxPredictions the most predictions held; beyond it the oldest is evicted (counted)
 * @param keepPredictionsFor how long a prediction waits for (more) labels after it was received;
 *     a label for it after that counts as a label for an unknown id
 * @param maxWaitingLabels the most labels held that arrived before their prediction
 * @param labelGrace how long a label waits for its prediction before it is discarded (counted)
 */
public record LabelJoinConfig(
    int maxPredictions, Duration keepPredictionsFor, int maxWaitingLabels, Duration labelGrace) {

  /** Default bound on held predictions: {@value} (about 200 MB for a small classifier). */
  public static final int DEFAULT_MAX_PREDICTIONS = 1_000_000;

  /** Default wait for labels: 30 days, the prediction log's default retention. */
  public static final Duration DEFAULT_KEEP_PREDICTIONS_FOR = Duration.ofDays(30);

  /** Default bound on labels waiting for their prediction: {@value}. */
  public static final int DEFAULT_MAX_WAITING_LABELS = 100_000;

  /** Default wait of a label for its prediction: one day. */
  public static final Duration DEFAULT_LABEL_GRACE = Duration.ofDays(1);

  /**
   * Checks arguments.
   *
   * @throws IllegalArgumentException naming the setting and the rejected value
   */
  public LabelJoinConfig {
    Objects.requireNonNull(keepPredictionsFor, "keepPredictionsFor");
    Objects.requireNonNull(labelGrace, "labelGrace");
    if (maxPredictions < 1) {
      throw new IllegalArgumentException("maxPredictions must be >= 1, was " + maxPredictions);
    }
    if (maxWaitingLabels < 0) {
      throw new IllegalArgumentException("maxWaitingLabels must be >= 0, was " + maxWaitingLabels);
    }
    if (keepPredictionsFor.isNegative() || labelGrace.isNegative()) {
      throw new IllegalArgumentException("durations must not be negative, were "
          + keepPredictionsFor + " and " + labelGrace);
    }
  }

  /** The defaults. */
  public static LabelJoinConfig defaults() {
    return new LabelJoinConfig(DEFAULT_MAX_PREDICTIONS, DEFAULT_KEEP_PREDICTIONS_FOR,
        DEFAULT_MAX_WAITING_LABELS, DEFAULT_LABEL_GRACE);
  }
}
