package dev.mlops.cli.evaluate;

import dev.mlops.evaluation.BaselineComparison;
import dev.mlops.evaluation.CalibrationBin;
import dev.mlops.evaluation.ClassMetrics;
import dev.mlops.evaluation.ClassificationReport;
import dev.mlops.evaluation.LongTailReport;
import dev.mlops.evaluation.MetricStatus;
import dev.mlops.evaluation.MetricValue;
import dev.mlops.evaluation.PrioritizationRow;
import dev.mlops.evaluation.PrioritizationTable;
import dev.mlops.evaluation.Quantile;
import dev.mlops.evaluation.RegressionReport;
import dev.mlops.evaluation.SliceReport;
import dev.mlops.evaluation.SliceResult;
import java.io.PrintWriter;
import java.util.Locale;

/** Renders an {@link EvaluationResult} as plain-text tables. */
final class TextRenderer {
  private final PrintWriter out;

  TextRenderer(PrintWriter out) {
    this.out = out;
  }

  void render(EvaluationResult r) {
    out.printf(Locale.ROOT, "Evaluation of %s%n", r.source());
    r.classification().ifPresent(this::classification);
    r.regression().ifPresent(this::regression);
    r.longTail().ifPresent(this::longTail);
    r.slices().ifPresent(this::slices);
    r.baselines().ifPresent(this::baselines);
    r.prioritization().ifPresent(t -> prioritization(out, t));
  }

  static String num(MetricValue v) {
    return switch (v.status()) {
      case DEFINED -> num(v.value());
      case ZERO_DIVISION -> num(v.value()) + "*";
      case UNDEFINED -> "n/a";
    };
  }

  static String num(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }

  private void classification(ClassificationReport r) {
    out.printf(Locale.ROOT, "examples %d, accuracy %s (majority class alone: %s)%n",
        r.examples(), num(r.accuracy()), num(r.majorityClassAccuracy()));
    for (String w : r.warnings()) {
      out.printf(Locale.ROOT, "WARNING: %s%n", w);
    }
    out.printf(Locale.ROOT, "%n%-20s %9s %9s %9s %9s %9s%n", "class", "support", "predicted", "precision",
        "recall", "f1");
    for (ClassMetrics c : r.perClass()) {
      out.printf(Locale.ROOT, "%-20s %9d %9d %9s %9s %9s%n", c.label(), c.support(), c.predicted(),
          num(c.precision()), num(c.recall()), num(c.f1()));
    }
    out.printf(Locale.ROOT, "%-20s %9s %9s %9s %9s %9s%n", "macro avg", "", "", num(r.macro().precision()),
        num(r.macro().recall()), num(r.macro().f1()));
    out.printf(Locale.ROOT, "%-20s %9s %9s %9s %9s %9s%n", "weighted avg", "", "",
        num(r.weighted().precision()), num(r.weighted().recall()), num(r.weighted().f1()));
    if (r.perClass().stream().anyMatch(c -> c.precision().status() == MetricStatus.ZERO_DIVISION
        || c.recall().status() == MetricStatus.ZERO_DIVISION)) {
      out.printf(Locale.ROOT, "(* zero division: reported as 0, as scikit-learn's zero_division=\"warn\")%n");
    }
    out.printf(Locale.ROOT, "%nconfusion matrix (rows actual, columns predicted) %s%n", r.labels());
    long[][] cm = r.confusionMatrix().toArray();
    for (int i = 0; i < cm.length; i++) {
      StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-20s", r.labels().get(i)));
      for (long c : cm[i]) {
        row.append(String.format(Locale.ROOT, " %7d", c));
      }
      out.println(row);
    }
    out.printf(Locale.ROOT, "%nroc_auc %s, average_precision %s, log_loss %s, brier %s%n",
        num(r.rocAuc()), num(r.averagePrecision()), num(r.logLoss()), num(r.brierScore()));
    if (!r.rocAuc().isDefined()) {
      out.printf(Locale.ROOT, "  roc_auc: %s%n", r.rocAuc().reason());
    }
    if (!r.calibration().isEmpty()) {
      out.printf(Locale.ROOT, "calibration (bin, count, mean predicted, fraction positive):%n");
      for (CalibrationBin b : r.calibration()) {
        out.printf(Locale.ROOT, "  (%.1f, %.1f] %6d %s %s%n", b.lower(), b.upper(), b.count(),
            num(b.meanPredicted()), num(b.fractionPositive()));
      }
    }
  }

