package dev.mlops.core.data;

import dev.mlops.data.BooleanColumn;
import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.Column;
import dev.mlops.data.FeatureType;
import dev.mlops.data.NumericColumn;
import dev.mlops.data.TextColumn;
import dev.mlops.data.TimestampColumn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Accumulates the values of one column of a known type while a file streams by, in primitive or
 * dictionary-encoded form, so memory grows with the values and not with the file's text. Not
 * thread-safe.
 */
abstract class ColumnBuilder {
  final String name;

  private ColumnBuilder(String name) {
    this.name = name;
  }

  static ColumnBuilder of(String name, FeatureType type) {
    return switch (type) {
      case NUMERIC, INTEGER -> new Numeric(name, type);
      case CATEGORICAL -> new Categorical(name);
      case TEXT -> new Text(name);
      case BOOLEAN -> new Bool(name);
      case TIMESTAMP -> new Timestamp(name);
    };
  }

  abstract FeatureType type();

  abstract void addMissing();

  /** Adds a value of this builder's Java type: Double, String, Boolean or Instant. */
  abstract void add(Object value);

  abstract Column build();

  private static final class Numeric extends ColumnBuilder {
    private final FeatureType type;
    private double[] values = new double[1024];
    private int size;

    Numeric(String name, FeatureType type) {
      super(name);
      this.type = type;
    }

    @Override
    FeatureType type() {
      return type;
    }

    private void push(double v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    @Override
    void addMissing() {
      push(Double.NaN);
    }

    @Override
    void add(Object value) {
      push((Double) value);
    }

    @Override
    Column build() {
      return NumericColumn.of(name, type, Arrays.copyOf(values, size));
    }
  }

  private static final class Categorical extends ColumnBuilder {
    private final Map<String, Integer> dictionary = new HashMap<>();
    private final List<String> categories = new ArrayList<>();
    private int[] codes = new int[1024];
    private int size;

    Categorical(String name) {
      super(name);
    }

    @Override
    FeatureType type() {
      return FeatureType.CATEGORICAL;
    }

    private void push(int code) {
      if (size == codes.length) {
        codes = Arrays.copyOf(codes, size * 2);
      }
      codes[size++] = code;
    }

    @Override
    void addMissing() {
      push(CategoricalColumn.MISSING_CODE);
    }

    @Override
    void add(Object value) {
      String s = (String) value;
      Integer code = dictionary.get(s);
      if (code == null) {
        code = categories.size();
        dictionary.put(s, code);
        categories.add(s);
      }
      push(code);
    }

    @Override
    Column build() {
      return CategoricalColumn.ofCodes(name, Arrays.copyOf(codes, size), categories);
    }
  }

  private static final class Text extends ColumnBuilder {
    private final List<String> values = new ArrayList<>();

    Text(String name) {
      super(name);
    }

    @Override
    FeatureType type() {
      return FeatureType.TEXT;
    }

    @Override
    void addMissing() {
      values.add(null);
    }

    @Override
    void add(Object value) {
      values.add((String) value);
    }

    @Override
    Column build() {
      return TextColumn.of(name, values);
    }
  }

  private static final class Bool extends ColumnBuilder {
    private final List<Boolean> values = new ArrayList<>();

    Bool(String name) {
      super(name);
    }

    @Override
    FeatureType type() {
      return FeatureType.BOOLEAN;
    }

    @Override
    void addMissing() {
      values.add(null);
    }

    @Override
    void add(Object value) {
      values.add((Boolean) value);
    }

    @Override
    Column build() {
      return BooleanColumn.of(name, values);
    }
  }

  private static final class Timestamp extends ColumnBuilder {
    private final List<Instant> values = new ArrayList<>();

    Timestamp(String name) {
      super(name);
    }

    @Override
    FeatureType type() {
      return FeatureType.TIMESTAMP;
    }

    @Override
    void addMissing() {
      values.add(null);
    }

    @Override
    void add(Object value) {
      values.add((Instant) value);
    }

    @Override
    Column build() {
      return TimestampColumn.of(name, values);
    }
  }
}
