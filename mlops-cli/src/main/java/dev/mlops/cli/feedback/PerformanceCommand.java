package dev.mlops.cli.feedback;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.data.CsvReader;
import dev.mlops.core.feedback.CbpeCalibration;
import dev.mlops.core.feedback.CbpeWindow;
import dev.mlops.core.feedback.JoinedPrediction;
import dev.mlops.core.feedback.LogProblem;
import dev.mlops.core.feedback.PerformanceTally;
import dev.mlops.core.feedback.PredictionLogDataset;
import dev.mlops.core.feedback.PredictionLogReader;
import dev.mlops.data.Dataset;
import dev.mlops.data.FeatureType;
import dev.mlops.feedback.GroundTruth;
import dev.mlops.feedback.LoggedPrediction;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./mlops performance}: CBPE-estimated performance of a binary classifier per window of
 * logged predictions, with realized performance next to it where labels exist.
 */
@Command(
    name = "performance",
    mixinStandardHelpOptions = true,
    description = {
      "Estimate a binary classifier's accuracy, precision, recall, F1 and ROC AUC per window of N",
      "logged predictions before labels arrive (CBPE, calibrated on a labeled reference), with",
      "realized values next to them for the windows that have labels.",
      "REF.csv has a 'label' column and a 'probability_<class>' column for the positive class",
      "(as './mlops predict' writes them, plus the label). Exit code 0; 2 on bad input."
    })
