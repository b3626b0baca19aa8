package dev.mlops.core.labels;

import dev.mlops.labels.LabelIssue;
import dev.mlops.labels.LabelIssueFinder;
import dev.mlops.labels.LabelIssueReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Confident learning (Northcutt, Jiang &amp; Chuang, "Confident Learning: Estimating Uncertainty in
 * Dataset Labels", JAIR 2021), following cleanlab's {@code find_label_issues} with its default
 * {@code filter_by="prune_by_noise_rate"}:
 *
 * <ol>
 *   <li>per-class threshold {@code t_j} = mean predicted probability of class {@code j} over the
 *       examples labeled {@code j};
 *   <li>an example counts in the confident joint {@code C[given][j]} when {@code p_j >= t_j};
 *       with several such classes the most probable of them is the guess, with exactly one the
 *       model's argmax is (cleanlab's rule); every diagonal cell is at least 1 so each class keeps
 *       a correctly labeled example;
 *   <li>the joint is calibrated so row {@code i} sums to the number of examples labeled {@code i},
 *       then normalized; the noise matrix is its column-normalized form;
 *   <li>for every off-diagonal cell {@code (i, j)}, the {@code round(n * Q[i][j])} examples labeled
 *       {@code i} with the largest margin {@code p_j - p_i} are flagged, except those whose given
 *       label is the model's argmax;
 *   <li>flagged examples are ranked by self-confidence {@code p_given}, lowest first.
 * </ol>
 *
 * <p>Stateless and thread-safe.
 */
public final class ConfidentLearning implements LabelIssueFinder {
  /** Row sums may differ from 1 by this much (float32 model outputs): {@value}. */
  public static final double ROW_SUM_TOLERANCE = 1e-4;
  /** Slack on the thresholds, as cleanlab's {@code pred_probs >= thresholds - 1e-6}: {@value}. */
  static final double THRESHOLD_SLACK = 1e-6;

  /** Creates the finder. */
  public ConfidentLearning() {}

