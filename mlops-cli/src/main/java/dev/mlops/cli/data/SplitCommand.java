package dev.mlops.cli.data;

import dev.mlops.core.data.ClassBalance;
import dev.mlops.core.data.CsvWriter;
import dev.mlops.core.data.DatasetSplitter;
import dev.mlops.core.io.AtomicFiles;
import dev.mlops.data.BalanceReport;
import dev.mlops.data.Dataset;
import dev.mlops.data.DatasetSplit;
import dev.mlops.data.FeatureType;
import dev.mlops.data.Split;
import dev.mlops.data.SplitFractions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./mlops split --data FILE.csv --label COL (--seed N | --hash-column COL) --out DIR}:
 * writes {@code train.csv}, {@code dev.csv}, {@code test.csv} and {@code balance.json} to DIR and
 * prints the balance report. With {@code --seed} the split is stratified by label; with
 * {@code --hash-column} each row's part follows the hash of its id. Every column is read as text,
 * so the rows written carry each cell's original text byte for byte ({@code 00501} stays
 * {@code 00501}, an id beyond 2^53 keeps its digits) and the id hashed is the text in the file.
 * Exit 0, or 2 on usage or input errors.
 *
 * <p>Picocli creates one instance per invocation and fills its option fields; not thread-safe.
 */
@Command(
    name = "split",
    mixinStandardHelpOptions = true,
    description = "Split a CSV file into train/dev/test (stratified by seed, or by id hash).")
public final class SplitCommand implements Callable<Integer> {

  @Option(names = "--data", required = true, description = "The CSV file (header row).")
  Path data;

  @Option(names = "--label", required = true, description = "The label column.")
  String label;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Method method;

  /** Exactly one way of splitting. */
  static final class Method {
    @Option(names = "--seed", description = "Stratified split by label with this random seed.")
    Long seed;

    @Option(names = "--hash-column", description = "Deterministic split by the hash of this column.")
    String hashColumn;
  }

  @Option(names = "--out", required = true, description = "Folder for the split files.")
  Path out;

  @Option(names = "--train", defaultValue = "" + SplitFractions.DEFAULT_TRAIN,
      description = "Training share (default: ${DEFAULT-VALUE}).")
  double train;

  @Option(names = "--dev", defaultValue = "" + SplitFractions.DEFAULT_DEV,
      description = "Dev share (default: ${DEFAULT-VALUE}).")
  double dev;

  @Option(names = "--test", defaultValue = "" + SplitFractions.DEFAULT_TEST,
      description = "Test share (default: ${DEFAULT-VALUE}).")
  double test;

  @CommandLine.Mixin CsvOptions csv;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new IllegalArgumentException("--out " + out + " is a file; split writes train.csv, "
          + "dev.csv, test.csv and balance.json into a folder");
    }
    SplitFractions fractions = new SplitFractions(train, dev, test);
    Dataset dataset = csv.reader().defaultType(FeatureType.CATEGORICAL).build().read(data);
    DatasetSplit split = method.seed != null
        ? DatasetSplitter.stratified(dataset, label, fractions, method.seed)
        : DatasetSplitter.byHash(dataset, method.hashColumn, fractions);
    BalanceReport report = ClassBalance.balance(split, label);
    CsvWriter writer = CsvWriter.defaults();
    for (Split part : Split.values()) {
      writer.write(split.part(part), out.resolve(part.label() + ".csv"));
    }
    AtomicFiles.writeString(out.resolve("balance.json"), DataReports.balanceJson(report));
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.printf("%s split of %s (%d rows) written to %s%n",
        method.seed != null ? "stratified (seed " + method.seed + ")"
            : "hash (column '" + method.hashColumn + "')",
        data, dataset.rowCount(), out);
    DataReports.printBalance(report, stdout);
    stdout.flush();
    return 0;
  }
}
