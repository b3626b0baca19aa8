package dev.mlops.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationValuesTest {

  @Test
  void metricValueKeepsNaNAndUndefinedTogether() {
    assertThat(MetricValue.of(0.5).isDefined()).isTrue();
    assertThat(MetricValue.zeroDivision(0, "never predicted").isDefined()).isTrue();
    MetricValue u = MetricValue.undefined("only one class");
    assertThat(u.isDefined()).isFalse();
    assertThat(u.toString()).isEqualTo("undefined (only one class)");
    assertThatThrownBy(u::orElseThrow).isInstanceOf(IllegalStateException.class)
        .hasMessage("metric is undefined: only one class");
    assertThatThrownBy(() -> MetricValue.of(Double.NaN))
        .hasMessage("value must be NaN exactly when the status is UNDEFINED, was NaN with DEFINED");
    assertThatThrownBy(() -> new MetricValue(1, MetricStatus.UNDEFINED, "x"))
        .hasMessage("value must be NaN exactly when the status is UNDEFINED, was 1.0 with UNDEFINED");
  }

  @Test
  void configsHaveDocumentedDefaultsAndRejectBadValues() {
    EvaluationConfig e = EvaluationConfig.defaults();
    assertThat(e.zeroDivision()).isEqualTo(ZeroDivision.WARN);
    assertThat(e.calibrationBins()).isEqualTo(5);
    assertThat(e.toBuilder().build()).isEqualTo(e);
    assertThatThrownBy(() -> EvaluationConfig.builder().calibrationBins(0).build())
        .hasMessage("calibrationBins must be >= 1, was 0");
    assertThatThrownBy(() -> EvaluationConfig.builder().absErrorQuantiles(List.of(0.5, 1.5)).build())
        .hasMessage("absErrorQuantiles must be in [0, 1], was 1.5");
    SliceConfig s = SliceConfig.defaults();
    assertThat(s.minSliceSize()).isEqualTo(30);
    assertThat(s.toBuilder().seed(7).build().seed()).isEqualTo(7);
    assertThatThrownBy(() -> SliceConfig.builder().confidenceLevel(1).build())
        .hasMessage("confidenceLevel must be in (0, 1), was 1.0");
    assertThatThrownBy(() -> SliceConfig.builder().minSliceSize(0).build())
        .hasMessage("minSliceSize must be >= 1, was 0");
  }

  @Test
  void confusionMatrixChecksShapeAndCopies() {
    long[][] counts = {{3, 1}, {0, 2}};
    ConfusionMatrix m = ConfusionMatrix.of(List.of("a", "b"), counts);
    counts[0][0] = 99;
    assertThat(m.count("a", "a")).isEqualTo(3);
    assertThat(m.count(1, 1)).isEqualTo(2);
    assertThatThrownBy(() -> m.count("a", "z")).hasMessage("label 'z' is not one of [a, b]");
    assertThatThrownBy(() -> ConfusionMatrix.of(List.of("a", "b"), new long[][] {{1, 2}}))
        .hasMessage("counts has 1 rows, expected 2 (one per label)");
  }
}