  @Override
  public LabelIssueReport find(List<String> classes, int[] labels, double[][] probabilities) {
    int k = validate(classes, labels, probabilities);
    int n = labels.length;
    double[] thresholds = thresholds(k, labels, probabilities);
    long[][] joint = confidentJoint(k, labels, probabilities, thresholds);
    double[][] calibrated = calibrate(k, labels, joint);
    double[][] noise = noiseMatrix(k, calibrated);
    boolean[] flagged = pruneByNoiseRate(k, labels, probabilities, calibrated);

    List<Double> selfConfidence = new ArrayList<>(n);
    List<Double> margin = new ArrayList<>(n);
    List<LabelIssue> issues = new ArrayList<>();
    for (int x = 0; x < n; x++) {
      double own = probabilities[x][labels[x]];
      double bestOther = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < k; j++) {
        if (j != labels[x]) {
          bestOther = Math.max(bestOther, probabilities[x][j]);
        }
      }
      double normalized = (own - bestOther + 1) / 2;
      selfConfidence.add(own);
      margin.add(normalized);
      if (flagged[x]) {
        issues.add(new LabelIssue(x, classes.get(labels[x]),
            classes.get(argmax(probabilities[x])), own, normalized));
      }
    }
    issues.sort(Comparator.comparingDouble(LabelIssue::selfConfidence)
        .thenComparingInt(LabelIssue::index));
    return new LabelIssueReport(classes, boxed(thresholds), boxed(joint), boxed(noise), issues,
        selfConfidence, margin);
  }

  private static int validate(List<String> classes, int[] labels, double[][] probabilities) {
    Objects.requireNonNull(classes, "classes");
    Objects.requireNonNull(labels, "labels");
    Objects.requireNonNull(probabilities, "probabilities");
    int k = classes.size();
    if (k < 2) {
      throw new IllegalArgumentException("classes must have at least 2 entries, had " + k);
    }
    if (labels.length != probabilities.length) {
      throw new IllegalArgumentException("labels has " + labels.length
          + " entries but probabilities has " + probabilities.length + " rows");
    }
    if (labels.length == 0) {
      throw new IllegalArgumentException("labels must not be empty");
    }
    for (int x = 0; x < labels.length; x++) {
      if (labels[x] < 0 || labels[x] >= k) {
        throw new IllegalArgumentException(
            "labels[" + x + "] = " + labels[x] + " is not a class index in [0, " + k + ")");
      }
      double[] row = Objects.requireNonNull(probabilities[x], "probabilities[" + x + "]");
      if (row.length != k) {
        throw new IllegalArgumentException("probabilities[" + x + "] has " + row.length
            + " columns, expected " + k + " (one per class)");
      }
      double sum = 0;
      for (int j = 0; j < k; j++) {
        if (!(row[j] >= 0 && row[j] <= 1)) {
          throw new IllegalArgumentException(
              "probabilities[" + x + "][" + j + "] = " + row[j] + " is not in [0, 1]");
        }
        sum += row[j];
      }
      if (Math.abs(sum - 1) > ROW_SUM_TOLERANCE) {
        throw new IllegalArgumentException(
            "probabilities[" + x + "] sums to " + sum + ", expected 1");
      }
    }
    return k;
  }

  private static double[] thresholds(int k, int[] labels, double[][] p) {
    double[] sum = new double[k];
    int[] count = new int[k];
    for (int x = 0; x < labels.length; x++) {
      sum[labels[x]] += p[x][labels[x]];
      count[labels[x]]++;
    }
    double[] t = new double[k];
    for (int j = 0; j < k; j++) {
      // A class nobody is labeled with can never be confidently assigned.
      t[j] = count[j] == 0 ? Double.POSITIVE_INFINITY : sum[j] / count[j];
    }
    return t;
  }

  private static long[][] confidentJoint(int k, int[] labels, double[][] p, double[] t) {
    long[][] joint = new long[k][k];
    for (int x = 0; x < labels.length; x++) {
      int confident = 0;
      int best = -1;
      for (int j = 0; j < k; j++) {
        if (p[x][j] >= t[j] - THRESHOLD_SLACK) {
          confident++;
          if (best < 0 || p[x][j] > p[x][best]) {
            best = j;
          }
        }
      }
      if (confident == 0) {
        continue;
      }
      int guess = confident > 1 ? best : argmax(p[x]);
      joint[labels[x]][guess]++;
    }
    for (int j = 0; j < k; j++) {
      joint[j][j] = Math.max(joint[j][j], 1);
    }
    return joint;
  }

  /** Rows scaled to the given-label counts, then the whole matrix normalized to sum to 1. */
  private static double[][] calibrate(int k, int[] labels, long[][] joint) {
    long[] labelCounts = new long[k];
    for (int label : labels) {
      labelCounts[label]++;
    }
    double[][] q = new double[k][k];
    double total = 0;
    for (int i = 0; i < k; i++) {
      long row = 0;
      for (int j = 0; j < k; j++) {
        row += joint[i][j];
      }
      for (int j = 0; j < k; j++) {
        q[i][j] = (double) joint[i][j] / row * labelCounts[i];
        total += q[i][j];
      }
    }
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        q[i][j] /= total;
      }
    }
    return q;
  }

  private static double[][] noiseMatrix(int k, double[][] q) {
    double[][] noise = new double[k][k];
    for (int j = 0; j < k; j++) {
      double column = 0;
      for (int i = 0; i < k; i++) {
        column += q[i][j];
      }
      for (int i = 0; i < k; i++) {
        noise[i][j] = column == 0 ? Double.NaN : q[i][j] / column;
      }
    }
    return noise;
  }

  private static boolean[] pruneByNoiseRate(int k, int[] labels, double[][] p, double[][] q) {
    int n = labels.length;
    boolean[] flagged = new boolean[n];
    List<List<Integer>> byLabel = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      byLabel.add(new ArrayList<>());
    }
    for (int x = 0; x < n; x++) {
      byLabel.get(labels[x]).add(x);
    }
    for (int i = 0; i < k; i++) {
      List<Integer> members = byLabel.get(i);
      for (int j = 0; j < k; j++) {
        if (i == j) {
          continue;
        }
        int prune = (int) Math.round(n * q[i][j]);
        if (prune == 0) {
          continue;
        }
        int given = i;
        int other = j;
        List<Integer> ranked = new ArrayList<>(members);
        ranked.sort(Comparator.comparingDouble((Integer x) -> p[x][other] - p[x][given])
            .reversed().thenComparingInt(x -> x));
        for (int r = 0; r < Math.min(prune, ranked.size()); r++) {
          flagged[ranked.get(r)] = true;
        }
      }
    }
    for (int x = 0; x < n; x++) {
      if (flagged[x] && argmax(p[x]) == labels[x]) {
        flagged[x] = false;
      }
    }
    return flagged;
  }

  private static int argmax(double[] row) {
    int best = 0;
    for (int j = 1; j < row.length; j++) {
      if (row[j] > row[best]) {
        best = j;
      }
    }
    return best;
  }

  private static List<Double> boxed(double[] values) {
    List<Double> out = new ArrayList<>(values.length);
    for (double v : values) {
      out.add(v);
    }
    return out;
  }

  private static List<List<Double>> boxed(double[][] values) {
    List<List<Double>> out = new ArrayList<>();
    for (double[] row : values) {
      out.add(boxed(row));
    }
    return out;
  }

  private static List<List<Long>> boxed(long[][] values) {
    List<List<Long>> out = new ArrayList<>();
    for (long[] row : values) {
      List<Long> r = new ArrayList<>();
      for (long v : row) {
        r.add(v);
      }
      out.add(r);
    }
    return out;
  }
}
