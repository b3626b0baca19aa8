package dev.mlops.cli.evaluate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The class names of a label and a prediction column compared as scikit-learn compares what
 * pandas reads: when every present value of both columns is a decimal number, a class is its
 * number, so {@code 1}, {@code 1.0} and {@code 1e0} are the class {@code "1"} (whole numbers
 * without a fraction, the text spec inference and trained models use); otherwise the texts are
 * compared as written. Stateless.
 */
final class ClassLabels {
  private ClassLabels() {}

  /** The canonical class names of both columns, or the columns unchanged if one is not numeric. */
  static List<List<String>> canonical(List<String> actual, List<String> predicted) {
    if (!allNumbers(actual) || !allNumbers(predicted)) {
      return List.of(actual, predicted);
    }
    return List.of(numeric(actual), numeric(predicted));
  }

  /** The canonical name of one class given on the command line, in the columns' mode. */
  static String canonical(String label, List<String> actualAsRead) {
    return allNumbers(actualAsRead) && number(label) != null ? text(number(label)) : label;
  }

  private static boolean allNumbers(List<String> values) {
    for (String v : values) {
      if (v != null && number(v) == null) {
        return false;
      }
    }
    return true;
  }

  private static List<String> numeric(List<String> values) {
    List<String> out = new ArrayList<>(values.size());
    for (String v : values) {
      out.add(v == null ? null : text(number(v)));
    }
    return out;
  }

  private static BigDecimal number(String text) {
    try {
      return new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String text(BigDecimal value) {
    BigDecimal v = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    return v.scale() <= 0 ? v.toBigInteger().toString() : v.toPlainString();
  }
}
