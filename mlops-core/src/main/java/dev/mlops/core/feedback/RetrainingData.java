package dev.mlops.core.feedback;

import dev.mlops.core.data.DatasetVersioner;
import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.Dataset;
import dev.mlops.data.DatasetVersion;
import dev.mlops.feedback.GroundTruth;
import dev.mlops.feedback.LoggedPrediction;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The next iteration's training data: the logged predictions of a time range and model version
 * joined to their labels, as a {@link Dataset} (the log's columns, see {@link PredictionLogDataset},
 * plus the label column) with its {@link DatasetVersion} fingerprint, ready to be logged as a run
 * input of the experiment tracker. A label repeated for one id counts once (the last one wins);
 * failed predictions are left out.
 *
 * <p>Stateless and thread-safe.
 */
public final class RetrainingData {
  /** Default name of the label column: {@value}. */
  public static final String DEFAULT_LABEL_COLUMN = "label";

  private RetrainingData() {}

  /**
   * What {@link #export} produced. Immutable and thread-safe.
   *
   * @param data the labeled rows
   * @param version its fingerprint
   * @param unmatchedLabels labels whose id is not among the selected predictions
   * @param unlabeledPredictions selected predictions without a label
   * @param duplicateLabels labels that repeated an id (the last one was kept)
   * @param problems log lines skipped while reading
   */
  public record Export(Dataset data, DatasetVersion version, long unmatchedLabels,
      long unlabeledPredictions, long duplicateLabels, List<LogProblem> problems) {
    /** Copies the problems. */
    public Export {
      Objects.requireNonNull(data, "data");
      Objects.requireNonNull(version, "version");
      problems = List.copyOf(problems);
    }
  }

  /**
   * Which predictions to export. Immutable and thread-safe.
   *
   * @param from the first receive time included, or empty for no lower bound
   * @param to the receive time after the last one included, or empty for no upper bound
   * @param modelVersion only this version, or empty for all
   * @param labelColumn the name of the label column
   */
  public record Selection(Optional<Instant> from, Optional<Instant> to,
      Optional<String> modelVersion, String labelColumn) {
    /** Checks arguments. */
    public Selection {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(modelVersion, "modelVersion");
      Objects.requireNonNull(labelColumn, "labelColumn");
    }

    /** Everything, with the label in column {@value RetrainingData#DEFAULT_LABEL_COLUMN}. */
    public static Selection all() {
      return new Selection(Optional.empty(), Optional.empty(), Optional.empty(), DEFAULT_LABEL_COLUMN);
    }

    boolean includes(LoggedPrediction p) {
      return p.succeeded()
          && from.map(f -> !p.receivedAt().isBefore(f)).orElse(true)
          && to.map(t -> p.receivedAt().isBefore(t)).orElse(true)
          && modelVersion.map(v -> v.equals(p.modelVersion())).orElse(true);
    }
  }

  /**
   * Reads the log and joins the labels.
   *
   * @param log the prediction log folder
   * @param labels the ground truth, in arrival order
   * @param selection which predictions
   * @param clock stamps the dataset version
   * @throws dev.mlops.StoreException if the log folder cannot be read
   */
  public static Export export(Path log, List<GroundTruth> labels, Selection selection, Clock clock) {
    Map<String, String> truth = new LinkedHashMap<>();
    long duplicates = 0;
    for (GroundTruth g : labels) {
      if (truth.put(g.requestId(), g.value()) != null) {
        duplicates++;
      }
    }
    List<LoggedPrediction> rows = new ArrayList<>();
    List<String> values = new ArrayList<>();
    Set<String> matched = new HashSet<>();
    long[] unlabeled = {0};
    List<LogProblem> problems = PredictionLogReader.of(log).scan(p -> {
      if (!selection.includes(p)) {
        return;
      }
      String value = truth.get(p.requestId());
      if (value == null) {
        unlabeled[0]++;
      } else {
        rows.add(p);
        values.add(value);
        matched.add(p.requestId());
      }
    });
    Dataset data = PredictionLogDataset.of("retraining data from " + log, rows)
        .withColumn(CategoricalColumn.of(selection.labelColumn(), values));
    Map<String, String> tags = new LinkedHashMap<>();
    selection.from().ifPresent(f -> tags.put("from", f.toString()));
    selection.to().ifPresent(t -> tags.put("to", t.toString()));
    selection.modelVersion().ifPresent(v -> tags.put("model.version", v));
    DatasetVersion version = DatasetVersioner.of(clock)
        .version(data, log.toString(), "mlops prediction log export", tags);
    return new Export(data, version, truth.size() - matched.size(), unlabeled[0], duplicates, problems);
  }
}
