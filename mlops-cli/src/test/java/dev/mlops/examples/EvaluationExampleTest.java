package dev.mlops.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.core.evaluation.Baseline;
import dev.mlops.core.evaluation.ErrorTagger;
import dev.mlops.core.evaluation.Evaluation;
import dev.mlops.core.evaluation.EvaluationData;
import dev.mlops.core.evaluation.Prioritizer;
import dev.mlops.core.evaluation.SliceMetric;
import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.Dataset;
import dev.mlops.evaluation.ClassificationReport;
import dev.mlops.evaluation.PrioritizationTable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's "Evaluation and error analysis" example, kept compiling and true. */
class EvaluationExampleTest {

  @Test
  void evaluateTagAndPrioritize() {
    // README: evaluation and error analysis
    EvaluationData data = EvaluationData.builder()
        .actual(List.of("cat", "dog", "dog", "cat", "dog", "cat"))
        .predicted(List.of("cat", "dog", "cat", "cat", "dog", "dog"))
        .scores(new double[] {0.1, 0.8, 0.4, 0.3, 0.9, 0.6}, "dog")      // P(dog)
        .features(Dataset.of(CategoricalColumn.of("light", "day", "day", "night", "day", "day", "night")))
        .build();
    EvaluationData tagged = ErrorTagger.builder()
        .rule("dark", f -> "night".equals(f.get("light")))             // rule tagger
        .manual("4", "blurry")                                          // tag by example id
        .build().tag(data);
    ClassificationReport report = Evaluation.classification(tagged);    // sklearn definitions
    PrioritizationTable table = Prioritizer.byTag(tagged, SliceMetric.accuracy(),
        Baseline.perGroup("HLP", Map.of("dark", 0.9, "blurry", 0.8)));
    // table.rows(): dark (share 33%, accuracy 0, gap 0.9, gain 0.3), then blurry (gain -0.03)

    assertThat(report.accuracy()).isEqualTo(4.0 / 6);
    assertThat(report.rocAuc().value()).isCloseTo(8.0 / 9, within(1e-12)); // sklearn: 0.888...
    assertThat(table.rows().get(0).group()).isEqualTo("dark");
    assertThat(table.rows().get(0).potentialGain()).isCloseTo(0.3, within(1e-15));
    assertThat(table.rows().get(1).potentialGain()).isCloseTo(-0.2 / 6, within(1e-15));
  }
}
