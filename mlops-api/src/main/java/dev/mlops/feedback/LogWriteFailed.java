package dev.mlops.feedback;

import dev.mlops.events.FeedbackEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * Writing the prediction log failed (a full disk, an unwritable folder): the records of that
 * write are dropped and counted, the predictions themselves are not affected, and the logger tries
 * again with the next records.
 *
 * <p>Immutable and therefore thread-safe.
 *
 * @param time when it failed
 * @param source the logger's name
 * @param file the file being written
 * @param reason the operating system's reason
 * @param droppedRecords how many records were lost by this failure
 */
public record LogWriteFailed(
    Instant time, String source, String file, String reason, long droppedRecords)
    implements FeedbackEvent {

  /** Checks arguments. */
  public LogWriteFailed {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(reason, "reason");
  }
}
