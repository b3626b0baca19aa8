package dev.mlops;

/**
 * A persistent store (experiment tracking store, model registry, report output) could not be
 * read or written. Names the file or location concerned; the I/O exception is kept as the
 * {@linkplain #getCause() cause}.
 *
 * <p>Instances are immutable and therefore thread-safe.
 */
public class StoreException extends MlopsException {
  private static final long serialVersionUID = 1L;

  private final String location;

  /**
   * Creates an exception about one store location.
   *
   * @param location the file, directory or URL concerned
   * @param problem what went wrong
   * @param cause the underlying exception, may be {@code null}
   */
  public StoreException(String location, String problem, Throwable cause) {
    super(location + ": " + problem, cause);
    this.location = location;
  }

  /** Returns the file, directory or URL concerned. */
  public String location() {
    return location;
  }
}
