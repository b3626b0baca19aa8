package dev.mlops.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.Dataset;
import dev.mlops.data.NumericColumn;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LogisticRegressionTrainerTest {

  /** Two Gaussian blobs on very different scales (so standardisation matters). */
  private static Dataset blobs(int n, long seed) {
    Random r = new Random(seed);
    double[] big = new double[n];
    double[] small = new double[n];
    String[] label = new String[n];
    for (int i = 0; i < n; i++) {
      boolean pos = i % 2 == 0;
      big[i] = 1000 + (pos ? 300 : -300) + r.nextGaussian() * 200;
      small[i] = (pos ? 0.02 : -0.02) + r.nextGaussian() * 0.01;
      label[i] = pos ? "yes" : "no";
    }
    return Dataset.of(NumericColumn.of("big", big), NumericColumn.of("small", small),
        CategoricalColumn.of("y", label));
  }

  @Test
  void learnsSeparableDataAndIsDeterministicPerSeed() {
    Dataset train = blobs(400, 1);
    Dataset test = blobs(400, 2);
    LogisticRegression model =
        LogisticRegressionTrainer.withSeed(7).fit(train, List.of("big", "small"), "y", "yes");
    assertThat(model.classes()).containsExactly("no", "yes");
    int correct = 0;
    for (int i = 0; i < test.rowCount(); i++) {
      double[] x = {test.numeric("big").value(i), test.numeric("small").value(i)};
      if (model.predict(x).equals(test.row(i).getString("y"))) {
        correct++;
      }
    }
    assertThat(correct / 400.0).isGreaterThan(0.95);
    assertThat(LogisticRegressionTrainer.withSeed(7).fit(train, List.of("big", "small"), "y", "yes"))
        .isEqualTo(model);
    assertThat(LogisticRegressionTrainer.withSeed(8).fit(train, List.of("big", "small"), "y", "yes"))
        .isNotEqualTo(model);
  }

  /** Issue 12 item 7: integral numeric labels are the classes "0" and "1", never "0.0"/"1.0". */
  @Test
  void integralNumericLabelsAreNamedWithoutAFraction() {
    Dataset blobs = blobs(200, 3);
    double[] y = new double[blobs.rowCount()];
    for (int i = 0; i < y.length; i++) {
      y[i] = blobs.row(i).getString("y").equals("yes") ? 1 : 0;
    }
    Dataset numeric = blobs.withColumn(
        NumericColumn.of("y", dev.mlops.data.FeatureType.INTEGER, y));
    LogisticRegression model =
        LogisticRegressionTrainer.withSeed(7).fit(numeric, List.of("big", "small"), "y", "1");
    assertThat(model.classes()).containsExactly("0", "1");
    assertThat(numeric.row(0).getString("y")).isEqualTo("1");
  }

  @Test
  void rejectsBadLabelsAndSettings() {
    Dataset data = blobs(10, 1);
    assertThatThrownBy(() -> LogisticRegressionTrainer.withSeed(1)
            .fit(data, List.of("big"), "y", "maybe"))
        .hasMessage("label 'y' must have two classes including 'maybe', has [yes, no]");
    assertThatThrownBy(() -> new LogisticRegressionTrainer(0, 0.1, 0, 32, 1))
        .hasMessage("epochs must be >= 1, was 0");
    assertThatThrownBy(() -> LogisticRegressionTrainer.withSeed(1)
            .fit(data.withColumn(NumericColumn.of("big", new double[] {
                Double.NaN, 1, 1, 1, 1, 1, 1, 1, 1, 1})), List.of("big"), "y", "yes"))
        .hasMessage("feature 'big' has 1 missing values");
  }
}
