package dev.mlops.benchmarks.data;

import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.Column;
import dev.mlops.data.Dataset;
import dev.mlops.data.FeatureType;
import dev.mlops.data.NumericColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Generated datasets shared by the data benchmarks. */
final class BenchData {
  private BenchData() {}

  /**
   * {@code rows} x {@code columns}: two categorical columns of 10 levels, two integer columns, the
   * rest Gaussian numbers; fixed seed.
   */
  static Dataset mixed(int rows, int columns) {
    Random random = new Random(11);
    List<Column> out = new ArrayList<>();
    for (int c = 0; c < columns; c++) {
      String name = "f" + c;
      if (c < 2) {
        int[] codes = new int[rows];
        for (int r = 0; r < rows; r++) {
          codes[r] = random.nextInt(10);
        }
        out.add(CategoricalColumn.ofCodes(name, codes,
            List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j")));
      } else {
        double[] v = new double[rows];
        boolean integer = c < 4;
        for (int r = 0; r < rows; r++) {
          v[r] = integer ? random.nextInt(1000) : random.nextGaussian();
        }
        out.add(NumericColumn.of(name, integer ? FeatureType.INTEGER : FeatureType.NUMERIC, v));
      }
    }
    return Dataset.of("bench", out);
  }
}
