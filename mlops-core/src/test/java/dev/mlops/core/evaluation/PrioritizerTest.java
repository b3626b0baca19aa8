package dev.mlops.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.Dataset;
import dev.mlops.evaluation.PrioritizationRow;
import dev.mlops.evaluation.PrioritizationTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrioritizerTest {

  /**
   * The lifecycle notes' speech-recognition example, 10,000 clips:
   *
   * <pre>
   * tag             clips  share  accuracy  HLP   gap   gain = gap x share
   * clean speech     6000  60%    94%       95%   1%    0.60%
   * car noise         400   4%    89%       93%   4%    0.16%
   * people noise     3000  30%    87%       89%   2%    0.60%
   * low bandwidth     600   6%    70%       70%   0%    0.00%
   * </pre>
   *
   * Sorted by gain: clean speech and people noise tie at 0.6% (the larger share first), then car
   * noise, then low bandwidth.
   */
  @Test
  void reproducesTheWorkedSpeechExample() {
    EvaluationData data = speechData(new String[] {"clean speech", "car noise", "people noise",
        "low bandwidth"}, new int[] {6000, 400, 3000, 600}, new int[] {5640, 356, 2610, 420});
    Baseline hlp = Baseline.perGroup("HLP", Map.of(
        "clean speech", 0.95, "car noise", 0.93, "people noise", 0.89, "low bandwidth", 0.70));

    PrioritizationTable table = Prioritizer.byTag(data, SliceMetric.accuracy(), hlp);

    assertThat(table.examples()).isEqualTo(10_000);
    assertThat(table.skipped()).isEmpty();
    assertThat(table.rows()).extracting(PrioritizationRow::group)
        .containsExactly("clean speech", "people noise", "car noise", "low bandwidth");
    assertRow(table.rows().get(0), 6000, 0.60, 0.94, 0.95, 0.01, 0.0060);
    assertRow(table.rows().get(1), 3000, 0.30, 0.87, 0.89, 0.02, 0.0060);
    assertRow(table.rows().get(2), 400, 0.04, 0.89, 0.93, 0.04, 0.0016);
    assertRow(table.rows().get(3), 600, 0.06, 0.70, 0.70, 0.00, 0.0000);
  }

  private static void assertRow(PrioritizationRow row, int size, double share, double accuracy,
      double hlp, double gap, double gain) {
    assertThat(row.size()).isEqualTo(size);
    assertThat(row.share()).isEqualTo(share);
    assertThat(row.metric()).isEqualTo(accuracy);
    assertThat(row.baseline()).isEqualTo(hlp);
    assertThat(row.gap()).isCloseTo(gap, within(1e-15));
    assertThat(row.potentialGain()).isCloseTo(gain, within(1e-15));
  }

  @Test
  void lowerIsBetterMetricsTakeTheGapTheOtherWay() {
    EvaluationData data = speechData(new String[] {"a", "b"}, new int[] {50, 50}, new int[] {40, 45});
    PrioritizationTable table =
        Prioritizer.byTag(data, SliceMetric.errorRate(), Baseline.constant("target", 0.05));
    // a: error 0.20, gap 0.15, gain 0.075; b: error 0.10, gap 0.05, gain 0.025
    assertThat(table.rows()).extracting(PrioritizationRow::group).containsExactly("a", "b");
    assertThat(table.rows().get(0).potentialGain()).isCloseTo(0.075, within(1e-15));
    assertThat(table.rows().get(1).gap()).isCloseTo(0.05, within(1e-15));
  }

  @Test
  void groupsWithoutBaselineOrExamplesAreListedAsSkipped() {
    EvaluationData data = speechData(new String[] {"a", "b"}, new int[] {10, 10}, new int[] {9, 5});
    PrioritizationTable table = Prioritizer.table(data, SliceMetric.accuracy(),
        List.of(Slice.tag("a"), Slice.tag("b"), Slice.tag("never used")),
        Baseline.perGroup("HLP", Map.of("a", 0.99)));
    assertThat(table.rows()).extracting(PrioritizationRow::group).containsExactly("a");
    assertThat(table.skipped()).containsExactly("b: no HLP value", "never used: no examples");
  }

  @Test
  void repeatedGroupNamesAreRejected() {
    EvaluationData data = speechData(new String[] {"a"}, new int[] {3}, new int[] {2});
    assertThatThrownBy(() -> Prioritizer.table(data, SliceMetric.accuracy(),
            List.of(Slice.tag("a"), Slice.tag("a")), Baseline.constant("HLP", 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("two slices are named 'a'");
  }

  /** Builds examples tagged by a rule on a "condition" feature, with the given correct counts. */
  static EvaluationData speechData(String[] tags, int[] sizes, int[] correct) {
    List<String> condition = new ArrayList<>();
    List<String> actual = new ArrayList<>();
    List<String> predicted = new ArrayList<>();
    for (int t = 0; t < tags.length; t++) {
      for (int i = 0; i < sizes[t]; i++) {
        condition.add(tags[t]);
        actual.add("word");
        predicted.add(i < correct[t] ? "word" : "other");
      }
    }
    EvaluationData data = EvaluationData.builder()
        .actual(actual).predicted(predicted)
        .features(Dataset.of(CategoricalColumn.of("condition", condition)))
        .build();
    ErrorTagger.Builder tagger = ErrorTagger.builder();
    for (String tag : tags) {
      tagger.rule(tag, r -> tag.equals(r.get("condition")));
    }
    return tagger.build().tag(data);
  }
}
