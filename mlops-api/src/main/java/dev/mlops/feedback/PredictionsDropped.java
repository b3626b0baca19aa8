package dev.mlops.feedback;

import dev.mlops.events.FeedbackEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * The prediction logger dropped records instead of making the prediction path wait: its queue was
 * full, or the log could not be written. Published for the first drop and then at most once per
 * {@code dropReportInterval} of the logger, with the running total.
 *
 * <p>Immutable and therefore thread-safe.
 *
 * @param time when it was noticed
 * @param source the logger's name
 * @param reason why, e.g. {@code "queue full (capacity 65536)"}
 * @param totalDropped how many records this logger dropped so far
 */
public record PredictionsDropped(Instant time, String source, String reason, long totalDropped)
    implements FeedbackEvent {

  /** Checks arguments. */
  public PredictionsDropped {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(reason, "reason");
  }
}
