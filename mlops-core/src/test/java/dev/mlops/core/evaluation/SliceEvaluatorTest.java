package dev.mlops.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.Dataset;
import dev.mlops.data.NumericColumn;
import dev.mlops.evaluation.SliceConfig;
import dev.mlops.evaluation.SliceReport;
import dev.mlops.evaluation.SliceResult;
import dev.mlops.evaluation.SliceStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SliceEvaluatorTest {

  /**
   * 300 examples; region "north" (100) is 60% accurate, "south" (200) 95%; size is 0..299.
   * Overall accuracy = (60 + 190) / 300 = 0.8333.
   */
  static EvaluationData data() {
    List<String> region = new ArrayList<>();
    List<String> actual = new ArrayList<>();
    List<String> predicted = new ArrayList<>();
    double[] size = new double[300];
    for (int i = 0; i < 300; i++) {
      boolean north = i < 100;
      region.add(north ? "north" : "south");
      size[i] = i;
      actual.add("y");
      boolean correct = north ? i % 10 < 6 : i % 20 != 0;
      predicted.add(correct ? "y" : "n");
    }
    return EvaluationData.builder().actual(actual).predicted(predicted)
        .features(Dataset.of(CategoricalColumn.of("region", region), NumericColumn.of("size", size)))
        .build();
  }

  @Test
  void flagsTheSliceThatIsSignificantlyWorseThanOverall() {
    EvaluationData d = data();
    SliceReport r = SliceEvaluator.evaluate(d, SliceMetric.accuracy(),
        Slice.byValue(d, "region"), SliceConfig.defaults());

    assertThat(r.overall().value()).isEqualTo(250.0 / 300);
    assertThat(r.overallInterval().orElseThrow().lower()).isLessThan(250.0 / 300);
    assertThat(r.slices()).extracting(SliceResult::name)
        .containsExactly("region = north", "region = south");
    SliceResult north = r.slices().get(0);
    assertThat(north.size()).isEqualTo(100);
    assertThat(north.share()).isEqualTo(1.0 / 3);
    assertThat(north.metric().value()).isEqualTo(0.6);
    assertThat(north.interval().orElseThrow().upper()).isLessThan(250.0 / 300);
    assertThat(north.status()).isEqualTo(SliceStatus.SIGNIFICANTLY_WORSE);
    assertThat(r.slices().get(1).status()).isEqualTo(SliceStatus.OK);
    assertThat(r.flagged()).containsExactly(north);
  }

  @Test
  void sameSeedSameIntervalsOtherSeedOtherIntervals() {
    EvaluationData d = data();
    List<Slice> slices = Slice.byValue(d, "region");
    SliceReport a = SliceEvaluator.evaluate(d, SliceMetric.accuracy(), slices, SliceConfig.defaults());
    SliceReport b = SliceEvaluator.evaluate(d, SliceMetric.accuracy(), slices, SliceConfig.defaults());
    SliceReport c = SliceEvaluator.evaluate(d, SliceMetric.accuracy(), slices,
        SliceConfig.builder().seed(7).build());
    assertThat(a).isEqualTo(b);
    assertThat(c.slices().get(0).interval()).isNotEqualTo(a.slices().get(0).interval());
  }

  @Test
  void slicesBelowTheMinimumSizeAreReportedNotDropped() {
    EvaluationData d = data();
    SliceReport r = SliceEvaluator.evaluate(d, SliceMetric.accuracy(),
        List.of(Slice.range("size", 0, 10), Slice.where("large", f -> f.getDouble("size") >= 250)),
        SliceConfig.builder().minSliceSize(20).build());
    SliceResult small = r.slices().get(0);
    assertThat(small.name()).isEqualTo("size in [0, 10)");
    assertThat(small.size()).isEqualTo(10);
    assertThat(small.status()).isEqualTo(SliceStatus.TOO_SMALL);
    assertThat(small.metric().reason()).isEqualTo("slice has 10 examples, fewer than minSliceSize 20");
    assertThat(r.slices().get(1).size()).isEqualTo(50);
    assertThat(r.slices().get(1).status()).isEqualTo(SliceStatus.OK);
  }

  @Test
  void undefinedSliceMetricIsItsOwnStatus() {
    EvaluationData d = data();
    SliceReport r = SliceEvaluator.evaluate(d, SliceMetric.recall("n"),
        Slice.byValue(d, "region"), SliceConfig.defaults());
    assertThat(r.slices()).allSatisfy(s -> {
      assertThat(s.status()).isEqualTo(SliceStatus.METRIC_UNDEFINED);
      assertThat(s.metric().reason()).isEqualTo("no example of class 'n'");
    });
  }

  @Test
  void valueSlicesMatchNumbersNumericallyAndCategoriesExactly() {
    EvaluationData d = data();
    assertThat(Slice.value("size", 7).rows(d)).containsExactly(7);
    assertThat(Slice.value("size", 7.0).name()).isEqualTo("size = 7");
    assertThat(Slice.value("region", "north").rows(d)).hasSize(100);
    assertThat(Slice.value("region", "North").rows(d)).isEmpty();
  }

  @Test
  void numericBinsAndQuantileBinsNameTheirRanges() {
    EvaluationData d = data();
    assertThat(Slice.bins("size", 100, 200)).extracting(Slice::name).containsExactly(
        "size in [-inf, 100)", "size in [100, 200)", "size in [200, inf)", "size is missing");
    assertThat(Slice.quantileBins(d, "size", 4)).extracting(Slice::name).containsExactly(
        "size in [-inf, 74.75)", "size in [74.75, 149.5)", "size in [149.5, 224.3)",
        "size in [224.3, inf)");
  }

  @Test
  void slicingBadInputIsNamed() {
    EvaluationData d = data();
    assertThatThrownBy(() -> Slice.byValue(d, "colour"))
        .hasMessageContaining("has no column 'colour'");
    assertThatThrownBy(() -> Slice.range("size", 5, 5))
        .hasMessage("range of 'size' needs lower < upper, was [5.0, 5.0)");
    assertThatThrownBy(() -> Slice.bins("size", 3, 2))
        .hasMessage("bin edges of 'size' must be finite and strictly increasing, were [3.0, 2.0]");
    EvaluationData noFeatures = EvaluationData.builder()
        .actual(List.of("a")).predicted(List.of("a")).build();
    assertThatThrownBy(() -> Slice.range("size", 0, 1).rows(noFeatures))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("pass them with EvaluationData.builder().features(...)");
  }
}
