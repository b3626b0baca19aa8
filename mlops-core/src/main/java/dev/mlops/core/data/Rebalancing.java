package dev.mlops.core.data;

import dev.mlops.data.Column;
import dev.mlops.data.Dataset;
import dev.mlops.data.FeatureType;
import dev.mlops.data.NumericColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * Rebalancing of a labeled dataset for training, so a rare class can be handled without leaving
 * Java: class weights, random over- and under-sampling, and SMOTE. Every random choice comes from
 * {@link java.util.Random} with the given seed: same input and seed, same output. The returned
 * datasets hold the original rows first (in order) and the added rows after them.
 *
 * <p>Stateless and thread-safe.
 */
public final class Rebalancing {
  /** Default neighbours considered by SMOTE: {@value}, as imbalanced-learn's k_neighbors. */
  public static final int DEFAULT_SMOTE_NEIGHBORS = 5;

  private Rebalancing() {}

  /**
   * Returns a weight per class that makes every class weigh the same in a loss:
   * {@code n / (k * count(class))}, scikit-learn's {@code compute_class_weight("balanced")}.
   *
   * @throws IllegalArgumentException if the label column is absent
   */
  public static Map<String, Double> classWeights(Dataset data, String labelColumn) {
    LabelGroups groups = LabelGroups.of(Objects.requireNonNull(data, "data"), labelColumn);
    Map<String, Double> weights = new LinkedHashMap<>();
    double n = groups.total();
    int k = groups.classes.size();
    for (int g = 0; g < k; g++) {
      weights.put(groups.classes.get(g), n / (k * (double) groups.size(g)));
    }
    return weights;
  }

  /**
   * Random over-sampling: rows of every class but the largest are drawn with replacement until
   * each class has as many rows as the largest (imbalanced-learn's RandomOverSampler default).
   *
   * @throws IllegalArgumentException if the label column is absent
   */
  public static Dataset randomOversample(Dataset data, String labelColumn, long seed) {
    LabelGroups groups = LabelGroups.of(Objects.requireNonNull(data, "data"), labelColumn);
    int target = largest(groups);
    Random random = new Random(seed);
    List<Integer> extra = new ArrayList<>();
    for (int[] rows : groups.rows) {
      for (int i = rows.length; i < target; i++) {
        extra.add(rows[random.nextInt(rows.length)]);
      }
    }
    int[] all = new int[data.rowCount() + extra.size()];
    for (int r = 0; r < data.rowCount(); r++) {
      all[r] = r;
    }
    for (int i = 0; i < extra.size(); i++) {
      all[data.rowCount() + i] = extra.get(i);
    }
    return data.selectRows(all);
  }

  /**
   * Random under-sampling: every class keeps a random subset (without replacement) as large as
   * the smallest class; kept rows stay in their original order.
   *
   * @throws IllegalArgumentException if the label column is absent
   */
  public static Dataset randomUndersample(Dataset data, String labelColumn, long seed) {
    LabelGroups groups = LabelGroups.of(Objects.requireNonNull(data, "data"), labelColumn);
    int target = Integer.MAX_VALUE;
    for (int[] rows : groups.rows) {
      target = Math.min(target, rows.length);
    }
    Random random = new Random(seed);
    boolean[] keep = new boolean[data.rowCount()];
    for (int[] rows : groups.rows) {
      int[] pool = rows.clone();
      for (int i = 0; i < target; i++) {
        int j = i + random.nextInt(pool.length - i);
        int t = pool[i];
        pool[i] = pool[j];
        pool[j] = t;
        keep[pool[i]] = true;
      }
    }
    int[] kept = new int[data.rowCount()];
    int m = 0;
    for (int r = 0; r < keep.length; r++) {
      if (keep[r]) {
        kept[m++] = r;
      }
    }
    return data.selectRows(Arrays.copyOf(kept, m));
  }

  /** SMOTE with {@value #DEFAULT_SMOTE_NEIGHBORS} neighbours. */
  public static Dataset smote(Dataset data, String labelColumn, long seed) {
    return smote(data, labelColumn, DEFAULT_SMOTE_NEIGHBORS, seed);
  }

