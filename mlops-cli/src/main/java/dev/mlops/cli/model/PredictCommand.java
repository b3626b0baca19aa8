package dev.mlops.cli.model;

import dev.mlops.cli.data.CsvOptions;
import dev.mlops.cli.feedback.PredictionLogOptions;
import dev.mlops.core.data.CsvRows;
import dev.mlops.core.data.CsvWriter;
import dev.mlops.core.feedback.PredictionLogger;
import dev.mlops.core.model.BatchScorer;
import dev.mlops.data.Record;
import dev.mlops.model.Arm;
import dev.mlops.model.PredictionOutcome;
import dev.mlops.model.PredictionRequest;
import dev.mlops.onnx.FeatureMapping;
import dev.mlops.onnx.OnnxModel;
import dev.mlops.onnx.OnnxModelOptions;
import dev.mlops.onnx.TensorInfo;
import dev.mlops.time.MlopsClock;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code ./mlops predict --model MODEL.onnx --data FILE.csv [--features a,b,c] --out FILE.csv}:
 * scores the rows in chunks as the file streams by and writes the input rows, each cell's
 * original text byte for byte, with the prediction columns appended ({@code prediction_label},
 * {@code prediction_score}, {@code probability_<class>}); memory is bounded by the chunk size (see
 * {@link StreamingScorer}). Features come from {@code --features}, else the names the model
 * records, else, for a model with one {@code [N, k]} input and a file of exactly k columns, the
 * file's columns in file order (a note on stderr says so). Exit 0, or 2 for a missing feature, a
 * bad value or an unreadable file.
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

  @CommandLine.Mixin PredictionLogOptions logOptions;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    MlopsClock clock = MlopsClock.system();
    Optional<PredictionLogger> logger = logOptions.open(clock);
    try (CsvRows rows = csv.reader().build().open(dataFile);
        OnnxModel model = OnnxModel.load(modelFile, options(rows.header(), err));
        CsvWriter.Rows written = CsvWriter.defaults().open(outFile)) {
      requireFeatures(model, rows.header());
      int idColumn = logOptions.requestIdColumn().map(c -> requireColumn(rows.header(), c)).orElse(-1);
      boolean terminal = System.console() != null;
      long scored = new StreamingScorer(model, chunkSize, dataFile.toString())
          .score(rows, written, n -> {
            if (terminal) {
              err.printf(Locale.ROOT, "\rscored %d rows", n);
              err.flush();
            }
          }, (cells, features, prediction, line) -> logger.ifPresent(l -> {
            String id = logOptions.requestId(idColumn < 0 ? null : cells[idColumn], dataFile + ":" + line);
            PredictionRequest request = PredictionRequest.builder(numbersAsNumbers(features))
                .requestId(id).clock(clock).build();
            l.log(new PredictionOutcome.Success(request, model.name(), model.version(), Arm.PRIMARY,
                prediction.latency(), prediction));
          }));
      if (terminal) {
        err.println();
      }
      written.commit();
      out.printf(Locale.ROOT, "scored %d rows with %s (%s); wrote %s%n", scored,
          model.name(), model.outputDecoding(), outFile);
      logger.ifPresent(l -> {
        l.close();
        out.printf(Locale.ROOT, "logged %d predictions to %s (%d dropped)%n", l.written(),
            logOptions.directory(), l.dropped());
      });
    } finally {
      logger.ifPresent(PredictionLogger::close);
    }
    out.flush();
    return 0;
  }

  /**
   * The feature mapping: {@code --features} for the model's single input; else what the model
   * records; else, for a model with one {@code [N, k]} input that names no features and a file of
   * exactly k columns, the file's columns in file order (said on stderr).
   */
  private OnnxModelOptions options(List<String> columns, PrintWriter err) {
    // Input names, shapes and recorded features are known only after loading: peek once.
    try (OnnxModel peek = OnnxModel.load(modelFile)) {
      List<TensorInfo> inputs = peek.metadata().inputs();
      if (features != null && !features.isEmpty()) {
        if (inputs.size() != 1) {
          throw new IllegalArgumentException("--features fills a single input, but "
              + modelFile + " has inputs " + inputs.stream().map(i -> i.name()).toList());
        }
        return mapping(inputs.get(0), features);
      }
      Set<String> bound = peek.featureMapping().inputs().keySet();
      List<TensorInfo> unbound = inputs.stream().filter(i -> !bound.contains(i.name())).toList();
      if (unbound.isEmpty()) {
        return OnnxModelOptions.defaults();
      }
      if (inputs.size() != 1) {
        throw new IllegalArgumentException("model " + peek.name() + " does not name the features of"
            + " input" + (unbound.size() > 1 ? "s " : " ") + unbound.stream().map(TensorInfo::name)
            .toList() + ", and --features fills only a model with a single input; record the"
            + " features in the model (property mlops.features.<input>)");
      }
      TensorInfo input = inputs.get(0);
      long width = input.shape().size() == 2 && input.shape().get(1).isFixed()
          ? input.shape().get(1).size() : -1;
      if (width == columns.size()) {
        err.printf(Locale.ROOT, "mlops predict: model %s does not name the features of input '%s'"
            + " %s; using the %d columns of %s in file order: %s (pass --features to choose)%n",
            peek.name(), input.name(), input.shapeText(), columns.size(), dataFile,
            String.join(", ", columns));
        err.flush();
        return mapping(input, columns);
      }
      throw new IllegalArgumentException("model " + peek.name() + " does not name the features of"
          + " input '" + input.name() + "' " + input.shapeText()
          + (width > 0 ? " and " + dataFile + " has " + columns.size() + " columns, not " + width
              : "")
          + "; pass --features with the " + (width > 0 ? width + " " : "") + "columns that fill"
          + " it, in tensor order; columns: " + columns);
    }
  }

  /**
   * The features as the log records them: the scorer hands numeric cells over as their text (the
   * model parses them), the log keeps them as numbers so its dataset has numeric columns.
   */
  private static Record numbersAsNumbers(Record features) {
    Map<String, Object> out = new LinkedHashMap<>();
    features.toMap().forEach((k, v) -> {
      if (v instanceof String text) {
        try {
          out.put(k, Double.parseDouble(text.strip()));
          return;
        } catch (NumberFormatException notANumber) {
          // a category stays text
        }
      }
      out.put(k, v);
    });
    return Record.of(out);
  }

  private static int requireColumn(List<String> header, String column) {
    int i = header.indexOf(column);
    if (i < 0) {
      throw new IllegalArgumentException(
          "--request-id-column: no column '" + column + "'; columns: " + header);
    }
    return i;
  }

  private static OnnxModelOptions mapping(TensorInfo input, List<String> columns) {
    return OnnxModelOptions.builder().features(FeatureMapping.of(input.name(), columns)).build();
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
