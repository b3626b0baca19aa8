package dev.mlops.cli.labels;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.mlops.core.io.AtomicFiles;
import dev.mlops.core.labels.AnnotationCsv;
import dev.mlops.core.labels.DefaultLabelConsistencyChecker;
import dev.mlops.labels.Agreement;
import dev.mlops.labels.AnnotatorStats;
import dev.mlops.labels.ConsensusLabel;
import dev.mlops.labels.Disagreement;
import dev.mlops.labels.LabelConfusion;
import dev.mlops.labels.LabelConsistencyConfig;
import dev.mlops.labels.LabelConsistencyReport;
import dev.mlops.labels.MeasurementLevel;
import dev.mlops.labels.PairwiseAgreement;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./mlops labels}: agreement statistics, disagreements and human-level performance of a
 * long-form annotation CSV. Exit codes: 0 analysed (inconsistency is a finding, not an error), 2
 * unreadable or invalid input.
 *
 * <p>Picocli creates one instance per invocation and fills its option fields; not thread-safe.
 */
@Command(
    name = "labels",
    mixinStandardHelpOptions = true,
    description = "Measure label consistency between annotators (Krippendorff's alpha, Fleiss'"
        + " and Cohen's kappa), list disagreements and estimate human-level performance.")
public final class LabelsCommand implements Callable<Integer> {

  /** Output formats; matched case-insensitively like every enum option. */
  enum Format { TEXT, JSON }

  @Option(names = "--annotations", required = true, paramLabel = "FILE.csv",
      description = "Long-form CSV: one row per item, annotator and label.")
  Path annotations;

  @Option(names = "--level", required = true,
      description = "Measurement level: nominal, ordinal, interval or ratio (no default on"
          + " purpose).")
  MeasurementLevel level;

  @Option(names = "--item-column", defaultValue = AnnotationCsv.DEFAULT_ITEM_COLUMN,
      description = "Item id column (default: ${DEFAULT-VALUE}).")
  String itemColumn;

  @Option(names = "--annotator-column", defaultValue = AnnotationCsv.DEFAULT_ANNOTATOR_COLUMN,
      description = "Annotator id column (default: ${DEFAULT-VALUE}).")
  String annotatorColumn;

  @Option(names = "--label-column", defaultValue = AnnotationCsv.DEFAULT_LABEL_COLUMN,
      description = "Label column (default: ${DEFAULT-VALUE}).")
  String labelColumn;

  @Option(names = "--timestamp-column",
      description = "Optional ISO-8601 timestamp column.")
  String timestampColumn;

  @Option(names = "--category-order", split = ",", paramLabel = "LABEL",
      description = "Order of ordinal text labels, lowest first, e.g. low,mid,high.")
  List<String> categoryOrder = List.of();

  @Option(names = "--format", defaultValue = "text",
      description = "Output format: text or json (default: text).")
  Format format;

  @Option(names = "--top", defaultValue = "" + LabelConsistencyConfig.DEFAULT_TOP_DISAGREEMENTS,
      description = "Disagreements and label pairs to list (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--seed", defaultValue = "" + LabelConsistencyConfig.DEFAULT_SEED,
      description = "Seed of the HLP bootstrap (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--consensus-out", paramLabel = "FILE.csv",
      description = "Also write item,majority,support,tied,weighted consensus labels here.")
  Path consensusOut;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    LabelConsistencyConfig config = LabelConsistencyConfig.builder()
        .topDisagreements(top)
        .seed(seed)
        .categoryOrder(categoryOrder)
        .build();
    var rows = new AnnotationCsv(itemColumn, annotatorColumn, labelColumn,
        Optional.ofNullable(timestampColumn)).read(annotations);
    LabelConsistencyReport report = DefaultLabelConsistencyChecker.of(config)
        .check(rows, level);
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.JSON) {
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(LabelsJson.of(report)));
    } else {
      printText(report, out);
    }
    if (consensusOut != null) {
      writeConsensus(report.consensus(), consensusOut);
    }
    out.flush();
    return 0;
  }

  private static void printText(LabelConsistencyReport r, PrintWriter out) {
    out.printf(Locale.ROOT, "%d items, %d annotators, %d ratings (level %s)%n",
        r.items(), r.annotators(), r.ratings(), r.level().name().toLowerCase(Locale.ROOT));
    out.printf(Locale.ROOT, "Krippendorff's alpha  %s%n", show(r.krippendorffAlpha()));
    out.printf(Locale.ROOT, "Fleiss' kappa         %s%n", show(r.fleissKappa()));
    out.printf(Locale.ROOT, "Cohen's kappa         %s%n", show(r.cohenKappa()));
    out.printf(Locale.ROOT, "percent agreement     %s%n", show(r.percentAgreement()));
    if (r.hlp().undefinedReason().isPresent()) {
      out.printf(Locale.ROOT, "human-level perf.     undefined (%s)%n",
          r.hlp().undefinedReason().get());
    } else {
      out.printf(Locale.ROOT, "human-level perf.     %.4f  (%.0f%% CI %.4f .. %.4f)%n",
          r.hlp().estimate(), r.hlp().confidenceLevel() * 100, r.hlp().ciLow(), r.hlp().ciHigh());
    }
    out.println("annotators (leave-one-out accuracy vs the others' majority):");
    for (AnnotatorStats s : r.annotatorStats()) {
      out.printf(Locale.ROOT, "  %-16s %6d ratings  %s%n", s.annotator(), s.ratings(),
          show(s.leaveOneOutAccuracy()));
    }
    if (r.pairwise().size() > 1) {
      out.println("pairwise Cohen's kappa (unweighted):");
      for (PairwiseAgreement p : r.pairwise()) {
        out.printf(Locale.ROOT, "  %s / %s  %s  (%d items)%n", p.annotatorA(), p.annotatorB(),
            show(p.kappa()), p.itemsInCommon());
      }
    }
    if (!r.disagreements().isEmpty()) {
      out.println("most disputed items (vote entropy, bits):");
      for (Disagreement d : r.disagreements()) {
        out.printf(Locale.ROOT, "  %-16s %.3f  %s%n", d.itemId(), d.entropy(), d.votes());
      }
    }
    if (!r.confusions().isEmpty()) {
      out.println("label pairs swapped most often:");
      for (LabelConfusion c : r.confusions()) {
        out.printf(Locale.ROOT, "  %s <-> %s  %d%n", c.labelA(), c.labelB(), c.count());
      }
    }
    r.notes().forEach(n -> out.println("note: " + n));
  }

  private static String show(Agreement a) {
    return a.defined()
        ? String.format(Locale.ROOT, "%.4f", a.value())
        : "undefined (" + a.undefinedReason().orElseThrow() + ")";
  }

  private static void writeConsensus(List<ConsensusLabel> consensus, Path file) {
    try {
      AtomicFiles.writeText(file, w -> {
        w.write("item,majority,support,tied,weighted\n");
        for (ConsensusLabel c : consensus) {
          w.write(csv(c.itemId()) + "," + csv(c.majority()) + ","
              + String.format(Locale.ROOT, "%.6f", c.support()) + "," + c.tied() + ","
              + csv(c.weighted()) + "\n");
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }

  private static String csv(String field) {
    boolean quote = field.contains(",") || field.contains("\"") || field.contains("\n")
        || field.contains("\r");
    return quote ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
  }
}
