package dev.mlops.core.labels;

import dev.mlops.labels.Agreement;
import dev.mlops.labels.MeasurementLevel;
import java.util.Arrays;
import java.util.Objects;

/**
 * Inter-annotator agreement statistics over {@link Ratings}: Krippendorff's alpha, Fleiss' kappa,
 * Cohen's kappa and percent agreement. Each follows its reference implementation's formula so
 * that results match it to 1e-12: the {@code krippendorff} package, statsmodels
 * {@code fleiss_kappa} and scikit-learn {@code cohen_kappa_score}.
 *
 * <p>Stateless and thread-safe. Undefined statistics are returned as {@link Agreement#undefined}
 * with the reason, never as NaN alone or a misleading 1.
 */
final class AgreementStatistics {

  private AgreementStatistics() {}

  /**
   * Krippendorff's alpha at the ratings' measurement level, with missing ratings. It is built from
   * the categories x categories coincidence matrix, never from an items x items structure, so it
   * runs in time linear in the ratings. Items rated once are not pairable and do not count.
   *
   * @param ratings the encoded ratings
   * @return alpha, or undefined when no item has two ratings or all pairable labels are equal
   */
  public static Agreement krippendorffAlpha(Ratings ratings) {
    Objects.requireNonNull(ratings, "ratings");
    int v = ratings.categoryCount();
    double[] coincidence = new double[v * v];
    int[] counts = new int[v];
    int[] touched = new int[v];
    for (int i = 0; i < ratings.itemCount(); i++) {
      int m = ratings.ratingsOf(i);
      if (m < 2) {
        continue;
      }
      int distinct = 0;
      for (int p = ratings.itemStart(i), end = ratings.itemStart(i + 1); p < end; p++) {
        int c = ratings.categoryAt(p);
        if (counts[c]++ == 0) {
          touched[distinct++] = c;
        }
      }
      double scale = 1.0 / (m - 1);
      for (int x = 0; x < distinct; x++) {
        int c = touched[x];
        for (int y = 0; y < distinct; y++) {
          int k = touched[y];
          double pairs = c == k ? counts[c] * (counts[c] - 1.0) : (double) counts[c] * counts[k];
          coincidence[c * v + k] += pairs * scale;
        }
      }
      for (int x = 0; x < distinct; x++) {
        counts[touched[x]] = 0;
      }
    }
    double[] marginal = new double[v];
    double total = 0;
    for (int c = 0; c < v; c++) {
      for (int k = 0; k < v; k++) {
        marginal[c] += coincidence[c * v + k];
      }
      total += marginal[c];
    }
    if (total < 2) {
      return Agreement.undefined("no item has two or more ratings, so no pair of ratings can be"
          + " compared");
    }
    double[] distance = distances(ratings, marginal);
    double observed = 0;
    double expected = 0;
    for (int c = 0; c < v; c++) {
      for (int k = 0; k < v; k++) {
        double d = distance[c * v + k];
        observed += coincidence[c * v + k] * d;
        double chance = marginal[c] * marginal[k] - (c == k ? marginal[c] : 0);
        expected += chance / (total - 1) * d;
      }
    }
    if (expected == 0) {
      return Agreement.undefined("every pairable rating has the same label ('"
          + singleLabel(ratings, marginal) + "'), so the expected disagreement is zero");
    }
    return Agreement.of(1 - observed / expected);
  }

  private static String singleLabel(Ratings ratings, double[] marginal) {
    for (int c = 0; c < marginal.length; c++) {
      if (marginal[c] > 0) {
        return ratings.category(c);
      }
    }
    return "";
  }

  /** Krippendorff's difference function delta^2 between every pair of categories. */
  private static double[] distances(Ratings ratings, double[] marginal) {
    int v = marginal.length;
    double[] d = new double[v * v];
    double[] cumulative = new double[v + 1];
    for (int c = 0; c < v; c++) {
      cumulative[c + 1] = cumulative[c] + marginal[c];
    }
    for (int c = 0; c < v; c++) {
      for (int k = 0; k < v; k++) {
        d[c * v + k] = distance(ratings, marginal, cumulative, c, k);
      }
    }
    return d;
  }

