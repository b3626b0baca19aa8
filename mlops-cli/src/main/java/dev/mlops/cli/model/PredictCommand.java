package dev.mlops.cli.model;

import dev.mlops.cli.data.CsvOptions;
import dev.mlops.core.data.CsvRows;
import dev.mlops.core.data.CsvWriter;
import dev.mlops.core.model.BatchScorer;
import dev.mlops.onnx.FeatureMapping;
import dev.mlops.onnx.OnnxModel;
import dev.mlops.onnx.OnnxModelOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./mlops predict --model MODEL.onnx --data FILE.csv [--features a,b,c] --out FILE.csv}:
 * scores the rows in chunks as the file streams by and writes the input rows, each cell's
 * original text byte for byte, with the prediction columns appended ({@code prediction_label},
 * {@code prediction_score}, {@code probability_<class>}); memory is bounded by the chunk size (see
 * {@link StreamingScorer}). Exit 0, or 2 for a missing feature, a bad value or an unreadable file.
 *
 * <p>Picocli creates one instance per invocation and fills its option fields; not thread-safe.
 */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    description = "Score a CSV file with an ONNX model and write it with prediction columns appended.")
public final class PredictCommand implements Callable<Integer> {

  @Option(names = "--model", required = true, paramLabel = "MODEL.onnx", description = "The model.")
  Path modelFile;

  @Option(names = "--data", required = true, paramLabel = "FILE.csv", description = "Rows to score.")
  Path dataFile;

  @Option(names = "--features", split = ",", paramLabel = "a,b,c",
      description = "Columns filling the model's single input, in tensor order "
          + "(default: the names the model records, or its input names).")
  List<String> features;

  @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "Where to write.")
  Path outFile;

  @Option(names = "--chunk-size", defaultValue = "" + BatchScorer.DEFAULT_CHUNK_SIZE,
      description = "Rows per model call (default: ${DEFAULT-VALUE}).")
  int chunkSize;

  @CommandLine.Mixin CsvOptions csv;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (OnnxModel model = OnnxModel.load(modelFile, options());
        CsvRows rows = csv.reader().build().open(dataFile);
        CsvWriter.Rows written = CsvWriter.defaults().open(outFile)) {
      requireFeatures(model, rows.header());
      boolean terminal = System.console() != null;
      long scored = new StreamingScorer(model, chunkSize, dataFile.toString())
          .score(rows, written, n -> {
            if (terminal) {
              err.printf(Locale.ROOT, "\rscored %d rows", n);
              err.flush();
            }
          });
      if (terminal) {
        err.println();
      }
      written.commit();
      out.printf(Locale.ROOT, "scored %d rows with %s (%s); wrote %s%n", scored,
          model.name(), model.outputDecoding(), outFile);
    }
    out.flush();
    return 0;
  }

  private OnnxModelOptions options() {
    if (features == null || features.isEmpty()) {
      return OnnxModelOptions.defaults();
    }
    // The input name is known only after loading: peek at the model once.
    try (OnnxModel peek = OnnxModel.load(modelFile)) {
      var inputs = peek.metadata().inputs();
      if (inputs.size() != 1) {
        throw new IllegalArgumentException("--features fills a single input, but "
            + modelFile + " has inputs " + inputs.stream().map(i -> i.name()).toList());
      }
      return OnnxModelOptions.builder()
          .features(FeatureMapping.of(inputs.get(0).name(), features)).build();
    }
  }

  private void requireFeatures(OnnxModel model, List<String> columns) {
    for (Map.Entry<String, List<String>> e : model.featureMapping().inputs().entrySet()) {
      List<String> missing = e.getValue().stream().filter(f -> !columns.contains(f)).toList();
      if (!missing.isEmpty()) {
        throw new IllegalArgumentException(dataFile + " lacks column" + (missing.size() > 1 ? "s " : " ")
            + missing.stream().map(f -> "'" + f + "'").collect(Collectors.joining(", "))
            + " that model " + model.name() + " needs for input '" + e.getKey() + "'; columns: "
            + columns);
      }
    }
  }
}
