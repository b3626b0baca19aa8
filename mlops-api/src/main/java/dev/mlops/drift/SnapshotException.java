package dev.mlops.drift;

import dev.mlops.MlopsException;
import java.util.Objects;

/**
 * A {@link DetectorSnapshot} cannot be restored: it belongs to another detector type, was written
 * in a newer format version than this reader knows, was taken with another configuration than the
 * one requested, or its document is malformed. Names the offending {@link #field()} with the
 * expected and actual values.
 *
 * <p>An {@link MlopsException} rather than an {@link IllegalArgumentException} because a
 * snapshot usually comes from storage, not from the caller's code: it is bad data, like a
 * malformed CSV.
 *
 * <p>Instances are immutable and therefore thread-safe.
 */
public class SnapshotException extends MlopsException {
  private static final long serialVersionUID = 1L;

  private final String field;

  /**
   * Creates an exception about one field of a snapshot.
   *
   * @param field the field concerned, e.g. {@code "detectorType"}, {@code "formatVersion"} or
   *     {@code "config.delta"}
   * @param expected what the reader expected
   * @param actual what the snapshot holds
   */
  public SnapshotException(String field, String expected, String actual) {
    super("cannot restore detector snapshot: " + Objects.requireNonNull(field, "field")
        + " expected " + expected + ", was " + actual);
    this.field = field;
  }

  /**
   * Creates an exception about a malformed or missing field.
   *
   * @param field the field concerned, or {@code "json"} for the document as a whole
   * @param problem what is wrong
   */
  public SnapshotException(String field, String problem) {
    super("cannot restore detector snapshot: " + Objects.requireNonNull(field, "field") + ": "
        + problem);
    this.field = field;
  }

  /**
   * Creates an exception about a document the parser rejected.
   *
   * @param field the field concerned, or {@code "json"} for the document as a whole
   * @param problem what is wrong
   * @param cause the parser's exception
   */
  public SnapshotException(String field, String problem, Throwable cause) {
    super("cannot restore detector snapshot: " + Objects.requireNonNull(field, "field") + ": "
        + problem, cause);
    this.field = field;
  }

  /** Returns the snapshot field that could not be accepted. */
  public String field() {
    return field;
  }
}