  private static double distance(
      Ratings ratings, double[] marginal, double[] cumulative, int c, int k) {
    if (c == k) {
      return 0;
    }
    double a = ratings.categoryValue(c);
    double b = ratings.categoryValue(k);
    return switch (ratings.level()) {
      case NOMINAL -> 1;
      case ORDINAL -> {
        int lo = Math.min(c, k);
        int hi = Math.max(c, k);
        double between = cumulative[hi + 1] - cumulative[lo] - (marginal[lo] + marginal[hi]) / 2;
        yield between * between;
      }
      case INTERVAL -> (a - b) * (a - b);
      case RATIO -> a + b == 0 ? 0 : ((a - b) / (a + b)) * ((a - b) / (a + b));
    };
  }

  /**
   * Fleiss' kappa. It needs every item to have the same number {@code n >= 2} of ratings (its
   * formula assumes a fixed number of raters per subject); otherwise the result is undefined and
   * the reason gives the range of counts — use Krippendorff's alpha, which handles missing
   * ratings.
   *
   * @param ratings the encoded ratings
   * @return kappa, or undefined as described
   */
  public static Agreement fleissKappa(Ratings ratings) {
    Objects.requireNonNull(ratings, "ratings");
    int items = ratings.itemCount();
    int n = ratings.ratingsOf(0);
    int min = n;
    int max = n;
    for (int i = 1; i < items; i++) {
      min = Math.min(min, ratings.ratingsOf(i));
      max = Math.max(max, ratings.ratingsOf(i));
    }
    if (min != max) {
      return Agreement.undefined("items have between " + min + " and " + max
          + " ratings; Fleiss' kappa needs the same number of ratings for every item");
    }
    if (n < 2) {
      return Agreement.undefined("every item has one rating; Fleiss' kappa needs at least two");
    }
    int v = ratings.categoryCount();
    double[] categoryTotals = new double[v];
    int[] counts = new int[v];
    double agreementSum = 0;
    for (int i = 0; i < items; i++) {
      for (int p = ratings.itemStart(i), end = ratings.itemStart(i + 1); p < end; p++) {
        counts[ratings.categoryAt(p)]++;
      }
      double squares = 0;
      for (int c = 0; c < v; c++) {
        squares += (double) counts[c] * counts[c];
        categoryTotals[c] += counts[c];
        counts[c] = 0;
      }
      agreementSum += (squares - n) / (n * (n - 1.0));
    }
    double grand = (double) items * n;
    double chance = 0;
    for (int c = 0; c < v; c++) {
      double share = categoryTotals[c] / grand;
      chance += share * share;
    }
    if (chance == 1) {
      return Agreement.undefined("every rating has the same label ('" + ratings.category(0)
          + "'), so chance agreement is 1");
    }
    double observed = agreementSum / items;
    return Agreement.of((observed - chance) / (1 - chance));
  }

  /**
   * Percent agreement: over items rated at least twice, the mean share of annotator pairs that
   * gave the same label (Fleiss' P-bar; for two annotators, the share of items they agree on).
   *
   * @param ratings the encoded ratings
   * @return the share in [0, 1], or undefined when no item has two ratings
   */
  public static Agreement percentAgreement(Ratings ratings) {
    Objects.requireNonNull(ratings, "ratings");
    int[] counts = new int[ratings.categoryCount()];
    double sum = 0;
    int pairable = 0;
    for (int i = 0; i < ratings.itemCount(); i++) {
      int m = ratings.ratingsOf(i);
      if (m < 2) {
        continue;
      }
      double agreeing = 0;
      for (int p = ratings.itemStart(i), end = ratings.itemStart(i + 1); p < end; p++) {
        agreeing += counts[ratings.categoryAt(p)]++;
      }
      for (int p = ratings.itemStart(i), end = ratings.itemStart(i + 1); p < end; p++) {
        counts[ratings.categoryAt(p)] = 0;
      }
      sum += agreeing / (m * (m - 1) / 2.0);
      pairable++;
    }
    if (pairable == 0) {
      return Agreement.undefined("no item has two or more ratings");
    }
    return Agreement.of(sum / pairable);
  }

