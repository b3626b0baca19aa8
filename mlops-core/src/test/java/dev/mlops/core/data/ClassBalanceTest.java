package dev.mlops.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.data.BalanceReport;
import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.ClassCount;
import dev.mlops.data.ClassImbalanceReport;
import dev.mlops.data.Dataset;
import dev.mlops.data.DatasetSplit;
import dev.mlops.data.Split;
import dev.mlops.data.SplitFractions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassBalanceTest {

  static Dataset counts(int a, int b, int c) {
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < a; i++) {
      labels.add("a");
    }
    for (int i = 0; i < b; i++) {
      labels.add("b");
    }
    for (int i = 0; i < c; i++) {
      labels.add("c");
    }
    return Dataset.of(CategoricalColumn.of("y", labels));
  }

  @Test
  void imbalanceReportListsCountsSharesAndRareClasses() {
    ClassImbalanceReport report = ClassBalance.imbalance(counts(60, 30, 10), "y");
    assertThat(report.rows()).isEqualTo(100);
    assertThat(report.classes()).containsExactly(new ClassCount("a", 60, 0.6),
        new ClassCount("b", 30, 0.3), new ClassCount("c", 10, 0.1));
    // rare below 0.4 / 3 = 0.1333
    assertThat(report.rareShare()).isCloseTo(0.4 / 3, within(1e-12));
    assertThat(report.rareClasses()).containsExactly("c");
    assertThat(report.imbalanceRatio()).isEqualTo(6.0);
    assertThat(report.imbalanced()).isTrue();
  }

  @Test
  void balancedDataHasNoRareClass() {
    ClassImbalanceReport report = ClassBalance.imbalance(counts(50, 50, 0), "y");
    assertThat(report.rareClasses()).isEmpty();
    assertThat(report.imbalanceRatio()).isEqualTo(1.0);
  }

  @Test
  void missingLabelsAreCountedAsTheirOwnClass() {
    Dataset data = Dataset.of(CategoricalColumn.of("y", "a", null, "a"));
    assertThat(ClassBalance.imbalance(data, "y").classes()).extracting(ClassCount::label)
        .containsExactly("a", "<missing>");
  }

  @Test
  void balanceReportWarnsAboutSmallDataAndRareClassesPerPart() {
    Dataset data = counts(300, 100, 12);
    DatasetSplit split = DatasetSplitter.stratified(data, "y", SplitFractions.defaults(), 1);
    BalanceReport report = ClassBalance.balance(split, "y");
    assertThat(report.overall()).extracting(ClassCount::count).containsExactly(300L, 100L, 12L);
    assertThat(report.split(Split.TRAIN).rows()).isEqualTo(330);
    assertThat(report.split(Split.DEV).classes()).extracting(ClassCount::count)
        .containsExactly(30L, 10L, 1L);
    assertThat(report.largestDeviation()).isLessThan(0.02);
    assertThat(report.warnings()).containsExactly(
        "small data: 412 rows (< 10,000); per-split metrics will be noisy, prefer cross-validation",
        "class 'c' has only 1 example in dev (< 5)",
        "class 'c' has only 1 example in test (< 5)");
  }

  @Test
  void largestDeviationIsTheWorstShareDifference() {
    Dataset all = counts(10, 10, 0);
    DatasetSplit split = new DatasetSplit(all.selectRows(new int[] {0, 1, 2, 10}),
        all.selectRows(new int[] {3, 11, 12, 13}), all.selectRows(new int[0]));
    BalanceReport report = ClassBalance.balance(split, "y", 0);
    // overall a: 4/8 = 0.5; train a: 3/4 = 0.75; dev a: 1/4 = 0.25
    assertThat(report.split(Split.TRAIN).maxDeviation()).isCloseTo(0.25, within(1e-12));
    assertThat(report.split(Split.TEST).maxDeviation()).isZero();
    assertThat(report.largestDeviation()).isCloseTo(0.25, within(1e-12));
  }
}
