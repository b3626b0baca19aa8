package dev.mlops.cli.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.data.BalanceReport;
import dev.mlops.data.ClassCount;
import dev.mlops.data.ClassImbalanceReport;
import dev.mlops.data.SplitBalance;
import dev.mlops.data.ValidationReport;
import dev.mlops.data.Violation;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Text and JSON forms of the data reports, shared by the subcommands and the demo. Field names of
 * the JSON forms are the record component names. Stateless and thread-safe.
 */
public final class DataReports {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private DataReports() {}

  /** Prints a validation report: a summary line, then one line per violation. */
  public static void printValidation(ValidationReport report, String source, PrintWriter out) {
    if (report.valid()) {
      out.printf(Locale.ROOT, "%s: valid (%,d rows, %,d cells checked)%n", source,
          report.rowsChecked(), report.cellsChecked());
      return;
    }
    out.printf(Locale.ROOT, "%s: %d violation%s (%,d rows, %,d cells checked)%n", source,
        report.violations().size(), report.violations().size() == 1 ? "" : "s",
        report.rowsChecked(), report.cellsChecked());
    for (Violation v : report.violations()) {
      out.printf(Locale.ROOT, "  %-22s %-20s %,d row%s; expected %s; found %s%s%n", v.feature(),
          v.kind(), v.count(), v.count() == 1 ? "" : "s", v.expected(), v.actual(), examples(v));
    }
    out.println("(rows are 0-based data rows: row 0 is the first record after the header)");
  }

  private static String examples(Violation v) {
    if (v.exampleRows().isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder("; e.g. ");
    for (int i = 0; i < v.exampleRows().size(); i++) {
      b.append(i == 0 ? "" : ", ").append("row ").append(v.exampleRows().get(i)).append('=')
          .append(v.exampleValues().get(i));
    }
    return b.toString();
  }

  /** Returns a validation report as JSON. */
  public static String validationJson(ValidationReport report, String source) {
    ObjectNode root = JSON.createObjectNode();
    root.put("source", source);
    root.put("valid", report.valid());
    root.put("rowsChecked", report.rowsChecked());
    root.put("cellsChecked", report.cellsChecked());
    ArrayNode list = root.putArray("violations");
    for (Violation v : report.violations()) {
      list.add(JSON.valueToTree(v));
    }
    return write(root);
  }

  /** Prints a balance report: per part its size and class shares, then the warnings. */
  public static void printBalance(BalanceReport report, PrintWriter out) {
    out.printf(Locale.ROOT, "label '%s' overall: %s%n", report.labelColumn(),
        shares(report.overall()));
    for (SplitBalance s : report.splits()) {
      out.printf(Locale.ROOT, "  %-5s %,7d rows  %s  (max deviation %.4f)%n", s.split().label(),
          s.rows(), shares(s.classes()), s.maxDeviation());
    }
    out.printf(Locale.ROOT, "largest class-share deviation: %.4f%n", report.largestDeviation());
    for (String w : report.warnings()) {
      out.println("warning: " + w);
    }
  }

  /** Returns a balance report as JSON. */
  public static String balanceJson(BalanceReport report) {
    return write(JSON.valueToTree(report));
  }

  /** Prints a class imbalance report on a few lines. */
  public static void printImbalance(ClassImbalanceReport report, PrintWriter out) {
    out.printf(Locale.ROOT, "label '%s', %,d rows: %s%n", report.labelColumn(), report.rows(),
        report.classes().stream()
            .map(c -> String.format(Locale.ROOT, "%s %,d (%.1f%%)", c.label(), c.count(),
                100 * c.share()))
            .collect(Collectors.joining(", ")));
    out.printf(Locale.ROOT, "imbalance ratio %.2f; rare classes (share < %.3f): %s%n",
        report.imbalanceRatio(), report.rareShare(),
        report.rareClasses().isEmpty() ? "none" : report.rareClasses());
  }

  private static String shares(java.util.List<ClassCount> classes) {
    return classes.stream()
        .map(c -> String.format(Locale.ROOT, "%s %.1f%%", c.label(), 100 * c.share()))
        .collect(Collectors.joining(", "));
  }

  private static String write(Object tree) {
    try {
      return JSON.writeValueAsString(tree);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("writing a JSON tree cannot fail", e);
    }
  }
}
