package dev.mlops.core.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.DataFormatException;
import dev.mlops.core.io.AtomicFiles;
import dev.mlops.data.FeatureType;
import dev.mlops.profile.ColumnProfile;
import dev.mlops.profile.DatasetProfile;
import dev.mlops.profile.ItemCount;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Writes and reads profiles in two versioned layouts holding the same state: compact JSON
 * ({@code {"format": "mlops-profile", "version": 1, ...}}, readable by any JSON tool) and a binary
 * form (magic {@code MLPF}, a version number, big-endian fields) about a third of the size. Both
 * keep every sketch item and count, so a profile read back merges and compares exactly like the
 * original, and writing it again gives the same bytes. {@link #read(Path)} tells the two apart
 * by their first bytes.
 *
 * <p>Errors in a file raise {@link DataFormatException} naming the file, the field and (for
 * JSON syntax errors) line and column. Stateless and thread-safe.
 */
public final class ProfileCodec {
  /** The {@code format} field of the JSON layout: {@value}. */
  public static final String FORMAT = "mlops-profile";
  /** The layout version this class writes and the newest it reads: {@value}. */
  public static final int VERSION = 1;
  private static final byte[] MAGIC = {'M', 'L', 'P', 'F'};
  private static final int NUMERIC = 0;
  private static final int CATEGORICAL = 1;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The two layouts. Immutable and thread-safe (an enum). */
  public enum Format {
    /** Compact JSON text. */
    JSON,
    /** The binary layout. */
    BINARY
  }

  private ProfileCodec() {}

  /**
   * Returns the profile as compact JSON text.
   *
   * @throws IllegalArgumentException if the profile is not of this module
   */
  public static String toJson(DatasetProfile profile) {
    Profile p = own(profile);
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    root.put("rowCount", p.rowCount());
    ObjectNode config = root.putObject("config");
    config.put("quantileAccuracy", p.config().quantileAccuracy());
    config.put("frequentItems", p.config().frequentItems());
    config.put("distinctPrecision", p.config().distinctPrecision());
    config.put("smallDomain", p.config().smallDomain());
    config.put("seed", p.config().seed());
    ArrayNode columns = root.putArray("columns");
    for (ColumnProfile c : p.columns()) {
      ObjectNode n = columns.addObject();
      n.put("name", c.name());
      n.put("type", c.type().name().toLowerCase(Locale.ROOT));
      n.put("count", c.count());
      n.put("missing", c.missingCount());
      if (c instanceof NumericSummary s) {
        writeNumeric(n, s);
      } else {
        writeCategorical(n, (CategoricalSummary) c);
      }
    }
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }

  private static void writeNumeric(ObjectNode n, NumericSummary s) {
    n.put("infinite", s.infiniteCount());
    boolean any = s.finiteCount() > 0;
    putNumber(n, "min", any ? s.min() : Double.NaN);
    putNumber(n, "max", any ? s.max() : Double.NaN);
    putNumber(n, "mean", any ? s.mean() : Double.NaN);
    putNumber(n, "m2", any ? s.m2() : Double.NaN);
    if (s.smallDomain().isPresent()) {
      ArrayNode domain = n.putArray("smallDomain");
      s.smallDomain().get().forEach((v, count) -> domain.addArray().add(v).add(count));
    } else {
      n.putNull("smallDomain");
    }
    QuantileSketch q = s.sketch();
    ObjectNode sketch = n.putObject("sketch");
    sketch.put("k", q.k());
    putNumber(sketch, "variance", q.variance());
    sketch.put("random", q.random());
    ArrayNode levels = sketch.putArray("levels");
    for (double[] level : q.levelItems()) {
      ArrayNode items = levels.addArray();
      for (double v : level) {
        items.add(v);
      }
    }
  }

  private static void writeCategorical(ObjectNode n, CategoricalSummary s) {
    n.put("maxCountError", s.maxCountError());
    ArrayNode items = n.putArray("items");
    for (ItemCount i : s.frequentItems()) {
      items.addObject().put("item", i.item()).put("count", i.count());
    }
    HyperLogLog h = s.distinct();
    ObjectNode distinct = n.putObject("distinct");
    distinct.put("precision", h.precision());
    distinct.put("registers", Base64.getEncoder().encodeToString(h.registers()));
  }

  /** NaN is null; ±Infinity (a variance beyond the double range) is the text "Infinity". */
  private static void putNumber(ObjectNode n, String field, double v) {
    if (Double.isNaN(v)) {
      n.putNull(field);
    } else if (Double.isInfinite(v)) {
      n.put(field, Double.toString(v));
    } else {
      n.put(field, v);
    }
  }

  /**
   * Reads a profile from JSON text.
   *
   * @param source the file name or another description, for error messages
   * @throws DataFormatException if the text is not a profile of a version this class reads
   */
  public static DatasetProfile fromJson(String json, String source) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      throw new DataFormatException(source, at == null ? 0 : at.getLineNr(),
          at == null ? 0 : at.getColumnNr(), null, "not JSON: " + e.getOriginalMessage(), e);
    }
    JsonFields f = new JsonFields(source);
    if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText(null))) {
      throw new DataFormatException(source, 0, 0, null,
          "not a profile: expected a JSON object with \"format\": \"" + FORMAT + "\"");
    }
    checkVersion(source, f.integer(root, "version", null));
    JsonNode c = f.object(root, "config", null);
    ProfileConfig config = f.config(() -> new ProfileConfig(
        (int) f.integer(c, "quantileAccuracy", null), (int) f.integer(c, "frequentItems", null),
        (int) f.integer(c, "distinctPrecision", null), (int) f.integer(c, "smallDomain", null),
        f.integer(c, "seed", null)));
    List<ColumnProfile> columns = new ArrayList<>();
    for (JsonNode n : f.array(root, "columns", null)) {
      String name = f.text(n, "name", null);
      FeatureType type = f.type(n, name);
      long count = f.integer(n, "count", name);
      long missing = f.integer(n, "missing", name);
      if (ProfileBuilder.isNumeric(type)) {
        JsonNode s = f.object(n, "sketch", name);
        List<double[]> levels = new ArrayList<>();
        for (JsonNode level : f.array(s, "levels", name)) {
          double[] items = new double[level.size()];
          for (int i = 0; i < items.length; i++) {
            items[i] = f.finite(level.get(i), "sketch item", name);
          }
          levels.add(items);
        }
        Map<Double, Long> domain = null;
        JsonNode d = n.get("smallDomain");
        if (d != null && !d.isNull()) {
          domain = new LinkedHashMap<>();
          for (JsonNode pair : f.array(n, "smallDomain", name)) {
            domain.put(f.finite(pair.get(0), "smallDomain value", name),
                f.integer(pair, 1, "smallDomain count", name));
          }
        }
        long infinite = f.integer(n, "infinite", name);
        Map<Double, Long> finalDomain = domain;
        columns.add(f.column(name, () -> NumericSummary.restore(name, type, config.smallDomain(),
            count, missing, infinite, f.number(n, "min"), f.number(n, "max"), f.number(n, "mean"),
            f.number(n, "m2"), QuantileSketch.restore((int) f.integer(s, "k", name),
                count - missing - infinite, f.number(s, "variance"), f.integer(s, "random", name),
                levels.toArray(new double[0][])), finalDomain).frozen()));
      } else {
        List<ItemCount> items = new ArrayList<>();
        for (JsonNode i : f.array(n, "items", name)) {
          String item = f.text(i, "item", name);
          long itemCount = f.integer(i, "count", name);
          items.add(f.column(name, () -> new ItemCount(item, itemCount)));
        }
        JsonNode d = f.object(n, "distinct", name);
        byte[] registers;
        try {
          registers = Base64.getDecoder().decode(f.text(d, "registers", name));
        } catch (IllegalArgumentException e) {
          throw new DataFormatException(source, 0, 0, name, "distinct.registers is not base64: "
              + e.getMessage(), e);
        }
        long maxError = f.integer(n, "maxCountError", name);
        columns.add(f.column(name, () -> CategoricalSummary.restore(name, type, count, missing,
            FrequentItems.restore(config.frequentItems(), items, maxError),
            HyperLogLog.restore((int) f.integer(d, "precision", name), registers)).frozen()));
      }
    }
    long rows = f.integer(root, "rowCount", null);
    return f.column(null, () -> new Profile(rows, config, columns));
  }

  /**
   * Returns the profile in the binary layout.
   *
   * @throws IllegalArgumentException if the profile is not of this module
   */
  public static byte[] toBinary(DatasetProfile profile) {
    Profile p = own(profile);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.write(MAGIC);
      out.writeShort(VERSION);
      out.writeLong(p.rowCount());
      ProfileConfig c = p.config();
      out.writeInt(c.quantileAccuracy());
      out.writeInt(c.frequentItems());
      out.writeInt(c.distinctPrecision());
      out.writeInt(c.smallDomain());
      out.writeLong(c.seed());
      out.writeInt(p.columns().size());
      for (ColumnProfile col : p.columns()) {
        writeString(out, col.name());
        out.writeByte(col.type().ordinal());
        out.writeLong(col.count());
        out.writeLong(col.missingCount());
        if (col instanceof NumericSummary s) {
          out.writeByte(NUMERIC);
          writeNumeric(out, s);
        } else {
          out.writeByte(CATEGORICAL);
          writeCategorical(out, (CategoricalSummary) col);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to memory", e);
    }
    return bytes.toByteArray();
  }

  private static void writeNumeric(DataOutputStream out, NumericSummary s) throws IOException {
    out.writeLong(s.infiniteCount());
    out.writeDouble(s.finiteCount() > 0 ? s.min() : Double.NaN);
    out.writeDouble(s.finiteCount() > 0 ? s.max() : Double.NaN);
    out.writeDouble(s.finiteCount() > 0 ? s.mean() : Double.NaN);
    out.writeDouble(s.finiteCount() > 0 ? s.m2() : Double.NaN);
    var domain = s.smallDomain();
    out.writeInt(domain.map(Map::size).orElse(-1));
    if (domain.isPresent()) {
      for (Map.Entry<Double, Long> e : domain.get().entrySet()) {
        out.writeDouble(e.getKey());
        out.writeLong(e.getValue());
      }
    }
    QuantileSketch q = s.sketch();
    out.writeInt(q.k());
    out.writeDouble(q.variance());
    out.writeLong(q.random());
    double[][] levels = q.levelItems();
    out.writeInt(levels.length);
    for (double[] level : levels) {
      out.writeInt(level.length);
      for (double v : level) {
        out.writeDouble(v);
      }
    }
  }

  private static void writeCategorical(DataOutputStream out, CategoricalSummary s)
      throws IOException {
    out.writeLong(s.maxCountError());
    out.writeInt(s.frequentItems().size());
    for (ItemCount i : s.frequentItems()) {
      writeString(out, i.item());
      out.writeLong(i.count());
    }
    out.writeByte(s.distinct().precision());
    out.write(s.distinct().registers());
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  /**
   * Reads a profile from the binary layout.
   *
   * @param source the file name or another description, for error messages
   * @throws DataFormatException if the bytes are not a profile of a version this class reads
   */
  public static DatasetProfile fromBinary(byte[] bytes, String source) {
    if (!hasMagic(bytes)) {
      throw new DataFormatException(source, 0, 0, null,
          "not a binary profile: it does not start with the bytes MLPF");
    }
    BinaryFields in = new BinaryFields(source, bytes);
    try {
      in.skip(MAGIC.length);
      checkVersion(source, in.data.readUnsignedShort());
      long rows = in.data.readLong();
      int k = in.data.readInt();
      int frequent = in.data.readInt();
      int precision = in.data.readInt();
      int small = in.data.readInt();
      long seed = in.data.readLong();
      ProfileConfig config = in.checked(null, () -> new ProfileConfig(k, frequent, precision, small, seed));
      int columnCount = in.size(null, "column count");
      List<ColumnProfile> columns = new ArrayList<>();
      for (int c = 0; c < columnCount; c++) {
        String name = in.string(null);
        int ordinal = in.data.readUnsignedByte();
        if (ordinal >= FeatureType.values().length) {
          throw new DataFormatException(source, 0, 0, name, "unknown feature type code " + ordinal);
        }
        FeatureType type = FeatureType.values()[ordinal];
        long count = in.data.readLong();
        long missing = in.data.readLong();
        int kind = in.data.readUnsignedByte();
        if (kind != (ProfileBuilder.isNumeric(type) ? NUMERIC : CATEGORICAL)) {
          throw new DataFormatException(source, 0, 0, name,
              "column kind " + kind + " does not fit its type " + type);
        }
        columns.add(kind == NUMERIC
            ? readNumeric(in, name, type, count, missing, config)
            : readCategorical(in, name, type, count, missing, config));
      }
      if (in.data.available() > 0) {
        throw new DataFormatException(source, 0, 0, null,
            in.data.available() + " bytes follow the last column");
      }
      return in.checked(null, () -> new Profile(rows, config, columns));
    } catch (EOFException e) {
      throw new DataFormatException(source, 0, 0, null, "the profile ends early (truncated file?)", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source, e);
    }
  }

  private static ColumnProfile readNumeric(BinaryFields in, String name, FeatureType type,
      long count, long missing, ProfileConfig config) throws IOException {
    long infinite = in.data.readLong();
    double min = in.data.readDouble();
    double max = in.data.readDouble();
    double mean = in.data.readDouble();
    double m2 = in.data.readDouble();
    int domainSize = in.data.readInt();
    Map<Double, Long> domain = null;
    if (domainSize >= 0) {
      if (domainSize > config.smallDomain()) {
        throw new DataFormatException(in.source, 0, 0, name, "small domain of " + domainSize
            + " values exceeds its limit " + config.smallDomain());
      }
      domain = new LinkedHashMap<>();
      for (int i = 0; i < domainSize; i++) {
        domain.put(in.data.readDouble(), in.data.readLong());
      }
    }
    int k = in.data.readInt();
    double variance = in.data.readDouble();
    long random = in.data.readLong();
    int height = in.size(name, "sketch levels");
    double[][] levels = new double[height][];
    for (int h = 0; h < height; h++) {
      levels[h] = new double[in.size(name, "sketch level size")];
      for (int i = 0; i < levels[h].length; i++) {
        levels[h][i] = in.data.readDouble();
        if (!Double.isFinite(levels[h][i])) {
          throw new DataFormatException(in.source, 0, 0, name, "sketch item " + levels[h][i]
              + " is not finite");
        }
      }
    }
    Map<Double, Long> finalDomain = domain;
    return in.checked(name, () -> NumericSummary.restore(name, type, config.smallDomain(), count,
        missing, infinite, min, max, mean, m2,
        QuantileSketch.restore(k, count - missing - infinite, variance, random, levels),
        finalDomain).frozen());
  }

  private static ColumnProfile readCategorical(BinaryFields in, String name, FeatureType type,
      long count, long missing, ProfileConfig config) throws IOException {
    long maxError = in.data.readLong();
    int size = in.size(name, "frequent item count");
    List<ItemCount> items = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      String item = in.string(name);
      long itemCount = in.data.readLong();
      items.add(in.checked(name, () -> new ItemCount(item, itemCount)));
    }
    int precision = in.data.readUnsignedByte();
    if (precision < 4 || precision > 18) {
      throw new DataFormatException(in.source, 0, 0, name,
          "HyperLogLog precision " + precision + " is not in [4, 18]");
    }
    byte[] registers = new byte[1 << precision];
    in.data.readFully(registers);
    return in.checked(name, () -> CategoricalSummary.restore(name, type, count, missing,
        FrequentItems.restore(config.frequentItems(), items, maxError),
        HyperLogLog.restore(precision, registers)).frozen());
  }

  /**
   * Writes a profile to {@code file} atomically ({@link AtomicFiles}: a temporary file in the same
   * folder, forced to disk, moved over {@code file}), so readers never see half a profile.
   *
   * @throws UncheckedIOException naming the file and the reason if it cannot be written
   */
  public static void write(DatasetProfile profile, Path file, Format format) {
    Objects.requireNonNull(format, "format");
    byte[] bytes = format == Format.JSON
        ? (toJson(profile) + "\n").getBytes(StandardCharsets.UTF_8)
        : toBinary(profile);
    try {
      AtomicFiles.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + AtomicFiles.reason(e), e);
    }
  }

  /**
   * Reads a profile file in either layout.
   *
   * @throws DataFormatException if the file is not a profile this class reads
   * @throws UncheckedIOException if it cannot be read
   */
  public static DatasetProfile read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + AtomicFiles.reason(e), e);
    }
    return hasMagic(bytes)
        ? fromBinary(bytes, file.toString())
        : fromJson(new String(bytes, StandardCharsets.UTF_8), file.toString());
  }

  /**
   * Returns whether {@code file} looks like a profile (binary magic, or JSON naming the format
   * near its start) rather than a data file; false when it cannot be read.
   */
  public static boolean looksLikeProfile(Path file) {
    byte[] head = new byte[256];
    int n;
    try (var in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    } catch (IOException e) {
      return false;
    }
    byte[] start = java.util.Arrays.copyOf(head, n);
    if (hasMagic(start)) {
      return true;
    }
    String text = new String(start, StandardCharsets.UTF_8).stripLeading();
    return text.startsWith("{") && text.contains("\"" + FORMAT + "\"");
  }

  private static boolean hasMagic(byte[] bytes) {
    if (bytes.length < MAGIC.length) {
      return false;
    }
    for (int i = 0; i < MAGIC.length; i++) {
      if (bytes[i] != MAGIC[i]) {
        return false;
      }
    }
    return true;
  }

  private static void checkVersion(String source, long version) {
    if (version < 1 || version > VERSION) {
      throw new DataFormatException(source, 0, 0, null, "profile version " + version
          + " is not supported; this reader knows versions 1 to " + VERSION);
    }
  }

  private static Profile own(DatasetProfile profile) {
    Objects.requireNonNull(profile, "profile");
    if (!(profile instanceof Profile p)) {
      throw new IllegalArgumentException(
          "can only write profiles of dev.mlops.core.profile, not " + profile.getClass().getName());
    }
    return p;
  }

  /** Reads typed JSON fields, naming the field and column of anything wrong. */
  private static final class JsonFields {
    private final String source;

    JsonFields(String source) {
      this.source = source;
    }

    private DataFormatException error(String column, String problem) {
      return new DataFormatException(source, 0, 0, column, problem);
    }

    JsonNode field(JsonNode n, String field, String column) {
      JsonNode v = n == null ? null : n.get(field);
      if (v == null || v.isNull()) {
        throw error(column, "field '" + field + "' is missing");
      }
      return v;
    }

    JsonNode object(JsonNode n, String field, String column) {
      JsonNode v = field(n, field, column);
      if (!v.isObject()) {
        throw error(column, "field '" + field + "' must be an object, was " + v.getNodeType());
      }
      return v;
    }

    JsonNode array(JsonNode n, String field, String column) {
      JsonNode v = field(n, field, column);
      if (!v.isArray()) {
        throw error(column, "field '" + field + "' must be an array, was " + v.getNodeType());
      }
      return v;
    }

    String text(JsonNode n, String field, String column) {
      JsonNode v = field(n, field, column);
      if (!v.isTextual()) {
        throw error(column, "field '" + field + "' must be text, was " + v.getNodeType());
      }
      return v.asText();
    }

    long integer(JsonNode n, String field, String column) {
      JsonNode v = field(n, field, column);
      if (!v.canConvertToLong() || !v.isIntegralNumber()) {
        throw error(column, "field '" + field + "' must be an integer, was " + v);
      }
      return v.asLong();
    }

    long integer(JsonNode array, int index, String what, String column) {
      JsonNode v = array == null || !array.isArray() ? null : array.get(index);
      if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
        throw error(column, what + " must be an integer, was " + v);
      }
      return v.asLong();
    }

    double finite(JsonNode v, String what, String column) {
      if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble())) {
        throw error(column, what + " must be a finite number, was " + v);
      }
      return v.asDouble();
    }

    /** A number that may be null (NaN). */
    double number(JsonNode n, String field) {
      JsonNode v = n.get(field);
      if (v == null || v.isNull()) {
        return Double.NaN;
      }
      if (v.isTextual() && ("Infinity".equals(v.asText()) || "-Infinity".equals(v.asText()))) {
        return Double.parseDouble(v.asText());
      }
      if (!v.isNumber()) {
        throw error(n.path("name").asText(null), "field '" + field + "' must be a number, was " + v);
      }
      return v.asDouble();
    }

    FeatureType type(JsonNode n, String column) {
      String t = text(n, "type", column);
      try {
        return FeatureType.valueOf(t.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw error(column, "unknown type '" + t + "'");
      }
    }

    ProfileConfig config(java.util.function.Supplier<ProfileConfig> make) {
      return column(null, make);
    }

    /** Runs a constructor, turning its argument check into a format error of the column. */
    <T> T column(String column, java.util.function.Supplier<T> make) {
      try {
        return make.get();
      } catch (IllegalArgumentException e) {
        throw new DataFormatException(source, 0, 0, column, e.getMessage(), e);
      }
    }
  }

  /** Reads binary fields, naming the column of anything wrong. */
  private static final class BinaryFields {
    private final String source;
    private final DataInputStream data;
    private final int length;

    BinaryFields(String source, byte[] bytes) {
      this.source = source;
      this.data = new DataInputStream(new ByteArrayInputStream(bytes));
      this.length = bytes.length;
    }

    void skip(int n) throws IOException {
      data.skipNBytes(n);
    }

    int size(String column, String what) throws IOException {
      int n = data.readInt();
      if (n < 0 || n > length) {
        throw new DataFormatException(source, 0, 0, column, what + " " + n + " is impossible in a "
            + length + "-byte file");
      }
      return n;
    }

    String string(String column) throws IOException {
      byte[] utf8 = new byte[size(column, "text length")];
      data.readFully(utf8);
      return new String(utf8, StandardCharsets.UTF_8);
    }

    <T> T checked(String column, java.util.function.Supplier<T> make) {
      try {
        return make.get();
      } catch (IllegalArgumentException e) {
        throw new DataFormatException(source, 0, 0, column, e.getMessage(), e);
      }
    }
  }
}
