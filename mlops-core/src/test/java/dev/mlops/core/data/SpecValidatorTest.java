package dev.mlops.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.Dataset;
import dev.mlops.data.DatasetSpec;
import dev.mlops.data.FeatureSpec;
import dev.mlops.data.FeatureType;
import dev.mlops.data.NumericColumn;
import dev.mlops.data.NumericRange;
import dev.mlops.data.Record;
import dev.mlops.data.TextColumn;
import dev.mlops.data.ValidationReport;
import dev.mlops.data.Violation;
import dev.mlops.data.ViolationKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SpecValidatorTest {

  /** 20 clean rows: id 0..19, x in [0, 1.9], color red/green/blue, label yes/no. */
  static Dataset clean() {
    int n = 20;
    double[] id = new double[n];
    double[] x = new double[n];
    String[] color = new String[n];
    String[] y = new String[n];
    for (int i = 0; i < n; i++) {
      id[i] = i;
      x[i] = i / 10.0;
      color[i] = List.of("red", "green", "blue").get(i % 3);
      y[i] = i % 4 == 0 ? "yes" : "no";
    }
    return Dataset.of("clean", List.of(
        NumericColumn.of("id", FeatureType.INTEGER, id), NumericColumn.of("x", x),
        CategoricalColumn.of("color", color), CategoricalColumn.of("y", y)));
  }

  static DatasetSpec inferred() {
    return SpecInference.infer(clean(),
        InferenceConfig.builder().labelColumn("y").idColumn("id").build());
  }

  private static Dataset replace(Dataset data, String column, int row, Object value) {
    List<Object> values = new ArrayList<>();
    for (int r = 0; r < data.rowCount(); r++) {
      values.add(r == row ? value : data.column(column).get(r));
    }
    if (data.column(column) instanceof NumericColumn num) {
      double[] d = new double[values.size()];
      for (int r = 0; r < d.length; r++) {
        d[r] = values.get(r) == null ? Double.NaN : (Double) values.get(r);
      }
      return data.withColumn(NumericColumn.of(column, num.type(), d));
    }
    return data.withColumn(CategoricalColumn.of(column, values.stream()
        .map(v -> (String) v).toList()));
  }

  private static Violation only(ValidationReport report, ViolationKind kind) {
    assertThat(report.violations()).extracting(Violation::kind).containsExactly(kind);
    return report.violations().get(0);
  }

  @Test
  void inferredSpecDescribesTheCleanData() {
    DatasetSpec spec = inferred();
    assertThat(spec.feature("x").orElseThrow().range()).contains(
        new NumericRange(0.0, 1.9, true, true, false, false));
    assertThat(spec.feature("color").orElseThrow().domain().orElseThrow().values())
        .containsExactly("blue", "green", "red");
    assertThat(spec.labelClasses()).containsExactly("no", "yes");
    assertThat(spec.feature("id").orElseThrow().unique()).isTrue();
    ValidationReport report = SpecValidator.of(spec).validate(clean());
    assertThat(report.valid()).isTrue();
    assertThat(report.rowsChecked()).isEqualTo(20);
    assertThat(report.cellsChecked()).isEqualTo(80);
  }

  @Test
  void outOfRangeIsReportedAtItsRows() {
    Dataset bad = replace(replace(clean(), "x", 3, 7.5), "x", 11, -2.0);
    Violation v = only(SpecValidator.of(inferred()).validate(bad), ViolationKind.OUT_OF_RANGE);
    assertThat(v.feature()).isEqualTo("x");
    assertThat(v.count()).isEqualTo(2);
    assertThat(v.exampleRows()).containsExactly(3L, 11L);
    assertThat(v.exampleValues()).containsExactly("7.5", "-2");
    assertThat(v.expected()).isEqualTo("in [0, 1.9]");
    assertThat(v.actual()).contains("2 of 20 values out of range").contains("[-2, 7.5]");
  }

  @Test
  void unknownCategoryIsReportedAtItsRow() {
    Dataset bad = replace(clean(), "color", 5, "purple");
    Violation v = only(SpecValidator.of(inferred()).validate(bad), ViolationKind.UNKNOWN_CATEGORY);
    assertThat(v.exampleRows()).containsExactly(5L);
    assertThat(v.exampleValues()).containsExactly("purple");
    assertThat(v.expected()).contains("[blue, green, red]");
  }

  @Test
  void toleratedShareOutsideTheDomainIsNotAViolation() {
    DatasetSpec spec = inferred();
    FeatureSpec color = spec.feature("color").orElseThrow();
    DatasetSpec tolerant = spec.toBuilder().feature(color.toBuilder().domain(
        new dev.mlops.data.CategoricalDomain(color.domain().orElseThrow().values(), 0.9)).build())
        .build();
    Dataset oneBad = replace(clean(), "color", 5, "purple");
    assertThat(SpecValidator.of(tolerant).validate(oneBad).valid()).isTrue();
    Dataset threeBad = replace(replace(oneBad, "color", 6, "pink"), "color", 7, "pink");
    Violation v = only(SpecValidator.of(tolerant).validate(threeBad), ViolationKind.UNKNOWN_CATEGORY);
    assertThat(v.count()).isEqualTo(3);
    assertThat(v.actual()).contains("share in domain 0.85");
  }

  @Test
  void missingInRequiredColumnIsReportedAtItsRow() {
    Dataset bad = replace(clean(), "color", 9, null);
    Violation v = only(SpecValidator.of(inferred()).validate(bad), ViolationKind.MISSING_VALUES);
    assertThat(v.feature()).isEqualTo("color");
    assertThat(v.exampleRows()).containsExactly(9L);
    assertThat(v.exampleValues()).containsExactly("<missing>");
    assertThat(v.expected()).contains("required");
    assertThat(v.actual()).isEqualTo("present in 19 of 20 rows, 1 missing");
  }

  @Test
  void duplicateIdIsReportedAtTheRepeatingRow() {
    Dataset bad = replace(clean(), "id", 14, 2.0);
    Violation v = only(SpecValidator.of(inferred()).validate(bad), ViolationKind.DUPLICATE_VALUE);
    assertThat(v.feature()).isEqualTo("id");
    assertThat(v.exampleRows()).containsExactly(14L);
    assertThat(v.exampleValues()).containsExactly("2");
  }

  @Test
  void nanWhereDisallowedIsReportedAtItsRow() {
    Dataset bad = replace(clean(), "x", 17, Double.NaN);
    Violation v = only(SpecValidator.of(inferred()).validate(bad), ViolationKind.NAN_NOT_ALLOWED);
    assertThat(v.feature()).isEqualTo("x");
    assertThat(v.exampleRows()).containsExactly(17L);
  }

  @Test
  void infinityIsReportedUnlessAllowed() {
    Dataset bad = replace(clean(), "x", 4, Double.POSITIVE_INFINITY);
    Violation v = only(SpecValidator.of(inferred()).validate(bad),
        ViolationKind.INFINITY_NOT_ALLOWED);
    assertThat(v.exampleRows()).containsExactly(4L);
    assertThat(v.exampleValues()).containsExactly("Infinity");
  }

  @Test
  void allInjectedFaultsAreReportedTogether() {
    Dataset bad = replace(clean(), "x", 3, 7.5);
    bad = replace(bad, "color", 5, "purple");
    bad = replace(bad, "color", 9, null);
    bad = replace(bad, "id", 14, 2.0);
    bad = replace(bad, "x", 17, Double.NaN);
    ValidationReport report = SpecValidator.of(inferred()).validate(bad);
    assertThat(report.violations()).extracting(Violation::kind).containsExactlyInAnyOrder(
        ViolationKind.OUT_OF_RANGE, ViolationKind.UNKNOWN_CATEGORY, ViolationKind.MISSING_VALUES,
        ViolationKind.DUPLICATE_VALUE, ViolationKind.NAN_NOT_ALLOWED);
    assertThat(report.violationsOf("x")).extracting(Violation::exampleRows)
        .containsExactlyInAnyOrder(List.of(3L), List.of(17L));
  }

  @Test
  void wrongTypeValuesAreViolationsAtTheirRows() {
    List<String> text = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      text.add(i == 6 ? "n/a" : i == 8 ? "abc" : Double.toString(i / 10.0));
    }
    Dataset bad = clean().withColumn(TextColumn.of("x", text));
    Violation v = only(SpecValidator.of(inferred()).validate(bad), ViolationKind.WRONG_TYPE);
    assertThat(v.exampleRows()).containsExactly(6L, 8L);
    assertThat(v.exampleValues()).containsExactly("n/a", "abc");
    assertThat(v.expected()).isEqualTo("a number");
    assertThat(v.actual()).contains("column holds TEXT");
  }

  @Test
  void fractionInIntegerFeatureIsWrongType() {
    Dataset bad = clean().withColumn(NumericColumn.of("id", 0, 1, 2.5, 3, 4, 5, 6, 7, 8, 9, 10,
        11, 12, 13, 14, 15, 16, 17, 18, 19));
    Violation v = only(SpecValidator.of(inferred()).validate(bad), ViolationKind.WRONG_TYPE);
    assertThat(v.exampleRows()).containsExactly(2L);
    assertThat(v.expected()).isEqualTo("whole numbers");
  }

  @Test
  void emptyDatasetIsAReportedRowCount() {
    Dataset empty = clean().selectRows(new int[0]);
    Violation v = only(SpecValidator.of(inferred()).validate(empty), ViolationKind.ROW_COUNT);
    assertThat(v.feature()).isEqualTo(Violation.DATASET);
    assertThat(v.actual()).isEqualTo("the dataset is empty");
    assertThat(v.expected()).isEqualTo("at least 1 row");
  }

  @Test
  void allMissingColumnIsReported() {
    double[] nan = new double[20];
    java.util.Arrays.fill(nan, Double.NaN);
    DatasetSpec spec = inferred().toBuilder().feature(FeatureSpec.builder("x", FeatureType.NUMERIC)
        .build()).build();
    Violation v = only(SpecValidator.of(spec).validate(clean().withColumn(
        NumericColumn.of("x", nan))), ViolationKind.MISSING_VALUES);
    assertThat(v.count()).isEqualTo(20);
    assertThat(v.actual()).isEqualTo("all 20 values missing");
    assertThat(v.exampleRows()).hasSize(SpecValidator.DEFAULT_MAX_EXAMPLES);
  }

  @Test
  void absentLabelColumnIsReported() {
    Dataset noLabel = clean().select(List.of("id", "x", "color"));
    Violation v = only(SpecValidator.of(inferred()).validate(noLabel), ViolationKind.UNKNOWN_LABEL);
    assertThat(v.feature()).isEqualTo("y");
    assertThat(v.actual()).isEqualTo("the label column is absent");
  }

  @Test
  void unknownLabelClassIsReportedAtItsRow() {
    Violation v = only(SpecValidator.of(inferred()).validate(replace(clean(), "y", 2, "maybe")),
        ViolationKind.UNKNOWN_LABEL);
    assertThat(v.exampleRows()).containsExactly(2L);
    assertThat(v.exampleValues()).containsExactly("maybe");
  }

  @Test
  void absentAndUnexpectedColumnsAreReported() {
    Dataset renamed = clean().select(List.of("id", "color", "y"))
        .withColumn(clean().column("x").withName("x2"));
    ValidationReport report = SpecValidator.of(inferred()).validate(renamed);
    assertThat(report.violations()).extracting(Violation::feature, Violation::kind).containsExactly(
        org.assertj.core.groups.Tuple.tuple("x", ViolationKind.MISSING_FEATURE),
        org.assertj.core.groups.Tuple.tuple("x2", ViolationKind.UNEXPECTED_FEATURE));
  }

  @Test
  void examplesAreCappedButCountIsComplete() {
    Dataset bad = clean();
    for (int r = 0; r < 12; r++) {
      bad = replace(bad, "x", r, 100.0 + r);
    }
    Violation v = only(SpecValidator.of(inferred(), 3).validate(bad), ViolationKind.OUT_OF_RANGE);
    assertThat(v.count()).isEqualTo(12);
    assertThat(v.exampleRows()).containsExactly(0L, 1L, 2L);
  }

  private static Record record(Object id, Object x, Object color) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("x", x);
    m.put("color", color);
    return Record.of(m);
  }

  @Test
  void validRecordGivesTheSharedValidReport() {
    SpecValidator validator = SpecValidator.of(inferred());
    ValidationReport report = validator.validate(record(3, 0.5, "red"));
    assertThat(report.valid()).isTrue();
    assertThat(report.cellsChecked()).isEqualTo(3);
    assertThat(validator.validate(record(4, 0.7, "blue"))).isSameAs(report);
  }

  @Test
  void invalidRecordReportsEachProblem() {
    SpecValidator validator = SpecValidator.of(inferred());
    ValidationReport report = validator.validate(record(3, "high", "purple"));
    assertThat(report.violations()).extracting(Violation::feature, Violation::kind).containsExactly(
        org.assertj.core.groups.Tuple.tuple("x", ViolationKind.WRONG_TYPE),
        org.assertj.core.groups.Tuple.tuple("color", ViolationKind.UNKNOWN_CATEGORY));
    assertThat(report.violations().get(0).actual()).isEqualTo("text 'high'");
    assertThat(validator.validate(record(3, 5.0, null)).violations())
        .extracting(Violation::kind)
        .containsExactly(ViolationKind.OUT_OF_RANGE, ViolationKind.MISSING_VALUES);
    assertThat(validator.validate(record(3, Double.NaN, "red")).violations())
        .extracting(Violation::kind).containsExactly(ViolationKind.NAN_NOT_ALLOWED);
    assertThat(validator.validate(record(2.5, 0.1, "red")).violations())
        .extracting(Violation::kind).containsExactly(ViolationKind.WRONG_TYPE);
  }

  @Test
  void recordWithExtraAndAbsentFeaturesIsReported() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", 1);
    m.put("color", "red");
    m.put("extra", 1);
    ValidationReport report = SpecValidator.of(inferred()).validate(Record.of(m));
    assertThat(report.violations()).extracting(Violation::feature, Violation::kind).containsExactly(
        org.assertj.core.groups.Tuple.tuple("x", ViolationKind.MISSING_FEATURE),
        org.assertj.core.groups.Tuple.tuple("extra", ViolationKind.UNEXPECTED_FEATURE));
  }

  @Test
  void recordWithLabelIsCheckedAgainstTheClasses() {
    Map<String, Object> m = new LinkedHashMap<>(record(1, 0.1, "red").toMap());
    m.put("y", "maybe");
    assertThat(SpecValidator.of(inferred()).validate(Record.of(m)).violations())
        .extracting(Violation::kind).containsExactly(ViolationKind.UNKNOWN_LABEL);
  }

  @Test
  void oneValidatorServesManyThreadsWithIdenticalResults() throws Exception {
    SpecValidator validator = SpecValidator.of(inferred());
    Dataset bad = replace(clean(), "x", 3, 7.5);
    ValidationReport expected = validator.validate(bad);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        results.add(pool.submit(() -> {
          int invalid = 0;
          for (int i = 0; i < 500; i++) {
            assertThat(validator.validate(bad)).isEqualTo(expected);
            if (!validator.validate(record(i % 20, i % 2 == 0 ? 0.5 : 9.0, "red")).valid()) {
              invalid++;
            }
          }
          return invalid;
        }));
      }
      int total = 0;
      for (Future<Integer> f : results) {
        total += f.get();
      }
      assertThat(total).isEqualTo(4 * 250);
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void booleanAndTimestampTextIsParsedAndWrongValuesAreReported() {
    DatasetSpec spec = DatasetSpec.builder()
        .feature(FeatureSpec.builder("flag", FeatureType.BOOLEAN).build())
        .feature(FeatureSpec.builder("at", FeatureType.TIMESTAMP).build())
        .build();
    Dataset data = Dataset.of(CategoricalColumn.of("flag", "true", "FALSE", "yes"),
        TextColumn.of("at", "2024-01-31T12:00:00Z", "yesterday", "2024-02-01T00:00:00Z"));
    ValidationReport report = SpecValidator.of(spec).validate(data);
    assertThat(report.violations()).extracting(Violation::feature, Violation::kind,
        Violation::exampleRows).containsExactly(
        org.assertj.core.groups.Tuple.tuple("flag", ViolationKind.WRONG_TYPE, List.of(2L)),
        org.assertj.core.groups.Tuple.tuple("at", ViolationKind.WRONG_TYPE, List.of(1L)));
    assertThat(report.violations().get(0).expected()).isEqualTo("true or false");
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("flag", "maybe");
    m.put("at", java.time.Instant.EPOCH);
    assertThat(SpecValidator.of(spec).validate(Record.of(m)).violations())
        .extracting(Violation::feature).containsExactly("flag");
  }

  @Test
  void lengthBoundsAreChecked() {
    DatasetSpec spec = DatasetSpec.builder().feature(FeatureSpec.builder("t", FeatureType.TEXT)
        .length(new dev.mlops.data.LengthBounds(2, 4)).build()).build();
    Violation v = only(SpecValidator.of(spec).validate(Dataset.of(
        TextColumn.of("t", "ab", "a", "abcde", "abc"))), ViolationKind.LENGTH_OUT_OF_RANGE);
    assertThat(v.exampleRows()).containsExactly(1L, 2L);
    assertThat(v.expected()).isEqualTo("length in [2, 4]");
  }
}
