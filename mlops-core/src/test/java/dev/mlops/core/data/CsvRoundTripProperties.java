package dev.mlops.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.mlops.data.BooleanColumn;
import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.Column;
import dev.mlops.data.Dataset;
import dev.mlops.data.FeatureType;
import dev.mlops.data.NumericColumn;
import dev.mlops.data.TextColumn;
import dev.mlops.data.TimestampColumn;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Writing any dataset as CSV and reading it back with the same types gives the same values. */
class CsvRoundTripProperties {

  private static final String[] TRICKY =
      {"", " ", "a,b", "say \"x\"", "line\nbreak", "cr\rlf\r\n", " pad ", "ünï", "\uFEFFbom", "42",
       "true", "NaN", "2024-01-01"};

  @Test
  void writeThenReadGivesTheSameDataset() {
    qt().withExamples(300)
        .forAll(longs().all(), integers().between(0, 25), integers().between(1, 6))
        .checkAssert((seed, rows, cols) -> {
          Dataset original = randomDataset(new Random(seed), rows, cols);
          Map<String, FeatureType> types = new LinkedHashMap<>();
          original.columns().forEach(c -> types.put(c.name(), c.type()));
          for (char delimiter : new char[] {',', ';', '\t'}) {
            StringWriter out = new StringWriter();
            CsvWriter.withDelimiter(delimiter).write(original, out);
            Dataset back =
                CsvReader.builder().delimiter(delimiter).types(types).build()
                    .read(new StringReader(out.toString()), "roundtrip");
            assertThat(back).isEqualTo(original);
          }
        });
  }

  /** Inference needs at least one present value per column: an all-missing column is CATEGORICAL. */
  @Test
  void inferredTypesRoundTripForNumericBooleanAndTimestampColumns() {
    qt().withExamples(200)
        .forAll(longs().all(), integers().between(1, 25))
        .checkAssert((seed, rows) -> {
          Random r = new Random(seed);
          Dataset original = Dataset.of("d", List.of(
              numeric(r, "n", rows, FeatureType.NUMERIC, false, false),
              numeric(r, "i", rows, FeatureType.INTEGER, false, false),
              bools(r, "b", rows, false),
              timestamps(r, "t", rows, false)));
          StringWriter out = new StringWriter();
          CsvWriter.defaults().write(original, out);
          Dataset back = CsvReader.defaults().read(new StringReader(out.toString()), "roundtrip");
          assertThat(back).isEqualTo(original);
        });
  }

  private static Dataset randomDataset(Random r, int rows, int cols) {
    List<Column> columns = new ArrayList<>();
    FeatureType[] types = FeatureType.values();
    for (int c = 0; c < cols; c++) {
      FeatureType type = types[r.nextInt(types.length)];
      String name = c % 2 == 0 ? "col" + c : "col, \"" + c + "\"";
      columns.add(switch (type) {
        case NUMERIC, INTEGER -> numeric(r, name, rows, type, true, true);
        case BOOLEAN -> bools(r, name, rows, true);
        case TIMESTAMP -> timestamps(r, name, rows, true);
        case CATEGORICAL -> CategoricalColumn.of(name, strings(r, rows));
        case TEXT -> TextColumn.of(name, strings(r, rows));
      });
    }
    return Dataset.of("d", columns);
  }

  private static NumericColumn numeric(
      Random r, String name, int rows, FeatureType type, boolean specials, boolean missing) {
    double[] v = new double[rows];
    for (int i = 0; i < rows; i++) {
      int pick = missing ? r.nextInt(10) : 1 + r.nextInt(9);
      if (pick == 0) {
        v[i] = Double.NaN;
      } else if (type == FeatureType.INTEGER) {
        v[i] = r.nextInt() / (pick == 1 ? 1 : 1000);
      } else if (specials && pick == 1) {
        v[i] = r.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
      } else if (pick == 2) {
        v[i] = Double.longBitsToDouble(r.nextLong() & 0x7FEFFFFFFFFFFFFFL) * (r.nextBoolean() ? 1 : -1);
      } else {
        v[i] = r.nextGaussian() * Math.pow(10, r.nextInt(20) - 10);
      }
    }
    return NumericColumn.of(name, type, v);
  }

  private static BooleanColumn bools(Random r, String name, int rows, boolean missing) {
    List<Boolean> v = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      v.add(missing && r.nextInt(8) == 0 ? null : r.nextBoolean());
    }
    return BooleanColumn.of(name, v);
  }

  private static TimestampColumn timestamps(Random r, String name, int rows, boolean missing) {
    List<Instant> v = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      v.add(missing && r.nextInt(8) == 0
          ? null
          : Instant.ofEpochSecond(r.nextInt(2_000_000_000), r.nextInt(3) == 0 ? r.nextInt(1_000_000_000) : 0));
    }
    return TimestampColumn.of(name, v);
  }

  private static List<String> strings(Random r, int rows) {
    List<String> v = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      int pick = r.nextInt(TRICKY.length + 3);
      if (pick < TRICKY.length) {
        v.add(TRICKY[pick]);
      } else if (pick == TRICKY.length) {
        v.add(null);
      } else {
        StringBuilder sb = new StringBuilder();
        int len = r.nextInt(8);
        for (int k = 0; k < len; k++) {
          sb.append((char) (r.nextInt(0x250 - 0x20) + 0x20));
        }
        v.add(sb.toString());
      }
    }
    return v;
  }
}
