package dev.mlops.cli.drift;

import dev.mlops.core.data.CsvReader;
import dev.mlops.core.drift.StatisticalDriftDetector;
import dev.mlops.core.drift.report.DriftReportHtml;
import dev.mlops.core.drift.report.DriftReportJson;
import dev.mlops.core.drift.report.DriftReportText;
import dev.mlops.core.io.AtomicFiles;
import dev.mlops.data.Column;
import dev.mlops.data.Dataset;
import dev.mlops.data.FeatureType;
import dev.mlops.drift.BatchDriftConfig;
import dev.mlops.drift.Correction;
import dev.mlops.drift.DriftReport;
import dev.mlops.drift.DriftTest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./mlops drift}: compares a current CSV file with a reference CSV file column by column
 * and prints (or writes) the drift report as text, JSON or a self-contained HTML page.
 *
 * <p>Column types are inferred from the reference and imposed on the current file, so a value
 * that does not fit (a word in a numeric column) is an input error naming file, line and column.
 * Exit codes: 0 whether or not drift is found (drift is a result), 2 on bad input.
 *
 * <p>Picocli creates one instance per invocation and fills its option fields; not thread-safe.
 */
@Command(
    name = "drift",
    mixinStandardHelpOptions = true,
    description = {
      "Detect data drift between a reference and a current CSV file.",
      "Exit code 0 whether or not drift is found; 2 on bad input."
    })
public final class DriftCommand implements Callable<Integer> {
  /** Files above this size show progress on a terminal: {@value} bytes. */
  static final long PROGRESS_BYTES = 20L << 20;

  /** Output formats. */
  enum Format {
    TEXT,
    JSON,
    HTML
  }

  @Option(names = "--reference", required = true, paramLabel = "REF.csv",
      description = "The baseline data, e.g. the training set.")
  Path reference;

  @Option(names = "--current", required = true, paramLabel = "CUR.csv",
      description = "The data to compare with the reference.")
  Path current;

  @Option(names = "--columns", split = ",", paramLabel = "a,b",
      description = "Only these columns (default: all columns of both files).")
  List<String> columns = new ArrayList<>();

  @Option(names = "--test", paramLabel = "NAME",
      description = "Test for every column instead of the default selection: ks, wasserstein, "
          + "wasserstein_raw, energy, mannwhitney, ttest, anderson, cvm, chisquare, z, fisher, psi, "
          + "jensenshannon, kl, hellinger, tvd.")
  String test;

  @Option(names = "--column-test", paramLabel = "COL=NAME",
      description = "Test for one column; repeatable.")
  Map<String, String> columnTests = new LinkedHashMap<>();

  @Option(names = "--threshold", paramLabel = "X",
      description = "Threshold for every column (default: 0.05 for p-values, 0.1 for distances).")
  Double threshold;

  @Option(names = "--column-threshold", paramLabel = "COL=X",
      description = "Threshold for one column; repeatable.")
  Map<String, Double> columnThresholds = new LinkedHashMap<>();

  @Option(names = "--correction", defaultValue = "none", paramLabel = "none|bonferroni|bh",
      description = "Multiple-testing correction across p-value tests (default: ${DEFAULT-VALUE}).")
  Correction correction;

  @Option(names = "--drift-share", defaultValue = "0.5", paramLabel = "X",
      description = "Share of drifted columns that means dataset drift (default: ${DEFAULT-VALUE}).")
  double driftShare;

  @Option(names = "--format", defaultValue = "text", paramLabel = "text|json|html",
      description = "Report format (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--out", paramLabel = "FILE",
      description = "Write the report to FILE instead of standard output.")
  Path out;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    BatchDriftConfig config = config();
    Progress progress = new Progress(spec.commandLine().getErr(), reference, current);
    progress.step("reading " + reference);
    Dataset ref = CsvReader.defaults().read(reference);
    Map<String, FeatureType> types = new LinkedHashMap<>();
    for (Column c : ref.columns()) {
      types.put(c.name(), c.type());
    }
    progress.step("reading " + current);
    Dataset cur = CsvReader.builder().types(types).build().read(current);
    for (String name : config.columns()) {
      if (ref.find(name).isEmpty() && cur.find(name).isEmpty()) {
        throw new IllegalArgumentException("--columns: column '" + name
            + "' is in neither file; reference columns: " + ref.columnNames());
      }
    }
    progress.step("testing " + (config.columns().isEmpty() ? "all" : config.columns().size()) + " columns");
    DriftReport report = StatisticalDriftDetector.of(config).detect(ref, cur);
    String rendered = switch (format) {
      case TEXT -> DriftReportText.toText(report);
      case JSON -> DriftReportJson.toJson(report) + System.lineSeparator();
      case HTML -> DriftReportHtml.toHtml(report, ref, cur,
          "Drift: " + current.getFileName() + " vs " + reference.getFileName());
    };
    progress.done();
    if (out == null) {
      PrintWriter w = spec.commandLine().getOut();
      w.print(rendered);
      w.flush();
    } else {
      try {
        AtomicFiles.writeString(out, rendered);
      } catch (IOException e) {
        throw new UncheckedIOException("--out: " + e.getMessage(), e);
      }
      spec.commandLine().getOut().printf(Locale.ROOT, "%s report written to %s: %s%n",
          format.name().toLowerCase(Locale.ROOT), out, DriftReportText.headline(report));
      spec.commandLine().getOut().flush();
    }
    return 0;
  }

  private BatchDriftConfig config() {
    BatchDriftConfig.Builder b = BatchDriftConfig.builder()
        .columns(columns.stream().map(String::strip).filter(s -> !s.isEmpty()).toList())
        .correction(correction)
        .driftShare(driftShare);
    if (test != null) {
      b.test(DriftTest.fromId(test.strip()));
    }
    columnTests.forEach((c, t) -> b.columnTest(c, DriftTest.fromId(t.strip())));
    if (threshold != null) {
      b.threshold(threshold);
    }
    columnThresholds.forEach(b::columnThreshold);
    return b.build();
  }

  /** Progress lines on stderr, only on a terminal and only for large inputs. */
  private static final class Progress {
    private final PrintWriter err;
    private final boolean enabled;
    private final long start = System.nanoTime();

    Progress(PrintWriter err, Path reference, Path current) {
      this.err = err;
      this.enabled = System.console() != null && size(reference) + size(current) > PROGRESS_BYTES;
    }

    private static long size(Path p) {
      try {
        return Files.size(p);
      } catch (IOException e) {
        return 0; // the reader reports a missing file with its own message
      }
    }

    void step(String what) {
      if (enabled) {
        err.printf(Locale.ROOT, "[%5.1fs] %s ...%n", (System.nanoTime() - start) / 1e9, what);
        err.flush();
      }
    }

    void done() {
      step("done");
    }
  }
}