  /**
   * Cohen's kappa of two annotators over the items both rated, as scikit-learn's
   * {@code cohen_kappa_score}: the confusion matrix spans the labels the pair used, in label
   * order, and weights use those labels' ranks.
   *
   * @param ratings the encoded ratings
   * @param annotatorA index of the first annotator
   * @param annotatorB index of the second annotator
   * @param weights disagreement weights; weighted kappas are undefined at the nominal level
   * @return kappa, or undefined when they share no item, weights need an order the labels lack,
   *     or chance disagreement is zero (both used one and the same label)
   * @throws IllegalArgumentException if an annotator index is out of range or they are equal
   */
  public static Agreement cohenKappa(
      Ratings ratings, int annotatorA, int annotatorB, KappaWeights weights) {
    return PairTable.of(ratings, annotatorA, annotatorB).kappa(ratings.level(), weights);
  }

  /** The confusion table of two annotators over their common items. */
  record PairTable(int items, int[] labels, long[][] table) {

    static PairTable of(Ratings ratings, int a, int b) {
      Objects.requireNonNull(ratings, "ratings");
      int annotators = ratings.annotatorCount();
      if (a < 0 || a >= annotators || b < 0 || b >= annotators || a == b) {
        throw new IllegalArgumentException("annotator indices must be distinct and in [0, "
            + annotators + "), were " + a + " and " + b);
      }
      int v = ratings.categoryCount();
      long[][] full = new long[v][v];
      int common = 0;
      for (int i = 0; i < ratings.itemCount(); i++) {
        int ca = -1;
        int cb = -1;
        for (int p = ratings.itemStart(i), end = ratings.itemStart(i + 1); p < end; p++) {
          if (ratings.annotatorAt(p) == a) {
            ca = ratings.categoryAt(p);
          } else if (ratings.annotatorAt(p) == b) {
            cb = ratings.categoryAt(p);
          }
        }
        if (ca >= 0 && cb >= 0) {
          full[ca][cb]++;
          common++;
        }
      }
      return compact(common, full);
    }

    static PairTable ofCodes(int categories, int[] first, int[] second) {
      long[][] full = new long[categories][categories];
      for (int r = 0; r < first.length; r++) {
        full[first[r]][second[r]]++;
      }
      return compact(first.length, full);
    }

    /** Keeps only the labels the pair used, like sklearn's {@code unique_labels(y1, y2)}. */
    private static PairTable compact(int common, long[][] full) {
      int v = full.length;
      int[] used = new int[v];
      int k = 0;
      for (int c = 0; c < v; c++) {
        long rowOrColumn = 0;
        for (int x = 0; x < v; x++) {
          rowOrColumn += full[c][x] + full[x][c];
        }
        if (rowOrColumn > 0) {
          used[k++] = c;
        }
      }
      int[] labels = Arrays.copyOf(used, k);
      long[][] table = new long[k][k];
      for (int x = 0; x < k; x++) {
        for (int y = 0; y < k; y++) {
          table[x][y] = full[labels[x]][labels[y]];
        }
      }
      return new PairTable(common, labels, table);
    }

    Agreement kappa(MeasurementLevel level, KappaWeights weights) {
      Objects.requireNonNull(weights, "weights");
      if (items == 0) {
        return Agreement.undefined("the two annotators share no item");
      }
      if (level == MeasurementLevel.NOMINAL && weights != KappaWeights.UNWEIGHTED) {
        return Agreement.undefined(
            "weighted kappa needs ordered labels; the level is NOMINAL");
      }
      int k = labels.length;
      double[] rowSums = new double[k];
      double[] columnSums = new double[k];
      for (int x = 0; x < k; x++) {
        for (int y = 0; y < k; y++) {
          rowSums[x] += table[x][y];
          columnSums[y] += table[x][y];
        }
      }
      double observed = 0;
      double expected = 0;
      for (int x = 0; x < k; x++) {
        for (int y = 0; y < k; y++) {
          double w = weights.weight(x, y);
          observed += w * table[x][y];
          expected += w * (rowSums[x] * columnSums[y] / items);
        }
      }
      if (expected == 0) {
        return Agreement.undefined("chance disagreement is zero: both annotators gave every"
            + " common item the same single label");
      }
      return Agreement.of(1 - observed / expected);
    }
  }
}
