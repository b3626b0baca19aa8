package dev.mlops.cli.dashboard;

import static dev.mlops.cli.dashboard.Html.escape;

import dev.mlops.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The lifecycle dashboard being assembled: sections in the order first asked for, each holding
 * paragraphs, tables and charts in the order added. {@link #render()} gives one self-contained
 * HTML page (inline CSS and SVG, no script, no external resource), the same bytes for the same
 * content. Not thread-safe; the demo fills it from one thread.
 */
public final class Dashboard {
  private final String title;
  private final String subtitle;
  private final Map<String, Section> sections = new LinkedHashMap<>();

  /**
   * Creates an empty dashboard.
   *
   * @param title the page heading
   * @param subtitle one line under it (dataset, seed)
   */
  public Dashboard(String title, String subtitle) {
    this.title = Objects.requireNonNull(title, "title");
    this.subtitle = Objects.requireNonNull(subtitle, "subtitle");
  }

  /**
   * Returns the section with this id, created at the end of the page on first use.
   *
   * @param id lower-case letters, digits and dashes
   * @param heading the section heading, used when the section is created
   * @return the section
   */
  public Section section(String id, String heading) {
    if (!id.matches("[a-z0-9-]+")) {
      throw new IllegalArgumentException("section id must be lower-case letters, digits and dashes, was '" + id + "'");
    }
    return sections.computeIfAbsent(id, k -> new Section(k, heading));
  }

  /** Returns the ids of the sections, in page order. */
  public List<String> sectionIds() {
    return List.copyOf(sections.keySet());
  }

  /** Returns the ids of all charts, in page order. */
  public List<String> chartIds() {
    List<String> ids = new ArrayList<>();
    sections.values().forEach(s -> s.blocks.stream().filter(Chart.class::isInstance)
        .map(b -> ((Chart) b).id()).forEach(ids::add));
    return ids;
  }

  /** One stage of the lifecycle on the page. Not thread-safe. */
  public static final class Section {
    private final String id;
    private final String heading;
    private final List<Object> blocks = new ArrayList<>();

    private Section(String id, String heading) {
      this.id = id;
      this.heading = Objects.requireNonNull(heading, "heading");
    }

    /** Adds a paragraph of plain text. */
    public Section text(String paragraph) {
      blocks.add(new Paragraph(Objects.requireNonNull(paragraph, "paragraph")));
      return this;
    }

    /** Adds a sub-heading. */
    public Section heading(String text) {
      blocks.add(new SubHeading(Objects.requireNonNull(text, "text")));
      return this;
    }

    /** Adds a table; cells are plain text. */
    public Section table(List<String> columns, List<List<String>> rows) {
      blocks.add(new Table(List.copyOf(columns), rows.stream().map(List::copyOf).toList()));
      return this;
    }

    /** Adds a chart. */
    public Section chart(Chart chart) {
      blocks.add(Objects.requireNonNull(chart, "chart"));
      return this;
    }
  }

  private record Paragraph(String text) {}

  private record SubHeading(String text) {}

  private record Table(List<String> columns, List<List<String>> rows) {}

  /** Returns the page. */
  public String render() {
    StringBuilder b = new StringBuilder(64 * 1024);
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(escape(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n")
        .append("</head>\n<body>\n<header>\n<h1>").append(escape(title)).append("</h1>\n<p>")
        .append(escape(subtitle)).append("</p>\n<nav aria-label=\"Stages\"><ol>\n");
    for (Section s : sections.values()) {
      b.append("<li><a href=\"#").append(escape(s.id)).append("\">").append(escape(s.heading)).append("</a></li>\n");
    }
    b.append("</ol></nav>\n</header>\n<main>\n");
    for (Section s : sections.values()) {
      b.append("<section id=\"").append(escape(s.id)).append("\" data-section=\"").append(escape(s.id))
          .append("\" aria-labelledby=\"").append(escape(s.id)).append("-h\">\n<h2 id=\"").append(escape(s.id))
          .append("-h\">").append(escape(s.heading)).append("</h2>\n");
      for (Object block : s.blocks) {
        if (block instanceof Paragraph p) {
          b.append("<p>").append(escape(p.text)).append("</p>\n");
        } else if (block instanceof SubHeading h) {
          b.append("<h3>").append(escape(h.text)).append("</h3>\n");
        } else if (block instanceof Table t) {
          b.append(table(t.columns, t.rows));
        } else if (block instanceof Chart c) {
          b.append(c.html());
        }
      }
      b.append("</section>\n");
    }
    b.append("</main>\n<footer><p>Written by mlops-java's <code>./mlops demo</code>. Colours: Okabe–Ito "
        + "palette; every chart has a text description and its data in a table.</p></footer>\n</body>\n</html>\n");
    return b.toString();
  }

  /**
   * Writes the page atomically.
   *
   * @param file where
   * @throws IOException if it cannot be written
   */
  public void write(Path file) throws IOException {
    AtomicFiles.writeString(file, render());
  }

  static String table(List<String> columns, List<List<String>> rows) {
    StringBuilder b = new StringBuilder("<div class=\"table\"><table>\n<thead><tr>");
    columns.forEach(c -> b.append("<th scope=\"col\">").append(escape(c)).append("</th>"));
    b.append("</tr></thead>\n<tbody>\n");
    for (List<String> row : rows) {
      b.append("<tr>");
      row.forEach(c -> b.append("<td>").append(escape(c)).append("</td>"));
      b.append("</tr>\n");
    }
    b.append("</tbody></table></div>\n");
    return b.toString();
  }

  private static final String CSS = """
      body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a;
             margin: 0; background: #fafafa; }
      header, main, footer { max-width: 1180px; margin: 0 auto; padding: 0 20px; }
      header h1 { margin: 18px 0 4px; font-size: 26px; }
      nav ol { display: flex; flex-wrap: wrap; gap: 6px 18px; padding-left: 0; list-style: none; }
      section { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 6px 18px 14px;
                margin: 16px 0; display: grid; grid-template-columns: repeat(auto-fit, minmax(500px, 1fr));
                gap: 0 24px; align-items: start; }
      section > h2, section > h3, section > p { grid-column: 1 / -1; }
      h2 { font-size: 20px; margin: 10px 0 4px; }
      h3 { font-size: 16px; margin: 10px 0 2px; }
      p { margin: 4px 0; }
      figure.chart { margin: 8px 0; }
      figure.chart svg { width: 100%; height: auto; max-width: 640px; display: block; }
      figcaption { font-weight: 600; font-size: 14px; }
      figcaption .desc { font-weight: 400; color: #444; }
      details { font-size: 13px; margin-top: 2px; }
      div.table { overflow-x: auto; }
      table { border-collapse: collapse; font-size: 13px; margin: 6px 0; }
      th, td { border-bottom: 1px solid #e3e3e3; padding: 2px 8px; text-align: left;
               font-variant-numeric: tabular-nums; }
      th { background: #f0f0f0; }
      footer { color: #555; font-size: 13px; padding-bottom: 20px; }
      """;
}
