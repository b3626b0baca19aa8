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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads RFC 4180 CSV with a header row into a {@link Dataset}.
 *
 * <ul>
 *   <li>Quoted fields may hold delimiters, quotes (doubled) and line breaks; CRLF, LF and CR line
 *       ends and a UTF-8 byte-order mark are accepted. Blank lines at the end are ignored, as
 *       pandas and Python's {@code csv} module do (in a one-column file a blank line is a
 *       missing value, as {@link CsvWriter} writes it).
 *   <li>An empty cell is a missing value, and so is a cell whose whole text is one of the {@link
 *       Builder#naValues missing-value tokens} (none by default; pandas' {@code na_values} with
 *       {@code keep_default_na=False}); {@code ""} (quoted empty) is the empty string in
 *       categorical and text columns.
 *   <li>Column types come from {@link Builder#spec(DatasetSpec)} or {@link Builder#type}; other
 *       columns are read as {@link Builder#defaultType} when one is set, else inferred from all
 *       their values (see {@link #DEFAULT_MAX_CATEGORIES}). Inference reads a file twice; a {@link
 *       Reader} is buffered in memory first when inference is needed. An integer beyond
 *       &plusmn;2<sup>53</sup> does not fit a double exactly, so a column holding one is inferred
 *       as CATEGORICAL or TEXT and a column declared INTEGER rejects it. A decimal beyond the
 *       double range ({@code 1e309}) reads as &plusmn;Infinity, as in Python and Java.
 *   <li>When a few values (at most a tenth) keep a numeric column from being numeric, {@link
 *       #readWithReport} names the column and the values in a {@link Downgrade}.
 *   <li>Parsing streams: memory holds the typed column values (8 bytes a number, 4 a category
 *       code), never the whole file's text (unless a Reader must be inferred). {@link #open} reads
 *       one record at a time, keeping each cell's original text.
 *   <li>Malformed input (unterminated quote, ragged row, invalid UTF-8, a duplicate header)
 *       throws {@link DataFormatException} with the source, line and column; so does a value of
 *       the wrong type for its column, unless the reader is {@link Builder#lenient lenient}: then
 *       the cell becomes missing and is reported as an {@link InvalidCell}. An I/O failure is an
 *       {@link UncheckedIOException} naming the file, the line and the reason.
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

  /** How many invalid cells a lenient read lists (all are counted): {@value}. */
  public static final int MAX_LISTED_INVALID_CELLS = 1000;

  private final char delimiter;
  private final Map<String, FeatureType> types;
  private final FeatureType defaultType;
  private final int maxCategories;
  private final Set<String> naValues;
  private final boolean lenient;

  private CsvReader(Builder b) {
    this.delimiter = b.delimiter;
    this.types = Map.copyOf(b.types);
    this.defaultType = b.defaultType;
    this.maxCategories = b.maxCategories;
    this.naValues = Set.copyOf(b.naValues);
    this.lenient = b.lenient;
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
   * A numeric column inferred as a string column because of a few values.
   *
   * @param column the column
   * @param readAs the type it was read as (CATEGORICAL or TEXT)
   * @param numericType the type its other values have (INTEGER or NUMERIC)
   * @param offending how many present values are not numbers
   * @param present how many values are present
   * @param examples up to five of the offending values
   */
  public record Downgrade(String column, FeatureType readAs, FeatureType numericType,
      long offending, long present, List<String> examples) {
    /** Copies the examples. */
    public Downgrade {
      examples = List.copyOf(examples);
    }

    /** A one-line warning naming the column and the values. */
    public String message() {
      return "column '" + column + "' is read as " + readAs + ", not " + numericType + ", because "
          + offending + " of " + present + " values are not numbers (or are integers beyond"
          + " ±2^53): " + examples.stream().map(v -> "'" + v + "'").toList()
          + "; declare such tokens missing (na-values) or declare the column's type";
    }
  }

  /**
   * A cell of the wrong type that a lenient read made missing.
   *
   * @param line the 1-based line of its record
   * @param row the 0-based data row
   * @param column the 1-based column
   * @param feature the column's name
   * @param text the cell's text
   * @param expected the column's type
   */
  public record InvalidCell(long line, long row, int column, String feature, String text,
      FeatureType expected) {
    /** A one-line description. */
    public String message() {
      return "line " + line + " (row " + row + "), column " + column + " '" + feature + "': '"
          + text + "' is not " + expected + "; read as missing";
    }
  }

  /**
   * A dataset with what the read noticed.
   *
   * @param dataset the data
   * @param downgrades the inferred columns a few values turned into strings
   * @param invalidCells the first {@link #MAX_LISTED_INVALID_CELLS} cells a lenient read made
   *     missing, in file order
   * @param invalidCellCount how many cells a lenient read made missing
   */
  public record Result(Dataset dataset, List<Downgrade> downgrades, List<InvalidCell> invalidCells,
      long invalidCellCount) {
    /** Copies the lists. */
    public Result {
      Objects.requireNonNull(dataset, "dataset");
      downgrades = List.copyOf(downgrades);
      invalidCells = List.copyOf(invalidCells);
    }
  }

  /**
   * Reads a CSV file; the dataset is named after the file.
   *
   * @throws DataFormatException if the file is malformed, naming the line and column
   * @throws UncheckedIOException if the file cannot be read, naming it and the reason
   */
  public Dataset read(Path file) {
    return readWithReport(file).dataset();
  }

  /**
   * Reads a CSV file and reports downgraded columns and (when lenient) invalid cells.
   *
   * @throws DataFormatException if the file is malformed, naming the line and column
   * @throws UncheckedIOException if the file cannot be read, naming it and the reason
   */
  public Result readWithReport(Path file) {
    String source = file.toString();
    List<String> header = withFile(file, r -> readHeader(new CsvParser(r, source, delimiter), source));
    Map<String, FeatureType> resolved = new HashMap<>(types);
    List<Downgrade> downgrades = new ArrayList<>();
    if (needsInference(header)) {
      resolved.putAll(withFile(file, r -> infer(r, source, header, downgrades)));
    }
    Result parsed = withFile(file, r -> parse(r, source, resolved, downgrades));
    return new Result(parsed.dataset().withName(file.getFileName().toString()), downgrades,
        parsed.invalidCells(), parsed.invalidCellCount());
  }

  /**
   * Reads CSV text from a reader, which is not closed.
   *
   * @param in the text
   * @param source a name for the data used in errors and as the dataset's name
   * @throws DataFormatException if the text is malformed, naming the line and column
   */
  public Dataset read(Reader in, String source) {
    return readWithReport(in, source).dataset();
  }

  /**
   * Reads CSV text from a reader, which is not closed, and reports what {@link
   * #readWithReport(Path)} reports.
   *
   * @param in the text
   * @param source a name for the data used in errors and as the dataset's name
   * @throws DataFormatException if the text is malformed, naming the line and column
   */
  public Result readWithReport(Reader in, String source) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(source, "source");
    String text = Sources.readFully(in, source);
    List<String> header = readHeader(new CsvParser(new StringReader(text), source, delimiter), source);
    Map<String, FeatureType> resolved = new HashMap<>(types);
    List<Downgrade> downgrades = new ArrayList<>();
    if (needsInference(header)) {
      resolved.putAll(infer(new StringReader(text), source, header, downgrades));
    }
    return parse(new StringReader(text), source, resolved, downgrades);
  }

  /**
   * Opens a file for reading one record at a time, each cell's original text kept; the caller
   * closes the returned rows. Types, missing-value tokens and leniency apply when a cell is read
   * as a value ({@link CsvRows#value}).
   *
   * @throws DataFormatException if the header is missing or malformed
   * @throws UncheckedIOException if the file cannot be read, naming it and the reason
   */
  public CsvRows open(Path file) {
    String source = file.toString();
    Reader r = Sources.open(file);
    try {
      CsvParser parser = new CsvParser(r, source, delimiter);
      List<String> header = readHeader(parser, source);
      return new CsvRows(r, new RecordStream(parser, source, header), source, header, naValues);
    } catch (RuntimeException e) {
      try {
        r.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  private boolean needsInference(List<String> header) {
    return defaultType == null && !types.keySet().containsAll(header);
  }

  /** Runs one pass over a file, closing it; I/O failures name the file and the reason. */
  private static <T> T withFile(Path file, Function<Reader, T> pass) {
    try (Reader r = Sources.open(file)) {
      return pass.apply(r);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + Sources.reason(e), e);
    }
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

  private Map<String, FeatureType> infer(
      Reader r, String source, List<String> header, List<Downgrade> downgrades) {
    CsvParser parser = new CsvParser(r, source, delimiter);
    parser.next();
    RecordStream records = new RecordStream(parser, source, header);
    TypeSniffer[] sniffers = new TypeSniffer[header.size()];
    for (int i = 0; i < sniffers.length; i++) {
      if (!types.containsKey(header.get(i))) {
        sniffers[i] = new TypeSniffer(maxCategories);
      }
    }
    while (records.next()) {
      List<String> fields = records.fields();
      for (int i = 0; i < sniffers.length; i++) {
        String raw = fields.get(i);
        if (sniffers[i] != null && !raw.isEmpty() && !naValues.contains(raw)) {
          sniffers[i].observe(raw);
        }
      }
    }
    Map<String, FeatureType> out = new LinkedHashMap<>();
    for (int i = 0; i < sniffers.length; i++) {
      TypeSniffer sniffer = sniffers[i];
      if (sniffer != null) {
        FeatureType type = sniffer.type();
        out.put(header.get(i), type);
        List<String> offending = sniffer.downgrade();
        if (!offending.isEmpty()) {
          downgrades.add(new Downgrade(header.get(i), type, sniffer.numericType(),
              sniffer.notNumericCount(), sniffer.presentCount(), offending));
        }
      }
    }
    return out;
  }

  private Result parse(
      Reader r, String source, Map<String, FeatureType> resolved, List<Downgrade> downgrades) {
    CsvParser parser = new CsvParser(r, source, delimiter);
    parser.next();
    List<String> header = List.copyOf(parser.fields());
    RecordStream records = new RecordStream(parser, source, header);
    ColumnBuilder[] builders = new ColumnBuilder[header.size()];
    for (int i = 0; i < builders.length; i++) {
      FeatureType type = resolved.get(header.get(i));
      builders[i] = ColumnBuilder.of(header.get(i), type == null ? defaultType : type);
    }
    List<InvalidCell> invalid = new ArrayList<>();
    long invalidCount = 0;
    while (records.next()) {
      List<String> fields = records.fields();
      for (int i = 0; i < builders.length; i++) {
        ColumnBuilder b = builders[i];
        String raw = fields.get(i);
        Object v = null;
        if (!naValues.contains(raw)) {
          try {
            v = CellParser.parse(
                raw, records.quoted(i), b.type(), source, records.line(), i + 1, b.name);
          } catch (DataFormatException e) {
            if (!lenient) {
              throw e;
            }
            if (invalid.size() < MAX_LISTED_INVALID_CELLS) {
              invalid.add(new InvalidCell(
                  records.line(), records.row(), i + 1, b.name, raw, b.type()));
            }
            invalidCount++;
          }
        }
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
    return new Result(Dataset.of(source, columns), downgrades, invalid, invalidCount);
  }

  /** Builds {@link CsvReader}s. Not thread-safe. */
  public static final class Builder {
    private char delimiter = DEFAULT_DELIMITER;
    private final Map<String, FeatureType> types = new HashMap<>();
    private int maxCategories = DEFAULT_MAX_CATEGORIES;
    private FeatureType defaultType;
    private final Set<String> naValues = new HashSet<>();
    private boolean lenient;

    private Builder() {}

    /**
     * Reads every column without a declared type as {@code type} instead of inferring it; {@code
     * CATEGORICAL} keeps each cell's text exactly, for data that is passed through.
     */
    public Builder defaultType(FeatureType type) {
      this.defaultType = Objects.requireNonNull(type, "type");
      return this;
    }

    /**
     * Sets the missing-value tokens: a cell whose whole text is one of them (e.g. {@code n/a},
     * {@code NULL}) is missing in every column, quoted or not. Default: none, only an empty cell
     * is missing.
     *
     * @throws IllegalArgumentException if a token is empty (an empty cell is always missing)
     */
    public Builder naValues(Set<String> tokens) {
      for (String t : tokens) {
        if (Objects.requireNonNull(t, "token").isEmpty()) {
          throw new IllegalArgumentException("an empty cell is always missing; give non-empty tokens");
        }
      }
      naValues.clear();
      naValues.addAll(tokens);
      return this;
    }

    /**
     * Makes a cell of the wrong type for its column missing, reporting it in {@link
     * Result#invalidCells()}, instead of failing the read. Default: strict.
     */
    public Builder lenient(boolean value) {
      this.lenient = value;
      return this;
    }

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
