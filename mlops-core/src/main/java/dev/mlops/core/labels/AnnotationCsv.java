package dev.mlops.core.labels;

import dev.mlops.DataFormatException;
import dev.mlops.core.data.CsvReader;
import dev.mlops.data.Column;
import dev.mlops.data.Dataset;
import dev.mlops.data.FeatureType;
import dev.mlops.labels.Annotation;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads long-form annotations (one row per item, annotator and label; optionally a timestamp)
 * from a CSV file with a header row. The item, annotator and label columns are read as text, so
 * {@code "01"} stays {@code "01"}.
 *
 * <p>Line numbers in errors assume one line per record (no quoted line breaks before the row).
 *
 * <p>Immutable and thread-safe.
 *
 * @param itemColumn header of the item id column
 * @param annotatorColumn header of the annotator id column
 * @param labelColumn header of the label column
 * @param timestampColumn header of an ISO-8601 instant column, if any
 */
public record AnnotationCsv(
    String itemColumn, String annotatorColumn, String labelColumn,
    Optional<String> timestampColumn) {

  /** Default item column: {@value} (the CLI's {@code --item-column}). */
  public static final String DEFAULT_ITEM_COLUMN = "item";
  /** Default annotator column: {@value}. */
  public static final String DEFAULT_ANNOTATOR_COLUMN = "annotator";
  /** Default label column: {@value}. */
  public static final String DEFAULT_LABEL_COLUMN = "label";

  /** Checks arguments. */
  public AnnotationCsv {
    Objects.requireNonNull(itemColumn, "itemColumn");
    Objects.requireNonNull(annotatorColumn, "annotatorColumn");
    Objects.requireNonNull(labelColumn, "labelColumn");
    Objects.requireNonNull(timestampColumn, "timestampColumn");
  }

  /** Columns {@code item}, {@code annotator}, {@code label}, no timestamp. */
  public static AnnotationCsv defaults() {
    return new AnnotationCsv(DEFAULT_ITEM_COLUMN, DEFAULT_ANNOTATOR_COLUMN, DEFAULT_LABEL_COLUMN,
        Optional.empty());
  }

  /**
   * Reads the annotations of a file.
   *
   * @param file the CSV file
   * @return the annotations in file order
   * @throws DataFormatException if the CSV is malformed, a column is absent, or an item,
   *     annotator or label cell is empty, naming the file, line and column
   * @throws java.io.UncheckedIOException if the file cannot be read
   */
  public List<Annotation> read(Path file) {
    Objects.requireNonNull(file, "file");
    CsvReader.Builder reader = CsvReader.builder()
        .type(itemColumn, FeatureType.TEXT)
        .type(annotatorColumn, FeatureType.TEXT)
        .type(labelColumn, FeatureType.TEXT);
    timestampColumn.ifPresent(t -> reader.type(t, FeatureType.TEXT));
    Dataset data = reader.build().read(file);
    String source = file.toString();
    Column item = column(data, itemColumn, source);
    Column annotator = column(data, annotatorColumn, source);
    Column label = column(data, labelColumn, source);
    Optional<Column> time = timestampColumn.map(t -> column(data, t, source));
    List<Annotation> out = new ArrayList<>(data.rowCount());
    for (int row = 0; row < data.rowCount(); row++) {
      String itemId = text(data, item, row, source);
      String annotatorId = text(data, annotator, row, source);
      String value = text(data, label, row, source);
      Optional<Instant> at = Optional.empty();
      if (time.isPresent() && !time.get().isMissing(row)) {
        at = Optional.of(instant(data, time.get(), row, source));
      }
      out.add(new Annotation(itemId, annotatorId, value, at));
    }
    return out;
  }

  private static Column column(Dataset data, String name, String source) {
    return data.find(name).orElseThrow(() -> new DataFormatException(source, 1, 0, name,
        "no column '" + name + "'; the header has " + data.columnNames()));
  }

  private static String text(Dataset data, Column column, int row, String source) {
    if (column.isMissing(row)) {
      throw new DataFormatException(source, row + 2L, position(data, column), column.name(),
          "empty " + column.name() + " cell; every annotation needs an item, annotator and label");
    }
    return column.get(row).toString();
  }

  private static Instant instant(Dataset data, Column column, int row, String source) {
    String text = column.get(row).toString();
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new DataFormatException(source, row + 2L, position(data, column), column.name(),
          "'" + text + "' is not an ISO-8601 instant such as 2024-05-01T12:00:00Z", e);
    }
  }

  private static long position(Dataset data, Column column) {
    return data.columnNames().indexOf(column.name()) + 1L;
  }
}
