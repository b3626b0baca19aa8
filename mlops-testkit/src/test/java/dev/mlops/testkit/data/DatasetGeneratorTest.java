package dev.mlops.testkit.data;

import static dev.mlops.testkit.MlopsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.data.CategoricalDomain;
import dev.mlops.data.Dataset;
import dev.mlops.data.DatasetSpec;
import dev.mlops.data.FeatureSpec;
import dev.mlops.data.FeatureType;
import dev.mlops.data.NumericRange;
import dev.mlops.data.ViolationKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the generator promises beyond conformance (checked against the validator in mlops-core). */
class DatasetGeneratorTest {
  private static final DatasetSpec SPEC = DatasetSpec.builder()
      .feature(FeatureSpec.builder("age", FeatureType.INTEGER).range(NumericRange.closed(0, 5)).build())
      .feature(FeatureSpec.builder("city", FeatureType.CATEGORICAL)
          .domain(CategoricalDomain.of(List.of("Oslo", "Bergen"))).optional().build())
      .rows(1, 1000)
      .build();

  @Test
  void theSameSeedGivesTheSameData() {
    assertThat(DatasetGenerator.of(SPEC, 1).dataset(50)).isEqualTo(DatasetGenerator.of(SPEC, 1).dataset(50));
    assertThat(DatasetGenerator.of(SPEC, 1).dataset(50)).isNotEqualTo(DatasetGenerator.of(SPEC, 2).dataset(50));
    Dataset d = DatasetGenerator.of(SPEC, 1).dataset(200);
    assertThat(d).hasColumns("age", "city").hasColumnOfType("age", FeatureType.INTEGER).hasNoMissingValuesIn("age");
    for (double v : d.numeric("age").toArray()) {
      assertThat(v).isBetween(0.0, 5.0).isEqualTo(Math.rint(v));
    }
  }

  @Test
  void aViolationTouchesTheChosenShareOfRows() {
    Dataset bad = DatasetGenerator.of(SPEC, 3).violating(200, ViolationKind.OUT_OF_RANGE, "age", 0.1);
    long outside = java.util.Arrays.stream(bad.numeric("age").toArray()).filter(v -> v > 5).count();
    assertThat(outside).isEqualTo(20);
  }

  @Test
  void refusesWhatTheSpecCannotGive() {
    DatasetGenerator gen = DatasetGenerator.of(SPEC, 1);
    assertThatThrownBy(() -> gen.dataset(0))
        .hasMessageContaining("rows must be in the spec's bounds [1, 1000], was 0");
    assertThatThrownBy(() -> gen.violating(10, ViolationKind.NAN_NOT_ALLOWED, "city", 0.5))
        .hasMessageContaining("cannot make a NAN_NOT_ALLOWED violation on feature 'city': it has no range that disallows NaN");
    assertThatThrownBy(() -> gen.violating(10, ViolationKind.MISSING_VALUES, "city", 0.5))
        .hasMessageContaining("it is optional (minPresence 0)");
    assertThatThrownBy(() -> gen.violating(10, ViolationKind.OUT_OF_RANGE, "height", 0.5))
        .hasMessageContaining("the spec has no feature 'height'; it has [age, city]");
    assertThatThrownBy(() -> gen.violating(10, ViolationKind.OUT_OF_RANGE, "age", 0))
        .hasMessageContaining("rate must be in (0, 1], was 0.0");
    DatasetSpec unique = DatasetSpec.builder()
        .feature(FeatureSpec.builder("id", FeatureType.INTEGER).range(NumericRange.closed(0, 3)).unique(true).build())
        .build();
    assertThatThrownBy(() -> DatasetGenerator.of(unique, 1).dataset(10))
        .hasMessageContaining("feature 'id' is unique but its rules leave too few distinct values");
  }
}
