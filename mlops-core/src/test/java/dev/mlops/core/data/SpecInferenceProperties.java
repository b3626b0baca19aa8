package dev.mlops.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.mlops.data.BooleanColumn;
import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.Column;
import dev.mlops.data.Dataset;
import dev.mlops.data.DatasetSpec;
import dev.mlops.data.FeatureType;
import dev.mlops.data.NumericColumn;
import dev.mlops.data.TextColumn;
import dev.mlops.data.TimestampColumn;
import dev.mlops.data.ValidationReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Acceptance properties of inference: the JSON round trip and self-validation. */
class SpecInferenceProperties {

  /** A dataset of every column type with missing values, NaN, infinities and -0.0 mixed in. */
  static Dataset generate(long seed, int rows) {
    Random random = new Random(seed);
    List<Column> columns = new ArrayList<>();
    int count = 1 + random.nextInt(7);
    for (int c = 0; c < count; c++) {
      String name = "c" + c;
      double missing = random.nextInt(3) == 0 ? random.nextDouble() : 0;
      switch (random.nextInt(6)) {
        case 0 -> {
          double[] v = new double[rows];
          for (int r = 0; r < rows; r++) {
            int kind = random.nextInt(40);
            v[r] = random.nextDouble() < missing ? Double.NaN
                : kind == 0 ? Double.POSITIVE_INFINITY : kind == 1 ? -0.0
                : random.nextGaussian() * 1e3;
          }
          columns.add(NumericColumn.of(name, v));
        }
        case 1 -> {
          double[] v = new double[rows];
          for (int r = 0; r < rows; r++) {
            v[r] = random.nextDouble() < missing ? Double.NaN : random.nextInt(200) - 100;
          }
          columns.add(NumericColumn.of(name, FeatureType.INTEGER, v));
        }
        case 2 -> {
          List<String> v = new ArrayList<>();
          int levels = 1 + random.nextInt(8);
          for (int r = 0; r < rows; r++) {
            v.add(random.nextDouble() < missing ? null : "level-" + random.nextInt(levels));
          }
          columns.add(CategoricalColumn.of(name, v));
        }
        case 3 -> {
          List<String> v = new ArrayList<>();
          for (int r = 0; r < rows; r++) {
            v.add(random.nextDouble() < missing ? null : "t".repeat(random.nextInt(30)) + r);
          }
          columns.add(TextColumn.of(name, v));
        }
        case 4 -> {
          List<Boolean> v = new ArrayList<>();
          for (int r = 0; r < rows; r++) {
            v.add(random.nextDouble() < missing ? null : random.nextBoolean());
          }
          columns.add(BooleanColumn.of(name, v));
        }
        default -> {
          List<Instant> v = new ArrayList<>();
          for (int r = 0; r < rows; r++) {
            v.add(random.nextDouble() < missing ? null
                : Instant.ofEpochSecond(1_700_000_000L + random.nextInt(1_000_000)));
          }
          columns.add(TimestampColumn.of(name, v));
        }
      }
    }
    return Dataset.of("generated-" + seed, columns);
  }

  private static InferenceConfig config(Dataset data, long seed) {
    Random random = new Random(~seed);
    InferenceConfig.Builder b = InferenceConfig.builder().maxDomainSize(1 + random.nextInt(12));
    for (Column c : data.columns()) {
      if (c instanceof CategoricalColumn && random.nextBoolean()) {
        b.labelColumn(c.name());
      } else if (c.type() == FeatureType.INTEGER && random.nextBoolean()) {
        b.idColumn(c.name());
      }
    }
    return b.build();
  }

  @Test
  void inferredSpecSurvivesTheJsonRoundTripExactly() {
    qt().withExamples(300).forAll(longs().all(), integers().between(0, 60)).checkAssert(
        (seed, rows) -> {
          Dataset data = generate(seed, rows);
          DatasetSpec spec = SpecInference.infer(data, config(data, seed));
          String json = SpecJson.write(spec);
          assertThat(SpecJson.read(json, "generated")).isEqualTo(spec);
          assertThat(SpecJson.write(SpecJson.read(json, "generated"))).isEqualTo(json);
        });
  }

  @Test
  void validatingTheDataASpecWasInferredFromFindsNothing() {
    qt().withExamples(300).forAll(longs().all(), integers().between(0, 60)).checkAssert(
        (seed, rows) -> {
          Dataset data = generate(seed, rows);
          DatasetSpec spec = SpecInference.infer(data, config(data, seed));
          ValidationReport report = SpecValidator.of(spec).validate(data);
          assertThat(report.violations()).isEmpty();
          assertThat(report.cellsChecked()).isEqualTo((long) rows * data.columnCount());
          for (int r = 0; r < rows; r++) {
            assertThat(SpecValidator.of(spec).validate(data.row(r)).violations()).isEmpty();
          }
        });
  }
}
