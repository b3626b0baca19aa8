package dev.mlops.core.drift.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.drift.ColumnDrift;
import dev.mlops.drift.DriftReport;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Writes a {@link DriftReport} as JSON with the field names of the {@code ./mlops drift}
 * contract: {@code datasetDrift, driftShare, driftedColumns, columnsTested, correction, columns}
 * (and {@code headline}, the one-line verdict of {@link DriftReportText#headline}) and per
 * column {@code name, type, test, statistic, pValue, threshold, drifted,
 * referenceMissingRate, currentMissingRate, newCategories, status, reason}, plus
 * {@code adjustedPValue, missingRatePValue, missingRateDrifted, driftScore}. Absent values
 * ({@code pValue} of a distance, the statistic of a skipped column, non-finite numbers) are
 * {@code null}; {@code correction} and {@code status} are lower case.
 *
 * <p>Stateless and thread-safe.
 */
public final class DriftReportJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private DriftReportJson() {}

  /** Returns the report as a JSON tree. */
  public static ObjectNode toTree(DriftReport report) {
    Objects.requireNonNull(report, "report");
    ObjectNode root = MAPPER.createObjectNode();
    root.put("datasetDrift", report.datasetDrift());
    root.put("headline", DriftReportText.headline(report));
    root.put("driftShare", report.driftShare());
    root.put("driftedColumns", report.driftedColumns());
    root.put("columnsTested", report.columnsTested());
    root.put("correction", report.correction().name().toLowerCase(Locale.ROOT));
    ArrayNode columns = root.putArray("columns");
    for (ColumnDrift c : report.columns()) {
      ObjectNode n = columns.addObject();
      n.put("name", c.name());
      n.put("type", c.type());
      n.put("test", c.test());
      number(n, "statistic", c.statistic());
      optional(n, "pValue", c.pValue());
      optional(n, "adjustedPValue", c.adjustedPValue());
      number(n, "threshold", c.threshold());
      n.put("drifted", c.drifted());
      number(n, "driftScore", c.driftScore());
      n.put("referenceMissingRate", c.referenceMissingRate());
      n.put("currentMissingRate", c.currentMissingRate());
      optional(n, "missingRatePValue", c.missingRatePValue());
      n.put("missingRateDrifted", c.missingRateDrifted());
      ArrayNode fresh = n.putArray("newCategories");
      c.newCategories().forEach(fresh::add);
      n.put("status", c.status().name().toLowerCase(Locale.ROOT));
      if (c.reason().isPresent()) {
        n.put("reason", c.reason().get());
      } else {
        n.putNull("reason");
      }
    }
    return root;
  }

  /** Returns the report as indented JSON text. */
  public static String toJson(DriftReport report) {
    try {
      return MAPPER.writeValueAsString(toTree(report));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }

  private static void number(ObjectNode n, String field, double value) {
    if (Double.isFinite(value)) {
      n.put(field, value);
    } else {
      n.putNull(field);
    }
  }

  private static void optional(ObjectNode n, String field, OptionalDouble value) {
    if (value.isPresent()) {
      number(n, field, value.getAsDouble());
    } else {
      n.putNull(field);
    }
  }
}
