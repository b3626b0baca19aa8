package dev.mlops.labels;

import java.util.List;
import java.util.Objects;

/**
 * How far labels produced by rules (heuristics, weak supervision) are from ground truth. Rule
 * labels are fine for training; a test set needs ground truth, and this report says how much the
 * two differ.
 *
 * <p>Immutable and thread-safe.
 *
 * @param items items that have both a rule label and a gold label
 * @param accuracy share of those items where the rule label equals the gold label
 * @param cohenKappa chance-corrected agreement of rule and gold labels
 * @param perClass per gold class, sorted by label
 * @param itemsWithoutGold rule-labeled items that have no gold label (not compared)
 * @param itemsWithoutRuleLabel gold items the rules did not label (not compared)
 */
public record RuleLabelReport(
    int items,
    double accuracy,
    Agreement cohenKappa,
    List<ClassAgreement> perClass,
    int itemsWithoutGold,
    int itemsWithoutRuleLabel) {

  /** Checks arguments and copies the list. */
  public RuleLabelReport {
    Objects.requireNonNull(cohenKappa, "cohenKappa");
    perClass = List.copyOf(Objects.requireNonNull(perClass, "perClass"));
  }
}
