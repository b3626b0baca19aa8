package dev.mlops.core.evaluation;

import dev.mlops.data.Dataset;
import dev.mlops.data.Record;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Aligned examples of a classification evaluation: per example an id, the actual label, the
 * predicted label, optionally a binary score or class probabilities, the features (for slicing
 * and rule taggers) and tags.
 *
 * <p>Immutable and thread-safe. Built with {@link #builder()}, which checks that every column has
 * one entry per example and that no label or prediction is missing.
 */
public final class EvaluationData {
  private final List<String> ids;
  private final List<String> actual;
  private final List<String> predicted;
  private final double[] scores;
  private final String positiveLabel;
  private final List<String> probabilityClasses;
  private final double[][] probabilities;
  private final Dataset features;
  private final List<Set<String>> tags;
  private final Map<String, Integer> rowById;

  private EvaluationData(Builder b, List<Set<String>> tags) {
    this.ids = b.ids;
    this.actual = b.actual;
    this.predicted = b.predicted;
    this.scores = b.scores;
    this.positiveLabel = b.positiveLabel;
    this.probabilityClasses = b.probabilityClasses;
    this.probabilities = b.probabilities;
    this.features = b.features;
    this.tags = tags;
    Map<String, Integer> byId = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      Integer before = byId.put(ids.get(i), i);
      if (before != null) {
        throw new IllegalArgumentException(
            "ids must be unique: '" + ids.get(i) + "' is at rows " + before + " and " + i);
      }
    }
    this.rowById = byId;
  }

  private EvaluationData(EvaluationData base, List<Set<String>> tags) {
    this.ids = base.ids;
    this.actual = base.actual;
    this.predicted = base.predicted;
    this.scores = base.scores;
    this.positiveLabel = base.positiveLabel;
    this.probabilityClasses = base.probabilityClasses;
    this.probabilities = base.probabilities;
    this.features = base.features;
    this.tags = tags;
    this.rowById = base.rowById;
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the number of examples. */
  public int size() {
    return actual.size();
  }

  /** Returns the id of an example (its row number as text unless ids were given). */
  public String id(int row) {
    return ids.get(row);
  }

  /** Returns the row of an example id, if present. */
  public Optional<Integer> rowOf(String id) {
    return Optional.ofNullable(rowById.get(id));
  }

  /** Returns the actual label of an example. */
  public String actual(int row) {
    return actual.get(row);
  }

  /** Returns the predicted label of an example. */
  public String predicted(int row) {
    return predicted.get(row);
  }

  /** Returns the actual labels. */
  public List<String> actual() {
    return actual;
  }

  /** Returns the predicted labels. */
  public List<String> predicted() {
    return predicted;
  }

  /** Returns whether the example was predicted correctly. */
  public boolean correct(int row) {
    return actual.get(row).equals(predicted.get(row));
  }

  /** Returns the positive class of the binary scores, if scores were given. */
  public Optional<String> positiveLabel() {
    return Optional.ofNullable(positiveLabel);
  }

  /** Returns a copy of the binary scores (positive-class probabilities), if given. */
  public Optional<double[]> scores() {
    return Optional.ofNullable(scores).map(double[]::clone);
  }

  double[] scoresUnsafe() {
    return scores;
  }

  /** Returns the classes of the probability columns, empty if no probabilities were given. */
  public List<String> probabilityClasses() {
    return probabilityClasses;
  }

  double[][] probabilitiesUnsafe() {
    return probabilities;
  }

  /** Returns the features, if given. */
  public Optional<Dataset> features() {
    return Optional.ofNullable(features);
  }

  /**
   * Returns the features of an example.
   *
   * @throws IllegalStateException if no features were given
   */
  public Record features(int row) {
    if (features == null) {
      throw new IllegalStateException(
          "this evaluation has no features; pass them with EvaluationData.builder().features(...)");
    }
    return features.row(row);
  }

  /** Returns the tags of an example (empty if none). */
  public Set<String> tags(int row) {
    return tags.get(row);
  }

  /** Returns every tag used, sorted. */
  public Set<String> allTags() {
    Set<String> all = new TreeSet<>();
    tags.forEach(all::addAll);
    return all;
  }

  /**
   * Returns the same examples with extra tags added to each example's tags.
   *
   * @param extra one set per example
   * @throws IllegalArgumentException if the size differs from {@link #size()}
   */
  public EvaluationData withTags(List<? extends Set<String>> extra) {
    checkSize("tags", extra.size(), size());
    List<Set<String>> merged = new ArrayList<>(size());
    for (int i = 0; i < size(); i++) {
      Set<String> s = new LinkedHashSet<>(tags.get(i));
      s.addAll(extra.get(i));
      merged.add(Set.copyOf(s));
    }
    return new EvaluationData(this, List.copyOf(merged));
  }

  /** Returns the sorted union of the actual and predicted labels (scikit-learn's unique_labels). */
  public List<String> labels() {
    Set<String> all = new TreeSet<>(actual);
    all.addAll(predicted);
    return List.copyOf(all);
  }

  private static void checkSize(String what, int got, int expected) {
    if (got != expected) {
      throw new IllegalArgumentException(
          what + " has " + got + " entries but actual has " + expected
              + "; every column needs one entry per example");
    }
  }

  /** Builds {@link EvaluationData}; not thread-safe. */
  public static final class Builder {
    private List<String> ids;
    private List<String> actual;
    private List<String> predicted;
    private double[] scores;
    private String positiveLabel;
    private List<String> probabilityClasses = List.of();
    private double[][] probabilities;
    private Dataset features;

    private Builder() {}

    /** Sets the example ids (default: the row numbers "0", "1", ...). */
    public Builder ids(List<String> ids) {
      this.ids = List.copyOf(ids);
      return this;
    }

    /** Sets the actual labels; no nulls. */
    public Builder actual(List<String> actual) {
      this.actual = copyKeepingNulls(actual);
      return this;
    }

    /** Sets the predicted labels; no nulls. */
    public Builder predicted(List<String> predicted) {
      this.predicted = copyKeepingNulls(predicted);
      return this;
    }

    /**
     * Sets binary scores: the probability that each example is {@code positiveLabel}.
     *
     * @param scores one per example, in [0, 1]; copied
     * @param positiveLabel the positive class
     */
    public Builder scores(double[] scores, String positiveLabel) {
      this.scores = Objects.requireNonNull(scores, "scores").clone();
      this.positiveLabel = Objects.requireNonNull(positiveLabel, "positiveLabel");
      return this;
    }

    /**
     * Sets class probabilities of a multi-class model.
     *
     * @param classes the class of each column, distinct
     * @param probabilities one row per example, one column per class, rows summing to 1; copied
     */
    public Builder probabilities(List<String> classes, double[][] probabilities) {
      this.probabilityClasses = List.copyOf(classes);
      Objects.requireNonNull(probabilities, "probabilities");
      this.probabilities = new double[probabilities.length][];
      for (int i = 0; i < probabilities.length; i++) {
        this.probabilities[i] = probabilities[i].clone();
      }
      return this;
    }

    /** Sets the features, one row per example, for slices and rule taggers. */
    public Builder features(Dataset features) {
      this.features = Objects.requireNonNull(features, "features");
      return this;
    }

    /** Copies without rejecting nulls, so build() can report every missing row at once. */
    private static List<String> copyKeepingNulls(List<String> values) {
      Objects.requireNonNull(values, "values");
      return new ArrayList<>(values);
    }

    /**
     * Builds the data.
     *
     * @throws IllegalArgumentException if labels or predictions are missing (naming the rows),
     *     lengths differ, scores are outside [0, 1], or probabilities do not fit the classes
     */
    public EvaluationData build() {
      if (actual == null || predicted == null) {
        throw new IllegalArgumentException("both actual and predicted labels are required");
      }
      checkSize("predicted", predicted.size(), actual.size());
      checkNoMissing("actual", actual);
      checkNoMissing("predicted", predicted);
      actual = List.copyOf(actual);
      predicted = List.copyOf(predicted);
      int n = actual.size();
      if (n == 0) {
        throw new IllegalArgumentException("no examples: actual and predicted are empty");
      }
      if (ids == null) {
        List<String> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          rows.add(Integer.toString(i));
        }
        ids = List.copyOf(rows);
      }
      checkSize("ids", ids.size(), n);
      if (scores != null) {
        checkSize("scores", scores.length, n);
        for (int i = 0; i < n; i++) {
          if (!(scores[i] >= 0 && scores[i] <= 1)) {
            throw new IllegalArgumentException(
                "scores must be probabilities in [0, 1]; row " + i + " (id '" + ids.get(i)
                    + "') has " + scores[i]);
          }
        }
      }
      if (probabilities != null) {
        checkProbabilities(n);
      }
      if (features != null) {
        checkSize("features", features.rowCount(), n);
      }
      List<Set<String>> noTags = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        noTags.add(Set.of());
      }
      return new EvaluationData(this, List.copyOf(noTags));
    }

    private void checkProbabilities(int n) {
      checkSize("probabilities", probabilities.length, n);
      if (new HashSet<>(probabilityClasses).size() != probabilityClasses.size()) {
        throw new IllegalArgumentException("probability classes repeat: " + probabilityClasses);
      }
      for (int i = 0; i < n; i++) {
        double[] row = probabilities[i];
        if (row.length != probabilityClasses.size()) {
          throw new IllegalArgumentException(
              "probabilities row " + i + " has " + row.length + " columns, expected "
                  + probabilityClasses.size() + " for classes " + probabilityClasses);
        }
        double sum = 0;
        for (double p : row) {
          if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(
                "probabilities must be in [0, 1]; row " + i + " has " + p);
          }
          sum += p;
        }
        // scikit-learn's roc_auc_score(multi_class="ovr") requires rows summing to 1 (np.allclose).
        if (Math.abs(sum - 1) > 1e-8 + 1e-5) {
          throw new IllegalArgumentException(
              "probabilities of row " + i + " sum to " + sum + ", expected 1");
        }
      }
      for (int i = 0; i < n; i++) {
        if (!probabilityClasses.contains(actual.get(i))) {
          throw new IllegalArgumentException(
              "actual label '" + actual.get(i) + "' at row " + i
                  + " has no probability column; classes: " + probabilityClasses);
        }
      }
    }

    private static void checkNoMissing(String what, List<String> values) {
      List<Integer> missing = new ArrayList<>();
      for (int i = 0; i < values.size(); i++) {
        if (values.get(i) == null) {
          missing.add(i);
        }
      }
      if (!missing.isEmpty()) {
        throw new IllegalArgumentException(
            what + " labels are missing at " + missing.size() + " of " + values.size()
                + " rows, first rows " + missing.subList(0, Math.min(10, missing.size())));
      }
    }
  }
}