public final class PerformanceCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format {
    TEXT,
    JSON
  }

  @Option(names = "--log", required = true, paramLabel = "DIR", description = "The prediction log folder.")
  Path log;

  @Option(names = "--labels", paramLabel = "L.csv",
      description = "Delayed labels (columns request_id and label; later rows win).")
  Path labels;

  @Option(names = "--reference", required = true, paramLabel = "REF.csv",
      description = "The labeled reference window: 'label' and 'probability_<class>' columns.")
  Path reference;

  @Option(names = "--window", required = true, paramLabel = "N", description = "Predictions per window.")
  int window;

  @Option(names = "--positive-class", paramLabel = "CLASS",
      description = "The positive class (default: the second class of the model's probabilities).")
  String positiveClass;

  @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
      description = "Output format (default: ${DEFAULT-VALUE}).")
  Format format;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** One window's state. */
  private static final class Window {
    final CbpeWindow estimated;
    final PerformanceTally realized;
    long count;

    Window(CbpeCalibration calibration, String positive) {
      estimated = CbpeWindow.create(calibration, positive);
      realized = new PerformanceTally(Optional.of(positive));
    }
  }

  @Override
  public Integer call() {
    if (window < 1) {
      throw new IllegalArgumentException("--window must be >= 1, was " + window);
    }
    PredictionLogReader reader = PredictionLogReader.of(log);
    List<LoggedPrediction> records = new ArrayList<>();
    List<LogProblem> problems = reader.scan(r -> {
      if (r.succeeded() && !r.probabilities().isEmpty()) {
        records.add(r);
      }
    });
    if (records.isEmpty()) {
      throw new IllegalArgumentException(log + ": no classifier predictions with probabilities in the log");
    }
    String positive = positiveClass != null ? positiveClass : defaultPositive(records.get(0));
    CbpeCalibration calibration = calibrate(positive);
    Map<String, String> truth = new HashMap<>();
    if (labels != null) {
      for (GroundTruth g : LabelsFile.read(labels, "request_id", "label", Instant.EPOCH)) {
        truth.put(g.requestId(), g.value());
      }
    }
    List<Window> windows = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      if (i % window == 0) {
        windows.add(new Window(calibration, positive));
      }
      Window w = windows.get(windows.size() - 1);
      LoggedPrediction r = records.get(i);
      w.count++;
      w.estimated.add(r.probabilities(), r.label());
      String t = truth.get(r.requestId());
      if (t != null && r.label().isPresent()) {
        w.realized.add(JoinedPrediction.of(r).withTruth(t, Instant.EPOCH));
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.JSON) {
      out.println(json(windows, calibration, positive, problems).toPrettyString());
    } else {
      text(out, windows, calibration, positive, problems);
    }
    out.flush();
    return 0;
  }

  private static String defaultPositive(LoggedPrediction first) {
    List<String> classes = new ArrayList<>(first.probabilities().keySet());
    if (classes.size() != 2) {
      throw new IllegalArgumentException("the model has " + classes.size() + " classes " + classes
          + "; CBPE here is for binary classifiers");
    }
    return classes.get(1);
  }

  private CbpeCalibration calibrate(String positive) {
    String column = PredictionLogDataset.PROBABILITY_PREFIX + positive;
    Dataset ref = CsvReader.builder().type("label", FeatureType.CATEGORICAL).build().read(reference);
    for (String c : List.of("label", column)) {
      if (ref.find(c).isEmpty()) {
        throw new IllegalArgumentException(
            "--reference " + reference + ": no column '" + c + "'; columns: " + ref.columnNames());
      }
    }
    double[] p = new double[ref.rowCount()];
    boolean[] y = new boolean[ref.rowCount()];
    for (int i = 0; i < p.length; i++) {
      p[i] = ref.row(i).getDouble(column);
      String label = ref.row(i).getString("label");
      if (label == null) {
        throw new IllegalArgumentException(reference + ":" + (i + 2) + ": the label is empty");
      }
      y[i] = label.equals(positive);
    }
    try {
      return CbpeCalibration.fit(p, y);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--reference " + reference + ": " + e.getMessage(), e);
    }
  }

  private static ObjectNode json(List<Window> windows, CbpeCalibration calibration, String positive,
      List<LogProblem> problems) {
    ObjectNode root = new ObjectMapper().createObjectNode();
    root.put("positiveClass", positive).put("calibration", calibration.kind().name());
    ArrayNode list = root.putArray("windows");
    for (int k = 0; k < windows.size(); k++) {
      Window w = windows.get(k);
      ObjectNode n = list.addObject().put("index", k).put("count", w.count);
      ObjectNode est = n.putObject("estimated");
      boolean first = true;
      for (Map.Entry<String, CbpeWindow.Estimate> e : w.estimated.estimate().entrySet()) {
        est.put(e.getKey(), e.getValue().value());
        String prefix = first ? "" : e.getKey() + ".";
        est.put(prefix + "lower", e.getValue().lower());
        est.put(prefix + "upper", e.getValue().upper());
        first = false;
      }
      if (w.realized.count() == 0) {
        n.putNull("realized");
      } else {
        ObjectNode real = n.putObject("realized");
        w.realized.metrics().forEach(real::put);
      }
      n.put("labeled", w.realized.count());
      ObjectNode excluded = n.putObject("excluded");
      w.estimated.excluded().forEach(excluded::put);
    }
    root.put("skippedLines", problems.size());
    return root;
  }

  private static void text(PrintWriter out, List<Window> windows, CbpeCalibration calibration,
      String positive, List<LogProblem> problems) {
    out.printf(Locale.ROOT, "positive class %s, calibration %s%n", positive, calibration.kind());
    out.printf(Locale.ROOT, "%6s %7s %10s %19s %9s %8s%n", "window", "count", "est. acc", "band", "realized", "labeled");
    for (int k = 0; k < windows.size(); k++) {
      Window w = windows.get(k);
      CbpeWindow.Estimate a = w.estimated.estimate().get("accuracy");
      Double real = w.realized.metrics().get("accuracy");
      out.printf(Locale.ROOT, "%6d %7d %10s %19s %9s %8d%n", k, w.count,
          a == null ? "-" : String.format(Locale.ROOT, "%.4f", a.value()),
          a == null ? "-" : String.format(Locale.ROOT, "[%.4f, %.4f]", a.lower(), a.upper()),
          real == null ? "-" : String.format(Locale.ROOT, "%.4f", real), w.realized.count());
    }
    if (!problems.isEmpty()) {
      out.printf(Locale.ROOT, "skipped log lines: %d%n", problems.size());
    }
  }
}
