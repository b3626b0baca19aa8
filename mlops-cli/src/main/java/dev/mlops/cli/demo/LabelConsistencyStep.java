package dev.mlops.cli.demo;

import dev.mlops.cli.dashboard.Dashboard;
import dev.mlops.core.labels.DefaultLabelConsistencyChecker;
import dev.mlops.core.labels.RuleLabelComparison;
import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.Dataset;
import dev.mlops.labels.Annotation;
import dev.mlops.labels.AnnotatorStats;
import dev.mlops.labels.ClassAgreement;
import dev.mlops.labels.ConsensusLabel;
import dev.mlops.labels.Disagreement;
import dev.mlops.labels.LabelConsistencyReport;
import dev.mlops.labels.MeasurementLevel;
import dev.mlops.labels.RuleLabelReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Simulates five annotators with known accuracies relabeling the bundled data's {@code diagnosis}
 * (each skips 10% of the cases), then measures their agreement, estimates human-level performance
 * and checks that the leave-one-out accuracies rank the annotators as simulated; then measures a
 * hand-written labeling rule against the true diagnosis.
 */
final class LabelConsistencyStep implements DemoStep {
  /** The simulated annotators' probabilities of giving the true diagnosis. */
  static final double[] ACCURACIES = {0.97, 0.93, 0.90, 0.85, 0.75};
  /** Share of cases each annotator skips, so ratings are missing as in real labeling. */
  static final double SKIP = 0.10;
  /** Threshold of the demo's labeling rule on {@code mean_radius}. */
  static final double RULE_RADIUS = 15;
  /** Vote entropy from which an item goes back for re-labeling: 0.9 bits is a 3-to-2 split or closer. */
  static final double RELABEL_ENTROPY_BITS = 0.9;

  @Override
  public String title() {
    return "Labels: agreement of 5 simulated annotators on 'diagnosis', HLP with bootstrap CI";
  }

  @Override
  public void run(DemoContext context) throws java.io.IOException {
    Dataset data = context.dataset();
    CategoricalColumn diagnosis = data.categorical("diagnosis");
    List<Annotation> annotations = simulate(data, diagnosis, context.seed());
    LabelConsistencyReport report = DefaultLabelConsistencyChecker.create()
        .check(annotations, MeasurementLevel.NOMINAL);
    PrintWriter out = context.out();
    out.printf(Locale.ROOT, "%d ratings of %d cases by %d annotators (%.0f%% skipped each)%n",
        report.ratings(), report.items(), report.annotators(), SKIP * 100);
    out.printf(Locale.ROOT, "Krippendorff's alpha %.3f, percent agreement %.3f%n",
        report.krippendorffAlpha().value(), report.percentAgreement().value());
    out.printf(Locale.ROOT, "Fleiss' kappa: %s%n", report.fleissKappa().defined()
        ? String.format(Locale.ROOT, "%.3f", report.fleissKappa().value())
        : "undefined, " + report.fleissKappa().undefinedReason().orElseThrow());
    out.printf(Locale.ROOT, "human-level performance %.3f (95%% CI %.3f .. %.3f)%n",
        report.hlp().estimate(), report.hlp().ciLow(), report.hlp().ciHigh());
    out.println("annotator  simulated  leave-one-out accuracy (vs the others' noisy majority)");
    for (int a = 0; a < ACCURACIES.length; a++) {
      AnnotatorStats s = report.annotatorStats().get(a);
      out.printf(Locale.ROOT, "  %s   %.2f       %.3f%n", s.annotator(), ACCURACIES[a],
          s.leaveOneOutAccuracy().value());
    }
    int majorityRight = 0;
    int weightedRight = 0;
    for (ConsensusLabel c : report.consensus()) {
      String truth = diagnosis.value(Integer.parseInt(c.itemId().substring(4)));
      majorityRight += c.majority().equals(truth) ? 1 : 0;
      weightedRight += c.weighted().equals(truth) ? 1 : 0;
    }
    out.printf(Locale.ROOT, "consensus vs true diagnosis: majority %.3f, quality-weighted %.3f%n",
        (double) majorityRight / report.items(), (double) weightedRight / report.items());
    out.printf(Locale.ROOT, "most disputed: %s%n", report.disagreements().stream().limit(3)
        .map(d -> d.itemId() + " " + d.votes()).toList());
    List<Disagreement> relabel = report.disagreements().stream()
        .filter(d -> d.entropy() >= RELABEL_ENTROPY_BITS).toList();
    out.printf(Locale.ROOT, "items to re-label (vote entropy >= %.1f bits, a near tie): %d, e.g. %s%n",
        RELABEL_ENTROPY_BITS, relabel.size(), relabel.stream().limit(5).map(Disagreement::itemId).toList());
    context.writeJson("relabel.json", relabel.stream().map(d -> Map.of("item", d.itemId(), "votes",
        new java.util.TreeMap<>(d.votes()), "entropy", d.entropy())).toList());
    printRuleLabels(data, diagnosis, out);
    addToDashboard(context, report, relabel);
  }

