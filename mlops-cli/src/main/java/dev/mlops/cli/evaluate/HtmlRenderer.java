package dev.mlops.cli.evaluate;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Renders an {@link EvaluationResult} as a self-contained HTML page: the text report's tables in
 * a {@code pre} block (escaped), so the page shows exactly what {@code --format text} prints.
 */
final class HtmlRenderer {
  private HtmlRenderer() {}

  static String render(EvaluationResult r) {
    StringWriter text = new StringWriter();
    try (PrintWriter w = new PrintWriter(text)) {
      new TextRenderer(w).render(r);
    }
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<title>mlops evaluate: " + escape(r.source()) + "</title>"
        + "<style>body{font-family:sans-serif;margin:2em}pre{font-size:13px;line-height:1.35}"
        + ".warn{color:#a40}</style></head><body>\n"
        + "<h1>Evaluation of " + escape(r.source()) + "</h1>\n<pre>"
        + highlight(escape(text.toString())) + "</pre>\n</body></html>";
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  /** Colours the warning lines and the flagged slices. */
  private static String highlight(String escaped) {
    return escaped.replaceAll("(?m)^(WARNING: .*|.*SIGNIFICANTLY_WORSE)$", "<span class=\"warn\">$1</span>");
  }
}