  private void regression(RegressionReport r) {
    out.printf(Locale.ROOT, "examples %d, MAE %s, RMSE %s, MAPE %s, R2 %s%n", r.examples(), num(r.mae()),
        num(r.rmse()), num(r.mape()), num(r.r2()));
    StringBuilder q = new StringBuilder("absolute error quantiles:");
    for (Quantile quantile : r.absErrorQuantiles()) {
      q.append(String.format(Locale.ROOT, " p%s=%s",
          num(100 * quantile.level()).replaceAll("\\.?0+$", ""), num(quantile.value())));
    }
    out.println(q);
  }

  private void longTail(LongTailReport t) {
    out.printf(Locale.ROOT, "%nlong tail (label > %s): %d examples (%.1f%%)%n", t.threshold(), t.tailSize(),
        100 * t.tailShare());
    t.tail().ifPresentOrElse(this::regression, () -> out.println("  no example above the threshold"));
  }

  private void slices(SliceReport r) {
    out.printf(Locale.ROOT, "%nslices: %s overall %s, %d%% interval %s (bootstrap, seed %d)%n", r.metric(),
        num(r.overall()), Math.round(100 * r.overallInterval().map(i -> i.level()).orElse(0.95)),
        r.overallInterval().map(i -> "[" + num(i.lower()) + ", " + num(i.upper()) + "]").orElse("n/a"),
        r.seed());
    out.printf(Locale.ROOT, "%-36s %6s %7s %8s %19s  %s%n", "slice", "size", "share", r.metric(), "interval",
        "status");
    for (SliceResult s : r.slices()) {
      out.printf(Locale.ROOT, "%-36s %6d %6.1f%% %8s %19s  %s%n", s.name(), s.size(), 100 * s.share(),
          num(s.metric()),
          s.interval().map(i -> "[" + num(i.lower()) + ", " + num(i.upper()) + "]").orElse(""),
          s.status());
    }
  }

  private void baselines(BaselineComparison c) {
    out.printf(Locale.ROOT, "%nbaselines (%s):%n", c.metric());
    StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-36s %8s", "group", "model"));
    for (String b : c.baselineNames()) {
      head.append(String.format(Locale.ROOT, " %22s", b));
    }
    out.println(head);
    for (BaselineComparison.Row row : c.rows()) {
      StringBuilder line =
          new StringBuilder(String.format(Locale.ROOT, "%-36s %8s", row.group(), num(row.model())));
      for (String b : c.baselineNames()) {
        line.append(String.format(Locale.ROOT, " %22s", num(row.baselines().get(b))));
      }
      out.println(line);
    }
  }

  /** Prints the prioritization table; shared with the demo. */
  static void prioritization(PrintWriter out, PrioritizationTable t) {
    out.printf(Locale.ROOT, "%nprioritization (%s vs %s, gain = gap x share):%n", t.metric(), t.baselineName());
    out.printf(Locale.ROOT, "%-36s %6s %8s %8s %8s %8s%n", "group", "share", "model", t.baselineName(), "gap",
        "gain");
    for (PrioritizationRow r : t.rows()) {
      out.printf(Locale.ROOT, "%-36s %5.1f%% %8s %8s %8s %8s%n", r.group(), 100 * r.share(), num(r.metric()),
          num(r.baseline()), num(r.gap()), num(r.potentialGain()));
    }
    for (String s : t.skipped()) {
      out.printf(Locale.ROOT, "skipped %s%n", s);
    }
  }
}
