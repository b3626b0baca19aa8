package dev.mlops.core.evaluation;

import dev.mlops.evaluation.ErrorAnalysis;
import dev.mlops.evaluation.ErrorGroup;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Groups the misclassified examples by tag, with example ids to read, so a team sees which kinds
 * of error are common. Stateless and thread-safe.
 */
public final class ErrorAnalyzer {
  /** Default number of example ids kept per group: {@value}. */
  public static final int DEFAULT_EXAMPLES_PER_GROUP = 5;

  private ErrorAnalyzer() {}

  /** Groups errors keeping {@value #DEFAULT_EXAMPLES_PER_GROUP} example ids per group. */
  public static ErrorAnalysis analyze(EvaluationData data) {
    return analyze(data, DEFAULT_EXAMPLES_PER_GROUP);
  }

  /**
   * Groups errors by tag.
   *
   * @param data tagged examples (see {@link ErrorTagger#tag})
   * @param examplesPerGroup how many example ids to keep per group
   * @throws IllegalArgumentException if {@code examplesPerGroup < 0}
   */
  public static ErrorAnalysis analyze(EvaluationData data, int examplesPerGroup) {
    Objects.requireNonNull(data, "data");
    if (examplesPerGroup < 0) {
      throw new IllegalArgumentException("examplesPerGroup must be >= 0, was " + examplesPerGroup);
    }
    Map<String, int[]> counts = new TreeMap<>(); // tag -> {tagged, errors}
    Map<String, List<String>> examples = new TreeMap<>();
    int errors = 0;
    for (int i = 0; i < data.size(); i++) {
      boolean wrong = !data.correct(i);
      if (wrong) {
        errors++;
      }
      List<String> tags = data.tags(i).isEmpty() ? List.of(ErrorAnalysis.UNTAGGED)
          : List.copyOf(data.tags(i));
      for (String tag : tags) {
        int[] c = counts.computeIfAbsent(tag, k -> new int[2]);
        c[0]++;
        if (wrong) {
          c[1]++;
          List<String> ids = examples.computeIfAbsent(tag, k -> new ArrayList<>());
          if (ids.size() < examplesPerGroup) {
            ids.add(data.id(i));
          }
        }
      }
    }
    List<ErrorGroup> groups = new ArrayList<>();
    for (Map.Entry<String, int[]> e : counts.entrySet()) {
      int tagged = e.getValue()[0];
      int wrong = e.getValue()[1];
      if (wrong > 0) {
        groups.add(new ErrorGroup(e.getKey(), tagged, wrong, (double) wrong / tagged,
            (double) wrong / errors, examples.get(e.getKey())));
      }
    }
    groups.sort(Comparator.comparingInt(ErrorGroup::errors).reversed()
        .thenComparing(ErrorGroup::tag));
    return new ErrorAnalysis(data.size(), errors, groups);
  }
}
