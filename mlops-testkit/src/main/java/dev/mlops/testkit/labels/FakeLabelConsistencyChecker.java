package dev.mlops.testkit.labels;

import dev.mlops.labels.Annotation;
import dev.mlops.labels.LabelConsistencyChecker;
import dev.mlops.labels.LabelConsistencyReport;
import dev.mlops.labels.MeasurementLevel;
import dev.mlops.labels.ModelComparison;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A scripted {@link LabelConsistencyChecker} that records what it was asked. Rules are tried in
 * the order given; the first whose condition holds for the annotations answers with its fixed
 * report, or rejects the input with an {@link IllegalArgumentException} as a real checker rejects
 * input it cannot analyse. {@link #compareModel} answers with one fixed comparison.
 *
 * <pre>{@code
 * FakeLabelConsistencyChecker checker = FakeLabelConsistencyChecker.builder()
 *     .when(a -> a.stream().anyMatch(x -> x.annotatorId().equals("spammer"))).thenReport(lowAgreement)
 *     .when(List::isEmpty).thenReject("no annotations")
 *     .otherwise(goodAgreement)
 *     .build();
 * }</pre>
 *
 * <p>A question the script has no answer for fails with an {@link IllegalStateException} that
 * says so: a fake never makes a result up. Thread-safe: rules are immutable, the call logs are
 * synchronized.
 */
public final class FakeLabelConsistencyChecker implements LabelConsistencyChecker {

  /** One {@link #check} call. Immutable and thread-safe. */
  public record Check(List<Annotation> annotations, MeasurementLevel level) {
    /** Copies the annotations. */
    public Check {
      annotations = List.copyOf(annotations);
      Objects.requireNonNull(level, "level");
    }
  }

  /** One {@link #compareModel} call. Immutable and thread-safe. */
  public record Comparison(List<Annotation> annotations, MeasurementLevel level, Map<String, String> predictions,
      Map<String, String> sliceOfItem) {
    /** Copies the inputs. */
    public Comparison {
      annotations = List.copyOf(annotations);
      Objects.requireNonNull(level, "level");
      predictions = Map.copyOf(predictions);
      sliceOfItem = Map.copyOf(sliceOfItem);
    }
  }

  /** A rule's answer: a report, or the message of a rejection. */
  private record Rule(Predicate<List<Annotation>> condition, Optional<LabelConsistencyReport> report,
      String rejection) {}

  private final List<Rule> rules;
  private final Optional<LabelConsistencyReport> otherwise;
  private final Optional<ModelComparison> comparison;
  private final List<Check> checks = Collections.synchronizedList(new ArrayList<>());
  private final List<Comparison> comparisons = Collections.synchronizedList(new ArrayList<>());

  private FakeLabelConsistencyChecker(Builder b) {
    this.rules = List.copyOf(b.rules);
    this.otherwise = b.otherwise;
    this.comparison = b.comparison;
  }

  /** Starts a checker with no answers. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public LabelConsistencyReport check(List<Annotation> annotations, MeasurementLevel level) {
    checks.add(new Check(annotations, level));
    for (Rule rule : rules) {
      if (rule.condition().test(annotations)) {
        return rule.report().orElseThrow(() -> new IllegalArgumentException(rule.rejection()));
      }
    }
    return otherwise.orElseThrow(() -> new IllegalStateException(
        "no rule of the fake label checker matches these " + annotations.size()
            + " annotations and it has no otherwise(...) report"));
  }

  @Override
  public ModelComparison compareModel(List<Annotation> annotations, MeasurementLevel level,
      Map<String, String> predictions, Map<String, String> sliceOfItem) {
    comparisons.add(new Comparison(annotations, level, predictions, sliceOfItem));
    return comparison.orElseThrow(() -> new IllegalStateException(
        "the fake label checker has no comparison(...) to answer compareModel with"));
  }

  /** Returns the {@link #check} calls so far, in call order. */
  public List<Check> checks() {
    synchronized (checks) {
      return List.copyOf(checks);
    }
  }

  /** Returns the {@link #compareModel} calls so far, in call order. */
  public List<Comparison> comparisons() {
    synchronized (comparisons) {
      return List.copyOf(comparisons);
    }
  }

  @Override
  public String toString() {
    return "FakeLabelConsistencyChecker[" + rules.size() + " rules]";
  }

  /** Collects the script. Not thread-safe. */
  public static final class Builder {
    private final List<Rule> rules = new ArrayList<>();
    private Optional<LabelConsistencyReport> otherwise = Optional.empty();
    private Optional<ModelComparison> comparison = Optional.empty();

    private Builder() {}

    /** Starts a rule: when {@code condition} holds for the annotations, answer as it says. */
    public When when(Predicate<List<Annotation>> condition) {
      return new When(this, Objects.requireNonNull(condition, "condition"));
    }

    /** Answers every check no rule matches with {@code report}. */
    public Builder otherwise(LabelConsistencyReport report) {
      this.otherwise = Optional.of(report);
      return this;
    }

    /** Answers every {@code compareModel} call with {@code value}. */
    public Builder comparison(ModelComparison value) {
      this.comparison = Optional.of(value);
      return this;
    }

    /** Builds the checker. */
    public FakeLabelConsistencyChecker build() {
      return new FakeLabelConsistencyChecker(this);
    }
  }

  /** The answer half of a rule. Not thread-safe. */
  public static final class When {
    private final Builder builder;
    private final Predicate<List<Annotation>> condition;

    private When(Builder builder, Predicate<List<Annotation>> condition) {
      this.builder = builder;
      this.condition = condition;
    }

    /** Answers with {@code report}, as it is. */
    public Builder thenReport(LabelConsistencyReport report) {
      builder.rules.add(new Rule(condition, Optional.of(report), ""));
      return builder;
    }

    /** Rejects the input with an {@link IllegalArgumentException} of {@code message}. */
    public Builder thenReject(String message) {
      builder.rules.add(new Rule(condition, Optional.empty(), Objects.requireNonNull(message, "message")));
      return builder;
    }
  }
}
