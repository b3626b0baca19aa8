package dev.mlops.cli.data;

import dev.mlops.core.data.CsvReader;
import dev.mlops.core.data.InferenceConfig;
import dev.mlops.core.data.SpecInference;
import dev.mlops.core.data.SpecJson;
import dev.mlops.data.Dataset;
import dev.mlops.data.DatasetSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./mlops infer-spec --data FILE.csv [--out spec.json]}: infers a dataset spec and writes it
 * as versioned JSON (to stdout without {@code --out}). Exit 0, or 2 on usage or input errors.
 *
 * <p>Picocli creates one instance per invocation and fills its option fields; not thread-safe.
 */
@Command(
    name = "infer-spec",
    mixinStandardHelpOptions = true,
    description = "Infer a dataset spec (types, ranges, domains, presence) from a CSV file.")
public final class InferSpecCommand implements Callable<Integer> {

  @Option(names = "--data", required = true, description = "The CSV file (header row).")
  Path data;

  @Option(names = "--out", description = "Where to write the spec JSON (default: stdout).")
  Path out;

  @Option(names = "--label", description = "The label column: its classes go into the spec.")
  String label;

  @Option(names = "--id-column", description = "The id column: marked unique when it is.")
  String idColumn;

  @Option(
      names = "--max-domain-size",
      defaultValue = "" + InferenceConfig.DEFAULT_MAX_DOMAIN_SIZE,
      description = "Most distinct values for a categorical domain (default: ${DEFAULT-VALUE}).")
  int maxDomainSize;

  @CommandLine.Mixin CsvOptions csv;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    CsvReader.Result read = csv.reader().build().readWithReport(data);
    CsvOptions.warn(read, spec.commandLine().getErr());
    Dataset dataset = read.dataset();
    DatasetSpec inferred = SpecInference.infer(dataset, InferenceConfig.builder()
        .labelColumn(label).idColumn(idColumn).maxDomainSize(maxDomainSize).build());
    PrintWriter stdout = spec.commandLine().getOut();
    if (out == null) {
      stdout.println(SpecJson.write(inferred));
    } else {
      SpecJson.write(inferred, out);
      stdout.printf("wrote the spec of %d features inferred from %d rows of %s to %s%n",
          inferred.features().size(), dataset.rowCount(), data, out);
    }
    stdout.flush();
    return 0;
  }
}
