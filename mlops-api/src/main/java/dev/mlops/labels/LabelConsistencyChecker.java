package dev.mlops.labels;

import java.util.List;
import java.util.Map;

/**
 * Measures how consistently annotators label the same items (Cohen's and Fleiss' kappa,
 * Krippendorff's alpha, percent agreement), finds the items they disagree on and estimates
 * human-level performance. Inconsistency is reported, never thrown.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface LabelConsistencyChecker {

  /**
   * Analyses annotations at an explicit measurement level.
   *
   * @param annotations labels in long form
   * @param level how labels compare; no default on purpose
   * @return the agreement statistics, disagreements and HLP estimate
   * @throws IllegalArgumentException for input that cannot be analysed at all (e.g. duplicate
   *     (item, annotator) pairs, or a non-numeric label at a numeric level), naming the offender
   */
  LabelConsistencyReport check(List<Annotation> annotations, MeasurementLevel level);

  /**
   * Compares a model with human-level performance on the same leave-one-out references.
   *
   * @param annotations labels in long form
   * @param level how labels compare
   * @param predictions the model's label per item id
   * @param sliceOfItem the slice name per item id; items not in it are only in the overall result
   * @return overall and per-slice model and human accuracy
   * @throws IllegalArgumentException for input that {@link #check} rejects
   */
  ModelComparison compareModel(
      List<Annotation> annotations,
      MeasurementLevel level,
      Map<String, String> predictions,
      Map<String, String> sliceOfItem);
}
