package dev.mlops.labels;

import java.util.List;
import java.util.Objects;

/**
 * The result of {@link LabelIssueFinder#find}: the confident joint, the noise estimate and the
 * likely mislabeled examples.
 *
 * <p>Immutable and thread-safe.
 *
 * @param classes class names; index {@code k} in every matrix is {@code classes.get(k)}
 * @param thresholds per-class threshold: mean predicted probability of the class over examples
 *     labeled with it
 * @param confidentJoint counts {@code [given][likely true]} of confidently assigned examples
 * @param noiseMatrix estimated {@code P(given = i | true = j)} as {@code [i][j]}; columns sum to 1
 *     (NaN columns for classes no example is confidently assigned to)
 * @param issues likely mislabeled examples, most suspicious (lowest self-confidence) first
 * @param selfConfidence per example, the predicted probability of its given label
 * @param normalizedMargin per example, the normalized margin of its given label
 */
public record LabelIssueReport(
    List<String> classes,
    List<Double> thresholds,
    List<List<Long>> confidentJoint,
    List<List<Double>> noiseMatrix,
    List<LabelIssue> issues,
    List<Double> selfConfidence,
    List<Double> normalizedMargin) {

  /** Checks arguments and copies the lists. */
  public LabelIssueReport {
    classes = List.copyOf(Objects.requireNonNull(classes, "classes"));
    thresholds = List.copyOf(Objects.requireNonNull(thresholds, "thresholds"));
    confidentJoint = Objects.requireNonNull(confidentJoint, "confidentJoint").stream()
        .map(List::copyOf).toList();
    noiseMatrix = Objects.requireNonNull(noiseMatrix, "noiseMatrix").stream()
        .map(List::copyOf).toList();
    issues = List.copyOf(Objects.requireNonNull(issues, "issues"));
    selfConfidence = List.copyOf(Objects.requireNonNull(selfConfidence, "selfConfidence"));
    normalizedMargin = List.copyOf(Objects.requireNonNull(normalizedMargin, "normalizedMargin"));
  }
}
