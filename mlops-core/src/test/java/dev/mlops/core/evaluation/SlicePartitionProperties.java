package dev.mlops.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.Dataset;
import dev.mlops.data.NumericColumn;
import dev.mlops.evaluation.SliceConfig;
import dev.mlops.evaluation.SliceReport;
import dev.mlops.evaluation.SliceResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The partition factories hold every example exactly once, missing values included. */
class SlicePartitionProperties {

  private static EvaluationData data(List<Integer> codes) {
    int n = codes.size();
    double[] x = new double[n];
    List<String> category = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    List<String> predicted = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int c = codes.get(i);
      x[i] = c % 7 == 0 ? Double.NaN : c * 0.37 - 5;
      category.add(c % 5 == 0 ? null : "k" + (c % 4));
      labels.add(c % 2 == 0 ? "a" : "b");
      predicted.add(c % 3 == 0 ? "a" : "b");
    }
    return EvaluationData.builder().actual(labels).predicted(predicted)
        .features(Dataset.of(NumericColumn.of("x", x), CategoricalColumn.of("k", category)))
        .build();
  }

  @Test
  void numericBinSupportsSumToTheTotal() {
    qt().withExamples(200)
        .forAll(lists().of(integers().between(0, 60)).ofSizeBetween(1, 80),
            doubles().between(-10, 10), doubles().between(0.01, 5))
        .checkAssert((codes, first, width) -> {
          EvaluationData d = data(codes);
          int total = 0;
          int[] seen = new int[d.size()];
          for (Slice s : Slice.bins("x", first, first + width, first + 2 * width)) {
            for (int row : s.rows(d)) {
              seen[row]++;
              total++;
            }
          }
          assertThat(total).isEqualTo(d.size());
          assertThat(seen).containsOnly(1);
        });
  }

  @Test
  void valueAndQuantileSliceSupportsInTheReportSumToTheTotal() {
    SliceConfig config = SliceConfig.builder().minSliceSize(1).bootstrapResamples(10).build();
    qt().withExamples(100)
        .forAll(lists().of(integers().between(0, 60)).ofSizeBetween(1, 60),
            integers().between(2, 6))
        .checkAssert((codes, bins) -> {
          EvaluationData d = data(codes);
          for (List<Slice> partition : List.of(Slice.byValue(d, "k"), Slice.byValue(d, "x"),
              quantileBinsOrAll(d, bins))) {
            SliceReport r = SliceEvaluator.evaluate(d, SliceMetric.accuracy(), partition, config);
            assertThat(r.slices().stream().mapToInt(SliceResult::size).sum()).isEqualTo(d.size());
          }
        });
  }

  private static List<Slice> quantileBinsOrAll(EvaluationData d, int bins) {
    boolean anyPresent = false;
    for (int i = 0; i < d.size(); i++) {
      anyPresent |= d.features(i).get("x") != null;
    }
    return anyPresent ? Slice.quantileBins(d, "x", bins) : Slice.bins("x", 0);
  }
}
