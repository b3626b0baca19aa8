package dev.mlops.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.ClassCount;
import dev.mlops.data.Dataset;
import dev.mlops.data.FeatureType;
import dev.mlops.data.NumericColumn;
import dev.mlops.data.TextColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RebalancingTest {

  /** 12 rows: 8 of class "maj" around x=0, 4 of "min" on the segment x in [10, 13], y = 2x. */
  static Dataset skewed() {
    double[] x = {0, 1, 2, 0.5, 1.5, 0.2, 0.7, 1.1, 10, 11, 12, 13};
    double[] y = new double[x.length];
    double[] n = new double[x.length];
    List<String> label = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      y[i] = 2 * x[i];
      n[i] = i;
      label.add(i < 8 ? "maj" : "min");
    }
    return Dataset.of("skewed", List.of(NumericColumn.of("x", x), NumericColumn.of("y", y),
        NumericColumn.of("n", FeatureType.INTEGER, n), CategoricalColumn.of("label", label)));
  }

  private static List<Long> classCounts(Dataset d) {
    return ClassBalance.imbalance(d, "label").classes().stream().map(ClassCount::count).toList();
  }

  @Test
  void classWeightsMatchScikitLearnBalanced() {
    // sklearn 1.2.1 compute_class_weight("balanced", classes=[a,b,c], y=6*a+3*b+1*c):
    // [0.55555556, 1.11111111, 3.33333333]
    Map<String, Double> w = Rebalancing.classWeights(ClassBalanceTest.counts(6, 3, 1), "y");
    assertThat(w.get("a")).isCloseTo(0.55555556, within(1e-8));
    assertThat(w.get("b")).isCloseTo(1.11111111, within(1e-8));
    assertThat(w.get("c")).isCloseTo(3.33333333, within(1e-8));
    // Breast Cancer Wisconsin, 357 benign / 212 malignant: [0.79691877, 1.34198113]
    Map<String, Double> bc = Rebalancing.classWeights(ClassBalanceTest.counts(357, 212, 0), "y");
    assertThat(bc.get("a")).isCloseTo(0.79691877, within(1e-8));
    assertThat(bc.get("b")).isCloseTo(1.34198113, within(1e-8));
  }

  @Test
  void oversamplingGrowsMinorityClassesToTheLargestWithExistingRows() {
    Dataset out = Rebalancing.randomOversample(skewed(), "label", 3);
    assertThat(classCounts(out)).containsExactly(8L, 8L);
    assertThat(out.selectRows(range(0, 12))).isEqualTo(skewed());
    for (int r = 12; r < out.rowCount(); r++) {
      assertThat(out.numeric("n").value(r)).isBetween(8.0, 11.0);
    }
    assertThat(Rebalancing.randomOversample(skewed(), "label", 3)).isEqualTo(out);
  }

  @Test
  void undersamplingShrinksEveryClassToTheSmallest() {
    Dataset out = Rebalancing.randomUndersample(skewed(), "label", 3);
    assertThat(classCounts(out)).containsExactly(4L, 4L);
    double[] n = out.numeric("n").toArray();
    for (int i = 1; i < n.length; i++) {
      assertThat(n[i]).isGreaterThan(n[i - 1]);
    }
    assertThat(Rebalancing.randomUndersample(skewed(), "label", 3)).isEqualTo(out);
  }

  @Test
  void smoteInterpolatesBetweenNeighboursOfTheSameClass() {
    Dataset out = Rebalancing.smote(skewed(), "label", 2, 11);
    assertThat(classCounts(out)).containsExactly(8L, 8L);
    assertThat(out.rowCount()).isEqualTo(16);
    for (int r = 12; r < 16; r++) {
      double x = out.numeric("x").value(r);
      assertThat(out.categorical("label").value(r)).isEqualTo("min");
      assertThat(x).isBetween(10.0, 13.0);
      // the minority rows lie on y = 2x, so every interpolation does too
      assertThat(out.numeric("y").value(r)).isCloseTo(2 * x, within(1e-9));
      double n = out.numeric("n").value(r);
      assertThat(n).isEqualTo(Math.rint(n)).isBetween(8.0, 11.0);
    }
    assertThat(Rebalancing.smote(skewed(), "label", 2, 11)).isEqualTo(out);
  }

  @Test
  void smoteRejectsNonNumericFeaturesAndSingletonClasses() {
    Dataset withText = skewed().withColumn(TextColumn.of("note", new String[12]));
    assertThatThrownBy(() -> Rebalancing.smote(withText, "label", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("column 'note' is TEXT");
    Dataset single = skewed().selectRows(new int[] {0, 1, 2, 8});
    assertThatThrownBy(() -> Rebalancing.smote(single, "label", 1))
        .hasMessageContaining("class 'min' of 'label' has 1 row");
    double[] x = skewed().numeric("x").toArray();
    x[3] = Double.NaN;
    assertThatThrownBy(() -> Rebalancing.smote(skewed().withColumn(NumericColumn.of("x", x)),
        "label", 1)).hasMessageContaining("'x' is missing at row 3");
  }

  private static int[] range(int from, int to) {
    int[] out = new int[to - from];
    for (int i = from; i < to; i++) {
      out[i - from] = i;
    }
    return out;
  }
}
