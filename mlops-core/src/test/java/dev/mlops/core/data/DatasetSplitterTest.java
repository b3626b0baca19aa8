package dev.mlops.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.Dataset;
import dev.mlops.data.DatasetSplit;
import dev.mlops.data.FeatureType;
import dev.mlops.data.NumericColumn;
import dev.mlops.data.Split;
import dev.mlops.data.SplitFractions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DatasetSplitterTest {

  /** Rows with ids 0..n-1 and labels drawn with skewed class probabilities. */
  static Dataset labeled(int n, long seed, int classes) {
    Random random = new Random(seed);
    double[] id = new double[n];
    List<String> label = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      id[i] = i;
      double u = random.nextDouble();
      label.add("k" + (int) Math.floor(classes * u * u));
    }
    return Dataset.of("labeled", List.of(NumericColumn.of("id", FeatureType.INTEGER, id),
        CategoricalColumn.of("label", label)));
  }

  private static Map<String, Integer> counts(Dataset d) {
    Map<String, Integer> out = new HashMap<>();
    CategoricalColumn c = d.categorical("label");
    for (int r = 0; r < d.rowCount(); r++) {
      out.merge(c.value(r), 1, Integer::sum);
    }
    return out;
  }

  @Test
  void stratifiedSplitKeepsEveryClassWithinOneRowOfExact() {
    qt().withExamples(200)
        .forAll(integers().between(0, 400), longs().all(), integers().between(1, 6),
            integers().between(1, 8))
        .checkAssert((n, seed, classes, trainTenths) -> {
          double train = trainTenths / 10.0;
          double dev = (1 - train) / 2;
          SplitFractions f = new SplitFractions(train, dev, 1 - train - dev);
          Dataset data = labeled(n, seed, classes);
          DatasetSplit split = DatasetSplitter.stratified(data, "label", f, seed);
          assertThat(split.totalRows()).isEqualTo((long) n);
          Map<String, Integer> whole = counts(data);
          for (Split part : Split.values()) {
            Map<String, Integer> got = counts(split.part(part));
            for (Map.Entry<String, Integer> e : whole.entrySet()) {
              double exact = e.getValue() * f.of(part);
              assertThat(Math.abs(got.getOrDefault(e.getKey(), 0) - exact)).isLessThan(1.0);
            }
          }
          Set<Double> ids = new HashSet<>();
          for (Split part : Split.values()) {
            for (double id : split.part(part).numeric("id").toArray()) {
              assertThat(ids.add(id)).isTrue();
            }
          }
        });
  }

  @Test
  void sameSeedSameSplitOtherSeedOtherSplit() {
    Dataset data = labeled(500, 1, 3);
    SplitFractions f = SplitFractions.defaults();
    assertThat(DatasetSplitter.stratified(data, "label", f, 7))
        .isEqualTo(DatasetSplitter.stratified(data, "label", f, 7));
    assertThat(DatasetSplitter.stratified(data, "label", f, 7).test())
        .isNotEqualTo(DatasetSplitter.stratified(data, "label", f, 8).test());
  }

  @Test
  void partsKeepTheOriginalRowOrder() {
    DatasetSplit split = DatasetSplitter.stratified(labeled(300, 2, 2), "label",
        SplitFractions.defaults(), 3);
    double[] ids = split.train().numeric("id").toArray();
    for (int i = 1; i < ids.length; i++) {
      assertThat(ids[i]).isGreaterThan(ids[i - 1]);
    }
  }

  @Test
  void apportionGivesLargestRemaindersTheExtraRows() {
    assertThat(DatasetSplitter.apportion(7, new SplitFractions(0.6, 0.2, 0.2)))
        .containsExactly(4, 2, 1);
    assertThat(DatasetSplitter.apportion(1, SplitFractions.defaults())).containsExactly(1, 0, 0);
    assertThat(DatasetSplitter.apportion(10, new SplitFractions(1, 0, 0))).containsExactly(10, 0, 0);
  }

  @Test
  void hashSplitKeepsOldRowsInTheirPartWhenRowsAreAppended() {
    qt().withExamples(30).forAll(integers().between(1, 300), integers().between(1, 300))
        .checkAssert((old, added) -> {
          Dataset before = labeled(old, 5, 2);
          Dataset after = labeled(old + added, 5, 2);
          SplitFractions f = SplitFractions.defaults();
          DatasetSplit s1 = DatasetSplitter.byHash(before, "id", f);
          DatasetSplit s2 = DatasetSplitter.byHash(after, "id", f);
          for (Split part : Split.values()) {
            Set<Double> later = new HashSet<>();
            for (double id : s2.part(part).numeric("id").toArray()) {
              later.add(id);
            }
            for (double id : s1.part(part).numeric("id").toArray()) {
              assertThat(later).contains(id);
            }
          }
        });
  }

  @Test
  void hashSplitSharesApproachTheFractions() {
    DatasetSplit split = DatasetSplitter.byHash(labeled(20_000, 9, 2), "id",
        SplitFractions.defaults());
    // Binomial(20000, 0.1) has sd 42; 6 sd is 255 rows.
    assertThat(split.test().rowCount()).isBetween(2000 - 255, 2000 + 255);
    assertThat(split.dev().rowCount()).isBetween(2000 - 255, 2000 + 255);
  }

  @Test
  void missingIdIsAnErrorNamingTheRow() {
    Dataset data = Dataset.of(CategoricalColumn.of("id", "a", null, "c"));
    assertThatThrownBy(() -> DatasetSplitter.byHash(data, "id", SplitFractions.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'id' is missing at row 1");
  }

  @Test
  void absentLabelColumnIsAnError() {
    assertThatThrownBy(() -> DatasetSplitter.stratified(labeled(10, 1, 2), "diagnosis",
        SplitFractions.defaults(), 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'diagnosis'");
  }

  @Test
  void fractionsMustAddUpToOne() {
    assertThatThrownBy(() -> new SplitFractions(0.8, 0.1, 0.2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("add up to 1");
  }
}
