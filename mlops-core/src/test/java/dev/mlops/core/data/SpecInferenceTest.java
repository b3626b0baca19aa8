package dev.mlops.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.data.BooleanColumn;
import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.Dataset;
import dev.mlops.data.DatasetSpec;
import dev.mlops.data.FeatureSpec;
import dev.mlops.data.FeatureType;
import dev.mlops.data.LengthBounds;
import dev.mlops.data.NumericColumn;
import dev.mlops.data.NumericRange;
import dev.mlops.data.TextColumn;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecInferenceTest {

  @Test
  void presenceIsTheObservedShareRoundedDown() {
    // 2 of 3 present = 0.666.. -> 0.66
    DatasetSpec spec = SpecInference.infer(Dataset.of(NumericColumn.of("x", 1, Double.NaN, 3)));
    FeatureSpec x = spec.feature("x").orElseThrow();
    assertThat(x.minPresence()).isEqualTo(0.66);
    assertThat(x.range()).contains(new NumericRange(1, 3, true, true, true, false));
  }

  @Test
  void observedInfinityIsAllowedAndBoundsTheRange() {
    FeatureSpec x = SpecInference.infer(Dataset.of(
        NumericColumn.of("x", Double.NEGATIVE_INFINITY, 0, 2))).feature("x").orElseThrow();
    assertThat(x.range()).contains(
        new NumericRange(Double.NEGATIVE_INFINITY, 2, true, true, false, true));
  }

  @Test
  void allMissingColumnIsOptionalWithoutRange() {
    FeatureSpec x = SpecInference.infer(Dataset.of(NumericColumn.of("x", Double.NaN, Double.NaN)))
        .feature("x").orElseThrow();
    assertThat(x.minPresence()).isZero();
    assertThat(x.range()).isEmpty();
  }

  @Test
  void smallDomainsBecomeCategoricalLargeOnesText() {
    Dataset data = Dataset.of(CategoricalColumn.of("c", "b", "a", "b"),
        TextColumn.of("t", "x", "yy", "zzz"));
    DatasetSpec spec = SpecInference.infer(data, InferenceConfig.builder().maxDomainSize(2).build());
    FeatureSpec c = spec.feature("c").orElseThrow();
    assertThat(c.type()).isEqualTo(FeatureType.CATEGORICAL);
    assertThat(c.domain().orElseThrow().values()).containsExactly("a", "b");
    FeatureSpec t = spec.feature("t").orElseThrow();
    assertThat(t.type()).isEqualTo(FeatureType.TEXT);
    assertThat(t.length()).contains(new LengthBounds(1, 3));
    assertThat(InferenceConfig.DEFAULT_MAX_DOMAIN_SIZE).isEqualTo(100);
  }

  @Test
  void idIsUniqueWithoutRangeAndLabelKeepsItsClasses() {
    Dataset data = Dataset.of(NumericColumn.of("id", FeatureType.INTEGER, 5, 6, 7),
        CategoricalColumn.of("y", "no", "yes", "no"), BooleanColumn.of("b", true, null, false));
    DatasetSpec spec = SpecInference.infer(data,
        InferenceConfig.builder().labelColumn("y").idColumn("id").build());
    FeatureSpec id = spec.feature("id").orElseThrow();
    assertThat(id.unique()).isTrue();
    assertThat(id.range()).isEmpty();
    assertThat(spec.labelColumn()).contains("y");
    assertThat(spec.labelClasses()).containsExactly("no", "yes");
    assertThat(spec.feature("y").orElseThrow().domain()).isEmpty();
    assertThat(spec.feature("b").orElseThrow().type()).isEqualTo(FeatureType.BOOLEAN);
    assertThat(spec.minRows()).isEqualTo(1);
    assertThat(spec.maxRows()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void repeatedIdIsNotMarkedUnique() {
    Dataset data = Dataset.of(NumericColumn.of("id", FeatureType.INTEGER, 5, 5));
    assertThat(SpecInference.infer(data, InferenceConfig.builder().idColumn("id").build())
        .feature("id").orElseThrow().unique()).isFalse();
  }

  @Test
  void absentLabelColumnIsAnError() {
    Dataset data = Dataset.of("d", List.of(NumericColumn.of("x", 1)));
    assertThatThrownBy(() -> SpecInference.infer(data,
        InferenceConfig.builder().labelColumn("y").build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no column 'y'");
    assertThatThrownBy(() -> InferenceConfig.builder().maxDomainSize(0).build())
        .hasMessageContaining("maxDomainSize must be >= 1, was 0");
  }
}
