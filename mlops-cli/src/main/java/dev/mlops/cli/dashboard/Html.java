package dev.mlops.cli.dashboard;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/** HTML escaping and number formatting shared by the dashboard's renderers. Stateless, thread-safe. */
public final class Html {
  private Html() {}

  /**
   * Escapes text for HTML element content and double-quoted attribute values.
   *
   * @param text any text
   * @return the text with {@code & < > " '} replaced by entities
   */
  public static String escape(String text) {
    StringBuilder b = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** Formats a coordinate with at most two decimals (Locale-independent, no trailing zeros). */
  static String num(double v) {
    return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }

  /**
   * Formats a value for a tick label or a data table: four significant digits, plain notation
   * between 1e-4 and 1e7, else scientific.
   *
   * @param v any value
   * @return its text, {@code n/a} for NaN
   */
  public static String value(double v) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    double a = Math.abs(v);
    if (a == 0 || (a >= 1e-4 && a < 1e7)) {
      return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
    return String.format(Locale.ROOT, "%.3e", v);
  }
}
