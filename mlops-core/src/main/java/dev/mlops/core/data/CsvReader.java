package dev.mlops.core.data;

import dev.mlops.DataFormatException;
import dev.mlops.data.Column;
import dev.mlops.data.Dataset;
import dev.mlops.data.DatasetSpec;
import dev.mlops.data.FeatureSpec;
import dev.mlops.data.FeatureType;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads RFC 4180 CSV with a header row into a {@link Dataset}.
 *
 * <ul>
 *   <li>Quoted fields may hold delimiters, quotes (doubled) and line breaks; CRLF, LF and CR line
 *       ends and a UTF-8 byte-order mark are accepted.
 *   <li>An empty cell is a missing value; {@code ""} (quoted empty) is the empty string in
 *       categorical and text columns.
 *   <li>Column types come from {@link Builder#spec(DatasetSpec)} or {@link Builder#type}; columns
 *       without a given type are inferred from all their values (see {@link
 *       #DEFAULT_MAX_CATEGORIES}). Inference reads a file twice; a {@link Reader} is buffered in
 *       memory first when inference is needed.
 *   <li>Parsing streams: memory holds the typed column values (8 bytes a number, 4 a category
 *       code), never the whole file's text (unless a Reader must be inferred).
 *   <li>Malformed input (unterminated quote, ragged row, a non-number in a numeric column, a
 *       duplicate header) throws {@link DataFormatException} with the source, line and column.
 * </ul>
 *
 * <p>Immutable and thread-safe; each {@code read} call has its own state.
 */
public final class CsvReader {
  /** Default field delimiter: {@value}. */
  public static final char DEFAULT_DELIMITER = ',';

  /**
   * Default cut-off for type inference: a string column with at most {@value} distinct values is
   * CATEGORICAL, one with more is TEXT.
   */
  public static final int DEFAULT_MAX_CATEGORIES = 1000;

  private final char delimiter;
  private final Map<String, FeatureType> types;
  private final int maxCategories;

  private CsvReader(Builder b) {
    this.delimiter = b.delimiter;
    this.types = Map.copyOf(b.types);
    this.maxCategories = b.maxCategories;
  }

  /** A reader with a comma delimiter and inferred types. */
  public static CsvReader defaults() {
    return builder().build();
  }

  /** Starts a builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads a CSV file; the dataset is named after the file.
   *
   * @throws DataFormatException if the file is malformed, naming the line and column
   * @throws UncheckedIOException if the file cannot be read
   */
  public Dataset read(Path file) {
    String source = file.toString();
    List<String> header;
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      header = readHeader(new CsvParser(r, source, delimiter), source);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source, e);
    }
    Map<String, FeatureType> resolved = new HashMap<>(types);
    if (!types.keySet().containsAll(header)) {
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        resolved.putAll(infer(r, source, header));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + source, e);
      }
    }
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(r, source, resolved).withName(file.getFileName().toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source, e);
    }
  }

  /**
   * Reads CSV text from a reader, which is not closed.
   *
   * @param in the text
   * @param source a name for the data used in errors and as the dataset's name
   * @throws DataFormatException if the text is malformed, naming the line and column
   */
  public Dataset read(Reader in, String source) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(source, "source");
    String text = Sources.readFully(in, source);
    List<String> header = readHeader(new CsvParser(new StringReader(text), source, delimiter), source);
    Map<String, FeatureType> resolved = new HashMap<>(types);
    if (!types.keySet().containsAll(header)) {
      resolved.putAll(infer(new StringReader(text), source, header));
    }
    return parse(new StringReader(text), source, resolved).withName(source);
  }

  private List<String> readHeader(CsvParser parser, String source) {
    if (!parser.next()) {
      throw new DataFormatException(source, 1, 0, null, "empty input: no header row");
    }
    List<String> header = List.copyOf(parser.fields());
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i);
      if (name.isEmpty()) {
        throw new DataFormatException(source, 1, i + 1, null, "empty column name in the header");
      }
      Integer earlier = seen.put(name, i + 1);
      if (earlier != null) {
        throw new DataFormatException(
            source, 1, i + 1, name, "duplicate column name (also column " + earlier + ")");
      }
    }
    return header;
  }

  private Map<String, FeatureType> infer(Reader r, String source, List<String> header) {
    CsvParser parser = new CsvParser(r, source, delimiter);
    parser.next();
    parser.header(header);
    TypeSniffer[] sniffers = new TypeSniffer[header.size()];
    for (int i = 0; i < sniffers.length; i++) {
      if (!types.containsKey(header.get(i))) {
        sniffers[i] = new TypeSniffer(maxCategories);
      }
    }
    while (parser.next()) {
      List<String> fields = checkWidth(parser, source, header);
      for (int i = 0; i < sniffers.length; i++) {
        String raw = fields.get(i);
        if (sniffers[i] != null && !raw.isEmpty()) {
          sniffers[i].observe(raw);
        }
      }
    }
    Map<String, FeatureType> out = new LinkedHashMap<>();
    for (int i = 0; i < sniffers.length; i++) {
      if (sniffers[i] != null) {
        out.put(header.get(i), sniffers[i].type());
      }
    }
    return out;
  }

  private Dataset parse(Reader r, String source, Map<String, FeatureType> resolved) {
    CsvParser parser = new CsvParser(r, source, delimiter);
    parser.next();
    List<String> header = List.copyOf(parser.fields());
    parser.header(header);
    ColumnBuilder[] builders = new ColumnBuilder[header.size()];
    for (int i = 0; i < builders.length; i++) {
      builders[i] = ColumnBuilder.of(header.get(i), resolved.get(header.get(i)));
    }
    while (parser.next()) {
      List<String> fields = checkWidth(parser, source, header);
      for (int i = 0; i < builders.length; i++) {
        ColumnBuilder b = builders[i];
        Object v =
            CellParser.parse(
                fields.get(i), parser.quoted(i), b.type(), source, parser.recordLine(), i + 1,
                b.name);
        if (v == null) {
          b.addMissing();
        } else {
          b.add(v);
        }
      }
    }
    List<Column> columns = new ArrayList<>(builders.length);
    for (ColumnBuilder b : builders) {
      columns.add(b.build());
    }
    return Dataset.of(source, columns);
  }

  private static List<String> checkWidth(CsvParser parser, String source, List<String> header) {
    List<String> fields = parser.fields();
    if (fields.size() != header.size()) {
      throw new DataFormatException(
          source, parser.recordLine(), Math.min(fields.size(), header.size()) + 1, null,
          "row has " + fields.size() + " fields, the header has " + header.size());
    }
    return fields;
  }

  /** Builds {@link CsvReader}s. Not thread-safe. */
  public static final class Builder {
    private char delimiter = DEFAULT_DELIMITER;
    private final Map<String, FeatureType> types = new HashMap<>();
    private int maxCategories = DEFAULT_MAX_CATEGORIES;

    private Builder() {}

    /**
     * Sets the field delimiter.
     *
     * @throws IllegalArgumentException for a quote or line-break character
     */
    public Builder delimiter(char value) {
      if (value == '"' || value == '\n' || value == '\r') {
        throw new IllegalArgumentException(
            "delimiter cannot be a quote or line break, was '" + value + "'");
      }
      this.delimiter = value;
      return this;
    }

    /** Takes the type of every feature of {@code spec}; other columns are inferred. */
    public Builder spec(DatasetSpec spec) {
      for (FeatureSpec f : spec.features()) {
        types.put(f.name(), f.type());
      }
      return this;
    }

    /** Declares the type of one column. */
    public Builder type(String column, FeatureType type) {
      types.put(Objects.requireNonNull(column, "column"), Objects.requireNonNull(type, "type"));
      return this;
    }

    /** Declares the types of several columns. */
    public Builder types(Map<String, FeatureType> columnTypes) {
      columnTypes.forEach(this::type);
      return this;
    }

    /**
     * Sets the inference cut-off between CATEGORICAL and TEXT.
     *
     * @throws IllegalArgumentException if {@code value < 1}
     */
    public Builder maxCategories(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("maxCategories must be >= 1, was " + value);
      }
      this.maxCategories = value;
      return this;
    }

    /** Builds the reader. */
    public CsvReader build() {
      return new CsvReader(this);
    }
  }
}
