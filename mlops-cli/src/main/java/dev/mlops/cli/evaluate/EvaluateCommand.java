package dev.mlops.cli.evaluate;

import dev.mlops.core.data.CsvReader;
import dev.mlops.core.evaluation.Baseline;
import dev.mlops.core.evaluation.BaselineComparator;
import dev.mlops.core.evaluation.Evaluation;
import dev.mlops.core.evaluation.EvaluationData;
import dev.mlops.core.evaluation.Prioritizer;
import dev.mlops.core.evaluation.Slice;
import dev.mlops.core.evaluation.SliceEvaluator;
import dev.mlops.core.evaluation.SliceMetric;
import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.Column;
import dev.mlops.data.Dataset;
import dev.mlops.data.FeatureType;
import dev.mlops.data.NumericColumn;
import dev.mlops.evaluation.EvaluationConfig;
import dev.mlops.evaluation.SliceConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./mlops evaluate}: reads predictions from a CSV and prints the metrics, per-slice
 * results, the comparison with baselines and the prioritization table. Exit code 0 on success, 2
 * on bad input (a missing column or value, a score outside [0, 1]).
 *
 * <p>Picocli creates one instance per invocation and fills its option fields; not thread-safe.
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = "Evaluate predictions: metrics, slices, baselines and the prioritization table.")
public final class EvaluateCommand implements Callable<Integer> {

  /** Output formats. */
  enum Format {
    TEXT,
    JSON,
    HTML
  }

  /** Kinds of target. */
  enum Task {
    CLASSIFICATION,
    REGRESSION
  }

  /** Bins of a numeric --slice column: {@value} (quartiles). */
  static final int NUMERIC_SLICE_BINS = 4;

  @Option(names = "--predictions", required = true, paramLabel = "FILE.csv",
      description = "CSV with one row per example: label, prediction, optional score and features.")
  Path predictions;

  @Option(names = "--label", required = true, paramLabel = "COL", description = "Actual label column.")
  String label;

  @Option(names = "--prediction", required = true, paramLabel = "COL",
      description = "Predicted label (or value, for --task regression) column.")
  String prediction;

  @Option(names = "--score", paramLabel = "COL",
      description = "Probability of the positive class, for ROC-AUC, average precision, log loss,"
          + " Brier score and calibration.")
  String score;

  @Option(names = "--positive", paramLabel = "LABEL",
      description = "The positive class of --score (default: the greater of two labels in sorted"
          + " order, as scikit-learn).")
  String positive;

  @Option(names = "--slice", paramLabel = "COL", arity = "1..*",
      description = "Feature to slice by: one slice per value, or quartile bins if numeric.")
  List<String> slices = new ArrayList<>();

  @Option(names = "--baseline", paramLabel = "NAME=VALUE",
      description = "A baseline metric, e.g. HLP=0.95; the first one drives the prioritization table.")
  Map<String, Double> baselines = new LinkedHashMap<>();

  @Option(names = "--format", defaultValue = "text", paramLabel = "text|json|html",
      description = "Output format (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--task", defaultValue = "classification", paramLabel = "classification|regression",
      description = "Kind of target (default: ${DEFAULT-VALUE}).")
  Task task;

  @Option(names = "--id", paramLabel = "COL", description = "Example id column (default: the row number).")
  String id;

  @Option(names = "--tail-threshold", paramLabel = "VALUE",
      description = "Regression: also report the metrics on examples whose label exceeds VALUE.")
  Double tailThreshold;

  @Option(names = "--min-slice-size", defaultValue = "" + SliceConfig.DEFAULT_MIN_SLICE_SIZE,
      paramLabel = "N", description = "Slices with fewer examples get no metric (default: ${DEFAULT-VALUE}).")
  int minSliceSize;

