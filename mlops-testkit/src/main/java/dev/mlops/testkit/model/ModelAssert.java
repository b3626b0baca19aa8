package dev.mlops.testkit.model;

import dev.mlops.ModelInferenceException;
import dev.mlops.data.Dataset;
import dev.mlops.data.Record;
import dev.mlops.model.Model;
import dev.mlops.model.Prediction;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on a {@link Model}; start with
 * {@link dev.mlops.testkit.MlopsAssertions#assertThat(Model)}:
 *
 * <pre>{@code
 * assertThat(onnxModel).on(testRows).predictsWithin(1e-5).of(javaReference);
 * assertThat(model).predictsLabel(record, "yes");
 * }</pre>
 *
 * <p>Not thread-safe (one per assertion chain).
 */
public final class ModelAssert extends AbstractAssert<ModelAssert, Model> {
  private List<? extends Record> records = List.of();
  private double tolerance;

  /** Creates assertions on {@code actual}. */
  public ModelAssert(Model actual) {
    super(actual, ModelAssert.class);
  }

  /** Sets the records {@link #of(Model)} compares on. */
  public ModelAssert on(List<? extends Record> inputs) {
    this.records = List.copyOf(Objects.requireNonNull(inputs, "inputs"));
    return this;
  }

  /** Sets the rows of a dataset as the records {@link #of(Model)} compares on. */
  public ModelAssert on(Dataset inputs) {
    return on(inputs.rows());
  }

  /**
   * Sets the largest absolute difference of scores and probabilities {@link #of(Model)} accepts.
   *
   * @throws IllegalArgumentException if {@code absolute} is negative or NaN
   */
  public ModelAssert predictsWithin(double absolute) {
    if (!(absolute >= 0)) {
      throw new IllegalArgumentException("tolerance must be >= 0, was " + absolute);
    }
    this.tolerance = absolute;
    return this;
  }

  /**
   * Verifies that on every record the model answers as {@code reference} does: the same label,
   * scores and class probabilities within the tolerance, or a failure of the same kind.
   */
  public ModelAssert of(Model reference) {
    isNotNull();
    Objects.requireNonNull(reference, "reference");
    if (records.isEmpty()) {
      failWithMessage("No records to compare on: call on(records) first");
    }
    for (int i = 0; i < records.size(); i++) {
      Record r = records.get(i);
      String difference = compare(answer(actual, r), answer(reference, r));
      if (difference != null) {
        failWithMessage("Expected model '%s' to predict as '%s' within %s, but at record %d %s%n  record: %s",
            actual.name(), reference.name(), tolerance, i, difference, r);
      }
    }
    return this;
  }

  /** Verifies that the model predicts {@code label} for {@code record}. */
  public ModelAssert predictsLabel(Record record, String label) {
    isNotNull();
    Object answer = answer(actual, record);
    if (!(answer instanceof Prediction p) || !p.label().equals(java.util.Optional.of(label))) {
      failWithMessage("Expected model '%s' to predict label '%s' for %s but it answered %s",
          actual.name(), label, record, answer);
    }
    return this;
  }

  private static Object answer(Model model, Record record) {
    try {
      return model.predict(record);
    } catch (ModelInferenceException e) {
      return e;
    }
  }

  private String compare(Object got, Object want) {
    if (got instanceof ModelInferenceException g) {
      return want instanceof ModelInferenceException w && g.kind() == w.kind()
          ? null : "it failed (" + g.getMessage() + ") where the reference answered " + want;
    }
    if (want instanceof ModelInferenceException w) {
      return "it answered " + got + " where the reference failed (" + w.getMessage() + ")";
    }
    Prediction g = (Prediction) got;
    Prediction w = (Prediction) want;
    if (!g.label().equals(w.label())) {
      return "the label is " + g.label().orElse("(none)") + ", the reference's "
          + w.label().orElse("(none)");
    }
    String score = close("score", g.score(), w.score());
    if (score != null) {
      return score;
    }
    if (!g.probabilities().keySet().equals(w.probabilities().keySet())) {
      return "the classes are " + g.probabilities().keySet() + ", the reference's "
          + w.probabilities().keySet();
    }
    for (Map.Entry<String, Double> e : w.probabilities().entrySet()) {
      String p = close("probability of '" + e.getKey() + "'",
          OptionalDouble.of(g.probabilities().get(e.getKey())), OptionalDouble.of(e.getValue()));
      if (p != null) {
        return p;
      }
    }
    return null;
  }

  private String close(String what, OptionalDouble got, OptionalDouble want) {
    if (got.isPresent() != want.isPresent()) {
      return "the " + what + " is " + got + ", the reference's " + want;
    }
    if (got.isPresent() && !(Math.abs(got.getAsDouble() - want.getAsDouble()) <= tolerance)) {
      return "the " + what + " is " + got.getAsDouble() + ", the reference's " + want.getAsDouble()
          + " (off by " + Math.abs(got.getAsDouble() - want.getAsDouble()) + ")";
    }
    return null;
  }
}
