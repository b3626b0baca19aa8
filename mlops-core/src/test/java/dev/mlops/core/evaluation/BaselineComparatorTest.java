package dev.mlops.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.Dataset;
import dev.mlops.evaluation.BaselineComparison;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BaselineComparatorTest {

  private static EvaluationData data() {
    return EvaluationData.builder()
        .actual(List.of("a", "a", "a", "b", "a", "b", "a", "a"))
        .predicted(List.of("a", "b", "a", "b", "a", "a", "a", "b"))
        .features(Dataset.of(CategoricalColumn.of("site", "x", "x", "x", "x", "y", "y", "y", "y")))
        .build();
  }

  @Test
  void comparesModelWithEveryBaselineOverallAndPerSlice() {
    EvaluationData d = data();
    List<String> previousModel = List.of("a", "a", "a", "a", "a", "b", "b", "b");
    BaselineComparison c = BaselineComparator.compare(d, SliceMetric.accuracy(),
        Slice.byValue(d, "site"),
        List.of(Baseline.constant("HLP", 0.9), Baseline.predictions("v1", previousModel),
            Baseline.majorityClass(d), Baseline.perGroup("target", Map.of("overall", 0.8))));

    assertThat(c.baselineNames())
        .containsExactly("HLP", "v1", "majority class ('a')", "target");
    BaselineComparison.Row overall = c.rows().get(0);
    assertThat(overall.group()).isEqualTo("overall");
    assertThat(overall.model().value()).isEqualTo(5.0 / 8);
    assertThat(overall.baselines().get("HLP").value()).isEqualTo(0.9);
    assertThat(overall.baselines().get("v1").value()).isEqualTo(5.0 / 8); // wrong on 3, 7, 8
    assertThat(overall.baselines().get("majority class ('a')").value()).isEqualTo(6.0 / 8);
    assertThat(overall.baselines().get("target").value()).isEqualTo(0.8);

    BaselineComparison.Row siteY = c.rows().get(2);
    assertThat(siteY.group()).isEqualTo("site = y");
    assertThat(siteY.model().value()).isEqualTo(0.5);
    assertThat(siteY.baselines().get("v1").value()).isEqualTo(0.5);
    assertThat(siteY.baselines().get("target").isDefined()).isFalse();
    assertThat(siteY.baselines().get("target").reason()).isEqualTo("no target value for 'site = y'");
  }

  @Test
  void badBaselinesAreRejected() {
    EvaluationData d = data();
    assertThatThrownBy(() -> Baseline.constant("HLP", Double.NaN))
        .hasMessage("baseline 'HLP' value must be finite, was NaN");
    assertThatThrownBy(() -> BaselineComparator.compare(d, SliceMetric.accuracy(), List.of(),
            List.of(Baseline.predictions("v1", List.of("a")))))
        .hasMessage("baseline 'v1' has 1 predictions but the data has 8 examples");
    assertThatThrownBy(() -> BaselineComparator.compare(d, SliceMetric.accuracy(), List.of(),
            List.of(Baseline.constant("HLP", 1), Baseline.constant("HLP", 0.9))))
        .hasMessage("baseline names repeat: [HLP, HLP]");
  }
}
