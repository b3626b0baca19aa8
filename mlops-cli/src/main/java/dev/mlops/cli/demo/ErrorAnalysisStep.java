package dev.mlops.cli.demo;

import dev.mlops.cli.dashboard.BarChart;
import dev.mlops.cli.dashboard.Dashboard;
import dev.mlops.cli.dashboard.MatrixChart;
import dev.mlops.core.evaluation.Baseline;
import dev.mlops.core.evaluation.ErrorAnalyzer;
import dev.mlops.core.evaluation.ErrorTagger;
import dev.mlops.core.evaluation.Evaluation;
import dev.mlops.core.evaluation.EvaluationData;
import dev.mlops.core.evaluation.EvaluationJson;
import dev.mlops.core.evaluation.Prioritizer;
import dev.mlops.core.evaluation.SliceMetric;
import dev.mlops.core.io.AtomicFiles;
import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.Dataset;
import dev.mlops.data.NumericColumn;
import dev.mlops.evaluation.ClassificationReport;
import dev.mlops.evaluation.ErrorAnalysis;
import dev.mlops.evaluation.ErrorGroup;
import dev.mlops.evaluation.PrioritizationRow;
import dev.mlops.evaluation.PrioritizationTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Error analysis on the bundled data. To stay independent of any trained model, the predictions
 * come from a one-feature rule, malignant iff {@code worst_radius > 16.8} (the cut that maximises
 * accuracy on this data, 92.3%). Rule taggers mark clinically meaningful groups, the errors are
 * grouped by tag, and the prioritization table weighs each tag's gap to an assumed human-level
 * accuracy by its share of the data.
 */
final class ErrorAnalysisStep implements DemoStep {
  /** The rule's cut on worst_radius (mm). */
  static final double RADIUS_CUT = 16.8;

  /**
   * Human-level accuracy assumed for the demo: {@value}. A team measures its own with the labels
   * tools (agreement of pathologists on the same slides); this is an illustrative number.
   */
  static final double ASSUMED_HLP = 0.96;

  @Override
  public String title() {
    return "Error analysis: tag the errors, prioritize against human-level performance";
  }

  @Override
  public void run(DemoContext context) throws IOException {
    Dataset data = context.dataset();
    NumericColumn radius = data.numeric("worst_radius");
    CategoricalColumn diagnosis = data.categorical("diagnosis");
    List<String> actual = new ArrayList<>();
    List<String> predicted = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    NumericColumn id = data.numeric("id");
    for (int i = 0; i < data.rowCount(); i++) {
      actual.add(diagnosis.value(i));
      predicted.add(radius.value(i) > RADIUS_CUT ? "malignant" : "benign");
      ids.add(Long.toString((long) id.value(i)));
    }
    EvaluationData examples = ErrorTagger.builder()
        .rule("large tumour", f -> f.getDouble("worst_area") > 1000)
        .rule("high texture", f -> f.getDouble("worst_texture") > 30)
        .rule("many concave points", f -> f.getDouble("worst_concave_points") > 0.15)
        .rule("rough surface", f -> f.getDouble("worst_smoothness") > 0.15)
        .build()
        .tag(EvaluationData.builder().ids(ids).actual(actual).predicted(predicted)
            .features(data).build());

    ClassificationReport report = Evaluation.classification(examples);
    PrintWriter out = context.out();
    out.printf(Locale.ROOT, "rule: malignant iff worst_radius > %.1f -> accuracy %.4f, recall(malignant)"
        + " %.4f, %d errors%n", RADIUS_CUT, report.accuracy(),
        report.classMetrics("malignant").recall().value(), countErrors(report));

    ErrorAnalysis errors = ErrorAnalyzer.analyze(examples, 3);
    out.println("errors by tag (tag: errors/tagged, e.g. ids):");
    for (ErrorGroup g : errors.groups()) {
      out.printf(Locale.ROOT, "  %-20s %3d/%-3d %s%n", g.tag(), g.errors(), g.tagged(), g.exampleIds());
    }

    PrioritizationTable table = Prioritizer.byTag(
        examples, SliceMetric.accuracy(), Baseline.constant("HLP", ASSUMED_HLP));
    out.printf(Locale.ROOT, "prioritization (accuracy vs assumed HLP %.2f, gain = gap x share):%n",
        ASSUMED_HLP);
    out.printf(Locale.ROOT, "  %-20s %6s %8s %8s %8s%n", "tag", "share", "accuracy", "gap", "gain");
    for (PrioritizationRow r : table.rows()) {
      out.printf(Locale.ROOT, "  %-20s %5.1f%% %8.4f %8.4f %8.4f%n", r.group(), 100 * r.share(),
          r.metric(), r.gap(), r.potentialGain());
    }
    PrioritizationRow top = table.rows().get(0);
    out.printf(Locale.ROOT, "-> collect or augment '%s' examples first (potential gain %.2f%% accuracy)%n",
        top.group(), 100 * top.potentialGain());
    Path json = context.outputDir().resolve("prioritization.json");
    AtomicFiles.writeString(json, EvaluationJson.toJson(table));
    out.printf(Locale.ROOT, "table written to %s%n", json);

    Dashboard.Section section = context.dashboard().section("modeling", "4. Modeling");
    section.heading(String.format(Locale.ROOT, "Error analysis of the rule worst_radius > %.1f: %d errors",
        RADIUS_CUT, countErrors(report)));
    section.chart(MatrixChart.confusion("rule-confusion", "Confusion matrix of the rule",
        "Rows are the true diagnosis, columns the rule's prediction; off-diagonal cells are the errors.",
        report.confusionMatrix().labels(), report.confusionMatrix().toArray()));
    List<String> groups = table.rows().stream().map(PrioritizationRow::group).toList();
    section.chart(BarChart.builder("prioritization", "Potential accuracy gain per tag", groups)
        .axes("tag", "gain = gap to HLP x share")
        .description(String.format(Locale.ROOT, "How much overall accuracy closing each tag's gap to the "
            + "assumed human-level performance %.2f would add; '%s' comes first.", ASSUMED_HLP, top.group()))
        .series("potential gain", table.rows().stream().mapToDouble(PrioritizationRow::potentialGain).toArray())
        .build());
    section.table(List.of("tag", "share", "accuracy", "HLP", "gap", "potential gain"), table.rows().stream()
        .map(r -> List.of(r.group(), String.format(Locale.ROOT, "%.1f%%", 100 * r.share()),
            String.format(Locale.ROOT, "%.4f", r.metric()), String.format(Locale.ROOT, "%.2f", ASSUMED_HLP),
            String.format(Locale.ROOT, "%.4f", r.gap()), String.format(Locale.ROOT, "%.4f", r.potentialGain())))
        .toList());
  }

  private static long countErrors(ClassificationReport report) {
    long[][] cm = report.confusionMatrix().toArray();
    long errors = 0;
    for (int a = 0; a < cm.length; a++) {
      for (int p = 0; p < cm.length; p++) {
        errors += a == p ? 0 : cm[a][p];
      }
    }
    return errors;
  }
}