  @Option(names = "--seed", defaultValue = "" + SliceConfig.DEFAULT_SEED,
      description = "Bootstrap seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Dataset data = read();
    EvaluationResult result = task == Task.REGRESSION ? regression(data) : classification(data);
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case TEXT -> new TextRenderer(out).render(result);
      case JSON -> out.println(JsonRenderer.render(result));
      case HTML -> out.println(HtmlRenderer.render(result));
    }
    out.flush();
    return 0;
  }

  private Dataset read() {
    CsvReader.Builder reader = CsvReader.builder();
    FeatureType target = task == Task.REGRESSION ? FeatureType.NUMERIC : FeatureType.CATEGORICAL;
    reader.type(label, target).type(prediction, target);
    if (score != null) {
      reader.type(score, FeatureType.NUMERIC);
    }
    if (id != null) {
      reader.type(id, FeatureType.CATEGORICAL);
    }
    Dataset data = reader.build().read(predictions);
    for (String column : columnsThatMustBeComplete()) {
      requireComplete(data, column);
    }
    return data;
  }

  private List<String> columnsThatMustBeComplete() {
    List<String> columns = new ArrayList<>(List.of(label, prediction));
    if (score != null) {
      columns.add(score);
    }
    if (id != null) {
      columns.add(id);
    }
    return columns;
  }

  /** A missing label, prediction or score is an error naming the CSV lines, never dropped. */
  private void requireComplete(Dataset data, String column) {
    Column c = data.column(column);
    if (c.missingCount() == 0) {
      return;
    }
    List<Integer> lines = new ArrayList<>();
    for (int row = 0; row < c.size() && lines.size() < 10; row++) {
      if (c.isMissing(row)) {
        lines.add(row + 2); // line 1 is the header
      }
    }
    throw new IllegalArgumentException(String.format(Locale.ROOT,
        "%s: column '%s' has %d missing values (lines %s%s); every example needs a value",
        predictions, column, c.missingCount(), lines, c.missingCount() > lines.size() ? ", ..." : ""));
  }

  private EvaluationResult classification(Dataset data) {
    List<String> asRead = strings(data.categorical(label));
    List<List<String>> classes = ClassLabels.canonical(asRead, strings(data.categorical(prediction)));
    EvaluationData.Builder builder = EvaluationData.builder()
        .actual(classes.get(0))
        .predicted(classes.get(1))
        .features(data);
    if (id != null) {
      builder.ids(strings(data.categorical(id)));
    }
    if (score != null) {
      builder.scores(data.numeric(score).toArray(), positiveLabel(asRead, classes.get(0)));
    }
    EvaluationData examples = builder.build();
    var report = Evaluation.classification(examples, EvaluationConfig.defaults());
    if (slices.isEmpty() && baselines.isEmpty()) {
      return new EvaluationResult(predictions.toString(), Optional.of(report), Optional.empty(),
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
    List<Slice> groups = new ArrayList<>();
    for (String feature : slices) {
      groups.addAll(slicesOf(examples, data, feature));
    }
    SliceMetric metric = SliceMetric.accuracy();
    SliceConfig config = SliceConfig.builder().minSliceSize(minSliceSize).seed(seed).build();
    List<Baseline> named = new ArrayList<>();
    baselines.forEach((name, value) -> named.add(Baseline.constant(name, value)));
    named.add(Baseline.majorityClass(examples));
    var prioritization = baselines.isEmpty() || groups.isEmpty()
        ? Optional.<dev.mlops.evaluation.PrioritizationTable>empty()
        : Optional.of(Prioritizer.table(examples, metric, groups, named.get(0)));
    return new EvaluationResult(predictions.toString(), Optional.of(report), Optional.empty(),
        Optional.empty(),
        groups.isEmpty() ? Optional.empty()
            : Optional.of(SliceEvaluator.evaluate(examples, metric, groups, config)),
        Optional.of(BaselineComparator.compare(examples, metric, groups, named)),
        prioritization);
  }

  private static List<Slice> slicesOf(EvaluationData examples, Dataset data, String feature) {
    return data.column(feature) instanceof NumericColumn
        ? Slice.quantileBins(examples, feature, NUMERIC_SLICE_BINS)
        : Slice.byValue(examples, feature);
  }

  private String positiveLabel(List<String> asRead, List<String> actual) {
    if (positive != null) {
      return ClassLabels.canonical(positive, asRead);
    }
    TreeSet<String> labels = new TreeSet<>(actual);
    if (labels.size() != 2) {
      throw new IllegalArgumentException("--score needs --positive LABEL when the label column '"
          + label + "' does not have exactly two classes; it has " + labels);
    }
    return labels.last();
  }

  private EvaluationResult regression(Dataset data) {
    if (score != null || !slices.isEmpty() || !baselines.isEmpty()) {
      throw new IllegalArgumentException(
          "--score, --slice and --baseline apply to --task classification only");
    }
    double[] actual = data.numeric(label).toArray();
    double[] predicted = data.numeric(prediction).toArray();
    EvaluationConfig config = EvaluationConfig.defaults();
    return new EvaluationResult(predictions.toString(), Optional.empty(),
        Optional.of(Evaluation.regression(actual, predicted, config)),
        tailThreshold == null ? Optional.empty()
            : Optional.of(Evaluation.longTail(actual, predicted, tailThreshold, config)),
        Optional.empty(), Optional.empty(), Optional.empty());
  }

  private static List<String> strings(CategoricalColumn column) {
    List<String> out = new ArrayList<>(column.size());
    for (int i = 0; i < column.size(); i++) {
      out.add(column.value(i));
    }
    return out;
  }
}
