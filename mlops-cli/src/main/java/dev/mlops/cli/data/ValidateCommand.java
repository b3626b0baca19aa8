package dev.mlops.cli.data;

import dev.mlops.core.data.CsvReader;
import dev.mlops.core.data.SpecJson;
import dev.mlops.core.data.SpecValidator;
import dev.mlops.data.Dataset;
import dev.mlops.data.DatasetSpec;
import dev.mlops.data.FeatureSpec;
import dev.mlops.data.FeatureType;
import dev.mlops.data.ValidationReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./mlops validate --spec spec.json --data FILE.csv [--format text|json]}: validates a CSV
 * file against a spec. Exit 0 when valid, 1 when there are violations, 2 on usage or input
 * errors. The spec decides how each column is read: a CATEGORICAL or TEXT feature as the cell's
 * text exactly ({@code 00501} stays {@code 00501}); the other features and unknown columns with
 * inferred types, so a value of the wrong type is reported as a violation at its row rather than
 * failing the read.
 *
 * <p>Picocli creates one instance per invocation and fills its option fields; not thread-safe.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Validate a CSV file against a dataset spec; exit 1 when there are violations.")
public final class ValidateCommand implements Callable<Integer> {
  /** Exit code when the data breaks the spec: {@value}. */
  public static final int EXIT_VIOLATIONS = 1;

  /** Report formats. */
  enum Format { text, json }

  @Option(names = "--spec", required = true, description = "The spec JSON file.")
  Path specFile;

  @Option(names = "--data", required = true, description = "The CSV file (header row).")
  Path data;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = "--max-examples",
      defaultValue = "" + SpecValidator.DEFAULT_MAX_EXAMPLES,
      description = "Example rows per violation (default: ${DEFAULT-VALUE}).")
  int maxExamples;

  @CommandLine.Mixin CsvOptions csv;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    DatasetSpec datasetSpec = SpecJson.read(specFile);
    CsvReader.Builder reader = csv.reader();
    for (FeatureSpec f : datasetSpec.features()) {
      if (f.type() == FeatureType.CATEGORICAL || f.type() == FeatureType.TEXT) {
        reader.type(f.name(), f.type());
      }
    }
    CsvReader.Result read = reader.build().readWithReport(data);
    CsvOptions.warn(read, spec.commandLine().getErr());
    Dataset dataset = read.dataset();
    ValidationReport report = SpecValidator.of(datasetSpec, maxExamples).validate(dataset);
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      out.println(DataReports.validationJson(report, data.toString()));
    } else {
      DataReports.printValidation(report, data.toString(), out);
    }
    out.flush();
    return report.valid() ? 0 : EXIT_VIOLATIONS;
  }
}
