package dev.mlops.core.labels;

import dev.mlops.labels.Agreement;
import dev.mlops.labels.ClassAgreement;
import dev.mlops.labels.MeasurementLevel;
import dev.mlops.labels.RuleLabelReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Compares labels produced by rules with gold labels: accuracy, Cohen's kappa and per-class
 * precision, recall and F1 over the items that have both.
 *
 * <p>Stateless and thread-safe.
 */
public final class RuleLabelComparison {
  private RuleLabelComparison() {}

  /**
   * Compares rule labels with gold labels by item id.
   *
   * @param ruleLabels rule label per item id
   * @param goldLabels gold (ground-truth) label per item id
   * @return the comparison; items present on one side only are counted, not compared
   * @throws IllegalArgumentException if no item has both labels
   */
  public static RuleLabelReport compare(Map<String, String> ruleLabels,
      Map<String, String> goldLabels) {
    Objects.requireNonNull(ruleLabels, "ruleLabels");
    Objects.requireNonNull(goldLabels, "goldLabels");
    List<String> items = new ArrayList<>(new TreeSet<>(ruleLabels.keySet()));
    items.retainAll(goldLabels.keySet());
    if (items.isEmpty()) {
      throw new IllegalArgumentException("no item has both a rule label and a gold label ("
          + ruleLabels.size() + " rule-labeled, " + goldLabels.size() + " gold items)");
    }
    TreeSet<String> classSet = new TreeSet<>();
    for (String item : items) {
      classSet.add(Objects.requireNonNull(ruleLabels.get(item), "rule label of " + item));
      classSet.add(Objects.requireNonNull(goldLabels.get(item), "gold label of " + item));
    }
    List<String> classes = new ArrayList<>(classSet);
    int[] rule = new int[items.size()];
    int[] gold = new int[items.size()];
    int correct = 0;
    for (int r = 0; r < items.size(); r++) {
      rule[r] = classes.indexOf(ruleLabels.get(items.get(r)));
      gold[r] = classes.indexOf(goldLabels.get(items.get(r)));
      if (rule[r] == gold[r]) {
        correct++;
      }
    }
    Agreement kappa = AgreementStatistics.PairTable.ofCodes(classes.size(), rule, gold)
        .kappa(MeasurementLevel.NOMINAL, KappaWeights.UNWEIGHTED);
    List<ClassAgreement> perClass = new ArrayList<>();
    for (int c = 0; c < classes.size(); c++) {
      int support = 0;
      int predicted = 0;
      int hits = 0;
      for (int r = 0; r < rule.length; r++) {
        support += gold[r] == c ? 1 : 0;
        predicted += rule[r] == c ? 1 : 0;
        hits += gold[r] == c && rule[r] == c ? 1 : 0;
      }
      double precision = predicted == 0 ? Double.NaN : (double) hits / predicted;
      double recall = support == 0 ? Double.NaN : (double) hits / support;
      double f1 = Double.isNaN(precision) || Double.isNaN(recall) || precision + recall == 0
          ? Double.NaN
          : 2 * precision * recall / (precision + recall);
      perClass.add(new ClassAgreement(classes.get(c), support, predicted, precision, recall, f1));
    }
    int withoutGold = (int) ruleLabels.keySet().stream()
        .filter(k -> !goldLabels.containsKey(k)).count();
    int withoutRule = (int) goldLabels.keySet().stream()
        .filter(k -> !ruleLabels.containsKey(k)).count();
    return new RuleLabelReport(items.size(), (double) correct / items.size(), kappa, perClass,
        withoutGold, withoutRule);
  }
}
