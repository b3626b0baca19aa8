package dev.mlops.cli.model;

import dev.mlops.core.data.CsvReader;
import dev.mlops.core.data.CsvWriter;
import dev.mlops.core.model.BatchScorer;
import dev.mlops.data.Dataset;
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
 * scores every row in chunks and writes the input rows with the prediction columns appended
 * ({@code prediction_label}, {@code prediction_score}, {@code probability_<class>}). Exit 0, or 2
 * for a missing feature, a bad value or an unreadable file.
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

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Dataset data = CsvReader.defaults().read(dataFile);
    try (OnnxModel model = OnnxModel.load(modelFile, options())) {
      requireFeatures(model, data);
      boolean terminal = System.console() != null;
      Dataset scored = BatchScorer.of(model, chunkSize).score(data, rows -> {
        if (terminal) {
          err.printf(Locale.ROOT, "\rscored %d/%d rows", rows, data.rowCount());
          err.flush();
        }
      });
      if (terminal) {
        err.println();
      }
      CsvWriter.defaults().write(scored, outFile);
      out.printf(Locale.ROOT, "scored %d rows with %s (%s); wrote %s%n", data.rowCount(),
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

  private void requireFeatures(OnnxModel model, Dataset data) {
    for (Map.Entry<String, List<String>> e : model.featureMapping().inputs().entrySet()) {
      List<String> missing = e.getValue().stream().filter(f -> data.find(f).isEmpty()).toList();
      if (!missing.isEmpty()) {
        throw new IllegalArgumentException(dataFile + " lacks column" + (missing.size() > 1 ? "s " : " ")
            + missing.stream().map(f -> "'" + f + "'").collect(Collectors.joining(", "))
            + " that model " + model.name() + " needs for input '" + e.getKey() + "'; columns: "
            + data.columnNames());
      }
    }
  }
}
