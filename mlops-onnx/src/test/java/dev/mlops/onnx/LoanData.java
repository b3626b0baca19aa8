package dev.mlops.onnx;

import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.Dataset;
import dev.mlops.data.FeatureType;
import dev.mlops.data.NumericColumn;
import java.util.Arrays;
import java.util.Random;

/**
 * A generated loan table with numeric and categorical columns and a few missing values: the
 * case the new user met. Seeded, so every test sees the same rows.
 */
final class LoanData {
  static final String[] REGIONS = {"north", "south", "east", "west"};
  static final String[] GRADES = {"A", "B", "C", "D"};

  private LoanData() {}

  static Dataset generate(int rows, long seed) {
    Random r = new Random(seed);
    double[] income = new double[rows];
    double[] age = new double[rows];
    double[] debt = new double[rows];
    double[] months = new double[rows];
    String[] region = new String[rows];
    String[] grade = new String[rows];
    double[] label = new double[rows];
    for (int i = 0; i < rows; i++) {
      income[i] = r.nextDouble() < 0.08 ? Double.NaN : Math.round(20000 + r.nextDouble() * 90000);
      age[i] = 18 + r.nextInt(60);
      debt[i] = r.nextDouble() < 0.05 ? Double.NaN : Math.round(r.nextDouble() * 50000);
      months[i] = r.nextDouble() < 0.1 ? Double.NaN : 1 + r.nextInt(48);
      region[i] = r.nextDouble() < 0.07 ? null : REGIONS[r.nextInt(REGIONS.length)];
      grade[i] = GRADES[Math.min(GRADES.length - 1, (int) Math.abs(r.nextGaussian() * 1.3))];
      double risk = (Double.isNaN(debt[i]) ? 0.3 : debt[i] / 50000)
          - (Double.isNaN(income[i]) ? 0.5 : income[i] / 110000)
          + 0.4 * Arrays.asList(GRADES).indexOf(grade[i]) / 3.0
          + ("south".equals(region[i]) ? 0.2 : 0) + r.nextGaussian() * 0.2;
      label[i] = risk > 0.1 ? 1 : 0;
    }
    return Dataset.of("loans", java.util.List.of(
        NumericColumn.of("income", income),
        NumericColumn.of("age", FeatureType.INTEGER, age),
        NumericColumn.of("debt", debt),
        NumericColumn.of("months", FeatureType.INTEGER, months),
        CategoricalColumn.of("region", Arrays.asList(region)),
        CategoricalColumn.of("grade", Arrays.asList(grade)),
        NumericColumn.of("default", FeatureType.INTEGER, label)));
  }
}