  private static void addToDashboard(DemoContext context, LabelConsistencyReport report, List<Disagreement> relabel) {
    Dashboard.Section section = context.dashboard().section("labels", "3. Labels");
    section.text(String.format(Locale.ROOT, "%d ratings of %d cases by %d simulated annotators. "
        + "Krippendorff's alpha %.3f, percent agreement %.3f; human-level performance %.3f "
        + "(95%% CI %.3f to %.3f). %d items to re-label (near-tied votes, in relabel.json).",
        report.ratings(), report.items(), report.annotators(), report.krippendorffAlpha().value(),
        report.percentAgreement().value(), report.hlp().estimate(), report.hlp().ciLow(), report.hlp().ciHigh(),
        relabel.size()));
    List<List<String>> rows = new ArrayList<>();
    for (int a = 0; a < ACCURACIES.length; a++) {
      AnnotatorStats s = report.annotatorStats().get(a);
      rows.add(List.of(s.annotator(), String.format(Locale.ROOT, "%.2f", ACCURACIES[a]),
          String.format(Locale.ROOT, "%.3f", s.leaveOneOutAccuracy().value())));
    }
    section.table(List.of("annotator", "simulated accuracy", "leave-one-out accuracy"), rows);
    section.table(List.of("item to re-label", "votes", "entropy (bits)"), relabel.stream().limit(10)
        .map(d -> List.of(d.itemId(), d.votes().toString(), String.format(Locale.ROOT, "%.3f", d.entropy())))
        .toList());
  }

  /** A hand-written rule as a cheap labeler, measured against the true diagnosis. */
  private static void printRuleLabels(Dataset data, CategoricalColumn diagnosis,
      PrintWriter out) {
    var radius = data.numeric("mean_radius");
    Map<String, String> rule = new HashMap<>();
    Map<String, String> gold = new HashMap<>();
    for (int row = 0; row < data.rowCount(); row++) {
      rule.put("case" + row, radius.value(row) > RULE_RADIUS ? "malignant" : "benign");
      gold.put("case" + row, diagnosis.value(row));
    }
    RuleLabelReport vsGold = RuleLabelComparison.compare(rule, gold);
    ClassAgreement malignant = vsGold.perClass().stream()
        .filter(c -> c.label().equals("malignant")).findFirst().orElseThrow();
    out.printf(Locale.ROOT, "rule 'mean_radius > %.0f => malignant' vs diagnosis: accuracy %.3f,"
        + " kappa %.3f, malignant precision %.3f recall %.3f%n", RULE_RADIUS, vsGold.accuracy(),
        vsGold.cohenKappa().value(), malignant.precision(), malignant.recall());
  }

  /** Annotator {@code ann<k>} gives the true label with probability {@code ACCURACIES[k]}. */
  static List<Annotation> simulate(Dataset data, CategoricalColumn diagnosis, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<String> classes = diagnosis.categories();
    List<Annotation> out = new ArrayList<>();
    for (int row = 0; row < data.rowCount(); row++) {
      String truth = diagnosis.value(row);
      for (int a = 0; a < ACCURACIES.length; a++) {
        if (random.nextDouble() < SKIP) {
          continue;
        }
        String label = truth;
        if (random.nextDouble() >= ACCURACIES[a]) {
          label = classes.get(1 - classes.indexOf(truth));
        }
        out.add(Annotation.of(String.format(Locale.ROOT, "case%03d", row), "ann" + (a + 1),
            label));
      }
    }
    return out;
  }
}