  /**
   * SMOTE (Chawla et al. 2002): for every class but the largest, synthetic rows are added until it
   * is as large as the largest. Each synthetic row lies at a uniformly random point on the segment
   * between a random row of the class and one of its {@code k} nearest neighbours in the class
   * (Euclidean distance over the features). INTEGER features are rounded to whole numbers.
   *
   * @param data the dataset: every column except the label must be numeric without missing values
   * @param labelColumn the label column
   * @param k neighbours considered, {@code >= 1}; a class with fewer than {@code k + 1} rows uses
   *     all its other rows
   * @param seed the random seed
   * @throws IllegalArgumentException if a feature is not numeric or has a missing value, a class
   *     to grow has a single row, or {@code k < 1}
   */
  public static Dataset smote(Dataset data, String labelColumn, int k, long seed) {
    Objects.requireNonNull(data, "data");
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, was " + k);
    }
    LabelGroups groups = LabelGroups.of(data, labelColumn);
    List<NumericColumn> features = numericFeatures(data, labelColumn);
    int target = largest(groups);
    Random random = new Random(seed);
    List<double[]> synthetic = new ArrayList<>();
    List<Integer> labelSource = new ArrayList<>();
    for (int g = 0; g < groups.classes.size(); g++) {
      int[] rows = groups.rows[g];
      int needed = target - rows.length;
      if (needed == 0) {
        continue;
      }
      if (rows.length < 2) {
        throw new IllegalArgumentException("class '" + groups.classes.get(g) + "' of '"
            + labelColumn + "' has 1 row; SMOTE needs at least 2 rows of a class to interpolate");
      }
      double[][] points = points(rows, features);
      int[][] neighbors = nearestNeighbors(points, Math.min(k, rows.length - 1));
      for (int i = 0; i < needed; i++) {
        int s = random.nextInt(rows.length);
        int[] nn = neighbors[s];
        int j = nn[random.nextInt(nn.length)];
        double gap = random.nextDouble();
        double[] x = new double[features.size()];
        for (int f = 0; f < x.length; f++) {
          x[f] = points[s][f] + gap * (points[j][f] - points[s][f]);
        }
        synthetic.add(x);
        labelSource.add(rows[s]);
      }
    }
    return assemble(data, labelColumn, features, synthetic, labelSource);
  }

  private static int largest(LabelGroups groups) {
    int target = 0;
    for (int[] rows : groups.rows) {
      target = Math.max(target, rows.length);
    }
    return target;
  }

  private static List<NumericColumn> numericFeatures(Dataset data, String labelColumn) {
    List<NumericColumn> out = new ArrayList<>();
    for (Column c : data.columns()) {
      if (c.name().equals(labelColumn)) {
        continue;
      }
      if (!(c instanceof NumericColumn num)) {
        throw new IllegalArgumentException("SMOTE needs numeric features; column '" + c.name()
            + "' is " + c.type() + " (select the numeric columns first)");
      }
      for (int r = 0; r < num.size(); r++) {
        if (Double.isNaN(num.value(r))) {
          throw new IllegalArgumentException("SMOTE needs complete features; column '"
              + c.name() + "' is missing at row " + r + " (impute or drop it first)");
        }
      }
      out.add(num);
    }
    return out;
  }

  private static double[][] points(int[] rows, List<NumericColumn> features) {
    double[][] points = new double[rows.length][features.size()];
    for (int i = 0; i < rows.length; i++) {
      for (int f = 0; f < features.size(); f++) {
        points[i][f] = features.get(f).value(rows[i]);
      }
    }
    return points;
  }

  /** Brute-force k nearest neighbours within one class (ties broken by lower index). */
  private static int[][] nearestNeighbors(double[][] points, int k) {
    int n = points.length;
    int[][] out = new int[n][];
    Integer[] order = new Integer[n];
    double[] dist = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double d = 0;
        for (int f = 0; f < points[i].length; f++) {
          double diff = points[i][f] - points[j][f];
          d += diff * diff;
        }
        dist[j] = d;
        order[j] = j;
      }
      final int self = i;
      Arrays.sort(order, (a, b) -> a == self ? -1 : b == self ? 1 : Double.compare(dist[a], dist[b]));
      out[i] = new int[k];
      for (int m = 0; m < k; m++) {
        out[i][m] = order[m + 1];
      }
    }
    return out;
  }

  private static Dataset assemble(Dataset data, String labelColumn, List<NumericColumn> features,
      List<double[]> synthetic, List<Integer> labelSource) {
    int n = data.rowCount();
    List<Column> columns = new ArrayList<>();
    int f = 0;
    for (Column c : data.columns()) {
      if (c.name().equals(labelColumn)) {
        int[] rows = new int[n + labelSource.size()];
        for (int r = 0; r < n; r++) {
          rows[r] = r;
        }
        for (int i = 0; i < labelSource.size(); i++) {
          rows[n + i] = labelSource.get(i);
        }
        columns.add(c.select(rows));
      } else {
        NumericColumn num = features.get(f);
        double[] values = Arrays.copyOf(num.toArray(), n + synthetic.size());
        for (int i = 0; i < synthetic.size(); i++) {
          double v = synthetic.get(i)[f];
          values[n + i] = num.type() == FeatureType.INTEGER ? Math.rint(v) : v;
        }
        columns.add(NumericColumn.of(c.name(), num.type(), values));
        f++;
      }
    }
    return Dataset.of(data.name(), columns);
  }
}
