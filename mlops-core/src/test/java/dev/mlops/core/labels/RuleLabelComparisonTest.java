package dev.mlops.core.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.labels.ClassAgreement;
import dev.mlops.labels.RuleLabelReport;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleLabelComparisonTest {

  @Test
  void sklearnConfusionTableGivesItsKappaAndPerClassScores() {
    // Gold x rule table [[20, 20], [10, 50]] (sklearn test_cohen_kappa: kappa = 8/23).
    Map<String, String> rule = new HashMap<>();
    Map<String, String> gold = new HashMap<>();
    for (int i = 0; i < 100; i++) {
      gold.put("i" + i, i < 40 ? "neg" : "pos");
      rule.put("i" + i, i < 20 ? "neg" : i < 40 ? "pos" : i < 50 ? "neg" : "pos");
    }
    rule.put("extra", "pos");
    gold.put("unlabeled", "neg");
    RuleLabelReport report = RuleLabelComparison.compare(rule, gold);
    assertThat(report.items()).isEqualTo(100);
    assertThat(report.accuracy()).isEqualTo(0.7);
    assertThat(report.cohenKappa().value()).isCloseTo(8.0 / 23, within(1e-12));
    ClassAgreement neg = report.perClass().get(0);
    assertThat(neg.label()).isEqualTo("neg");
    // sklearn precision_recall_fscore_support: neg precision 20/30, recall 20/40, f1 4/7.
    assertThat(neg.precision()).isCloseTo(20.0 / 30, within(1e-12));
    assertThat(neg.recall()).isEqualTo(0.5);
    assertThat(neg.f1()).isCloseTo(4.0 / 7, within(1e-12));
    assertThat(report.itemsWithoutGold()).isEqualTo(1);
    assertThat(report.itemsWithoutRuleLabel()).isEqualTo(1);
  }

  @Test
  void noOverlapIsRejected() {
    assertThatThrownBy(() -> RuleLabelComparison.compare(Map.of("a", "x"), Map.of("b", "x")))
        .hasMessage("no item has both a rule label and a gold label (1 rule-labeled, 1 gold items)");
  }
}
