package dev.mlops.cli.feedback;

import dev.mlops.core.data.CsvWriter;
import dev.mlops.core.feedback.RetrainingData;
import dev.mlops.feedback.GroundTruth;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./mlops log export}: the logged predictions joined to delayed labels, as a CSV. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Join a prediction log to delayed labels and write the labeled rows (the next training",
      "data) to a CSV; counts of unmatched labels and unlabeled predictions go to stderr.",
      "Exit code 0; 2 on bad input."
    })
public final class LogExportCommand implements Callable<Integer> {
  @Option(names = "--log", required = true, paramLabel = "DIR", description = "The prediction log folder.")
  Path log;

  @Option(names = "--labels", required = true, paramLabel = "L.csv",
      description = "The delayed labels: one row per label, later rows win.")
  Path labels;

  @Option(names = "--id-column", defaultValue = "request_id", paramLabel = "COL",
      description = "Column of the request id in L.csv (default: ${DEFAULT-VALUE}).")
  String idColumn;

  @Option(names = "--label-column", defaultValue = "label", paramLabel = "COL",
      description = "Column of the label in L.csv, also its name in the output (default: ${DEFAULT-VALUE}).")
  String labelColumn;

  @Option(names = "--model-version", paramLabel = "V", description = "Only predictions of this model version.")
  String modelVersion;

  @Option(names = "--from", paramLabel = "INSTANT", description = "Only requests received at or after this ISO-8601 instant.")
  Instant from;

  @Option(names = "--to", paramLabel = "INSTANT", description = "Only requests received before this ISO-8601 instant.")
  Instant to;

  @Option(names = "--out", required = true, paramLabel = "F.csv", description = "Where to write the labeled rows.")
  Path out;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    List<GroundTruth> truth = LabelsFile.read(labels, idColumn, labelColumn, Instant.EPOCH);
    RetrainingData.Export export = RetrainingData.export(log, truth, new RetrainingData.Selection(
        Optional.ofNullable(from), Optional.ofNullable(to), Optional.ofNullable(modelVersion), labelColumn),
        Clock.systemUTC());
    CsvWriter.defaults().write(export.data(), out);
    PrintWriter err = spec.commandLine().getErr();
    err.printf(Locale.ROOT, "%d labeled rows written to %s (%s)%n", export.data().rowCount(), out,
        export.version().digest());
    err.printf(Locale.ROOT, "unmatched labels: %d%nunlabeled predictions: %d%nduplicate labels: %d%n",
        export.unmatchedLabels(), export.unlabeledPredictions(), export.duplicateLabels());
    if (!export.problems().isEmpty()) {
      err.printf(Locale.ROOT, "skipped log lines: %d%n", export.problems().size());
      export.problems().forEach(p -> err.println("  " + p));
    }
    err.flush();
    return 0;
  }
}
