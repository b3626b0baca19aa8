package dev.mlops.core.experiments.filter;

import dev.mlops.experiments.MetricPoint;
import dev.mlops.experiments.RunRecord;
import java.util.Locale;
import java.util.Optional;

/**
 * An entity and key of MLflow's search syntax, such as {@code metrics.rmse} or
 * {@code attributes.status}, and how to read its value from a run. Immutable.
 */
record SearchKey(Entity entity, String key) {

  /** The entity types (MLflow's identifier prefixes, singular and plural accepted). */
  enum Entity {
    METRIC, PARAM, TAG, ATTRIBUTE, DATASET
  }

  static Entity entity(String word, int position, String input) {
    return switch (word.toLowerCase(Locale.ROOT)) {
      case "metric", "metrics" -> Entity.METRIC;
      case "param", "params", "parameter", "parameters" -> Entity.PARAM;
      case "tag", "tags" -> Entity.TAG;
      case "attribute", "attributes", "attr", "run" -> Entity.ATTRIBUTE;
      case "dataset", "datasets" -> Entity.DATASET;
      default -> throw FilterSyntax.error(input, position, "unknown entity '" + word
          + "'; expected metrics., params., tags., attributes. or datasets.");
    };
  }

  /** Checks the key of attributes and datasets, whose keys are a fixed set. */
  static SearchKey of(Entity entity, String key, int position, String input) {
    if (entity == Entity.ATTRIBUTE && !isStringAttribute(key) && !isNumericAttribute(key)) {
      throw FilterSyntax.error(input, position, "unknown attribute '" + key
          + "'; expected run_id, run_name, status, start_time or end_time");
    }
    if (entity == Entity.DATASET && !(key.equals("name") || key.equals("digest") || key.equals("context"))) {
      throw FilterSyntax.error(input, position, "unknown dataset field '" + key
          + "'; expected name, digest or context");
    }
    return new SearchKey(entity, key);
  }

  boolean numeric() {
    return entity == Entity.METRIC || (entity == Entity.ATTRIBUTE && isNumericAttribute(key));
  }

  private static boolean isStringAttribute(String key) {
    return key.equals("run_id") || key.equals("run_name") || key.equals("status");
  }

  private static boolean isNumericAttribute(String key) {
    return key.equals("start_time") || key.equals("end_time");
  }

  /** Returns the numeric value of a metric or time attribute, empty when the run has none. */
  Optional<Double> number(RunRecord run) {
    if (entity == Entity.METRIC) {
      MetricPoint p = run.latestMetrics().get(key);
      return p == null ? Optional.empty() : Optional.of(p.value());
    }
    if (key.equals("start_time")) {
      return Optional.of((double) run.startTime().toEpochMilli());
    }
    return run.endTime().map(t -> (double) t.toEpochMilli());
  }

  /** Returns the text value of a param, tag or string attribute, empty when the run has none. */
  Optional<String> text(RunRecord run) {
    return switch (entity) {
      case PARAM -> Optional.ofNullable(run.params().get(key));
      case TAG -> Optional.ofNullable(run.tags().get(key));
      case ATTRIBUTE -> switch (key) {
        case "run_id" -> Optional.of(run.runId());
        case "run_name" -> Optional.of(run.runName());
        case "status" -> Optional.of(run.status().name());
        default -> throw new IllegalStateException("not a string attribute: " + key);
      };
      default -> throw new IllegalStateException("not a string entity: " + entity);
    };
  }

  /** Returns the field of one dataset input. */
  static String datasetField(RunRecord.DatasetInput input, String key) {
    return switch (key) {
      case "name" -> input.dataset().name();
      case "digest" -> input.dataset().digest();
      default -> input.context();
    };
  }
}
