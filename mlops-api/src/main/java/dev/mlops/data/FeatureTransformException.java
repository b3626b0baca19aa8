package dev.mlops.data;

import dev.mlops.MlopsException;
import java.util.Objects;

/**
 * A feature pipeline could not be fitted or applied: a category unseen at fit time under the
 * "error" policy, a column missing from a request, a missing value where no imputer is declared,
 * a pipeline fitted on other columns than a model expects. The message names the column, the step
 * and what was expected against what was found; a feature is never silently filled with zero.
 *
 * <p>Immutable and thread-safe.
 */
public class FeatureTransformException extends MlopsException {
  private static final long serialVersionUID = 1L;

  private final String column;
  private final String step;

  /**
   * Creates the exception.
   *
   * @param column the raw column the failure concerns
   * @param step the step, e.g. {@code "2 scale(STANDARD)"}, or {@code "input"} before any step
   * @param problem what was expected and what was found
   */
  public FeatureTransformException(String column, String step, String problem) {
    super("column '" + column + "', step " + step + ": " + problem);
    this.column = Objects.requireNonNull(column, "column");
    this.step = Objects.requireNonNull(step, "step");
  }

  /** Returns the raw column the failure concerns. */
  public String column() {
    return column;
  }

  /** Returns the step (its position and kind), or {@code "input"}. */
  public String step() {
    return step;
  }
}
