package dev.mlops.core.data;

import dev.mlops.data.BalanceReport;
import dev.mlops.data.ClassCount;
import dev.mlops.data.ClassImbalanceReport;
import dev.mlops.data.Dataset;
import dev.mlops.data.DatasetSplit;
import dev.mlops.data.Split;
import dev.mlops.data.SplitBalance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Label distribution reports: the {@link ClassImbalanceReport} of one dataset and the
 * {@link BalanceReport} of a train/dev/test split. Missing labels count as the class
 * {@code "<missing>"}.
 *
 * <p>Stateless and thread-safe.
 */
public final class ClassBalance {
  /**
   * A split of fewer rows than this ({@value}) gets a small-data warning: per-split metrics are
   * noisy and cross-validation is the better estimate (the threshold).
   */
  public static final long SMALL_DATA_ROWS = 10_000;

  /**
   * Default fewest examples of a class in a non-empty part before a warning: {@value} (our
   * choice: below it precision and recall of that class in that part are mostly noise).
   */
  public static final int DEFAULT_MIN_CLASS_EXAMPLES = 5;

  /**
   * Default rare-class factor: {@value}. A class is rare when its share is below this factor
   * times the share it would have if all classes were equal (1/k): 20 % for two classes, the
   * bound between "mild" and "moderate" imbalance in Google's Machine Learning Crash Course.
   */
  public static final double DEFAULT_RARE_FACTOR = 0.4;

  private ClassBalance() {}

  /** Reports the label distribution with {@value #DEFAULT_RARE_FACTOR} as rare factor. */
  public static ClassImbalanceReport imbalance(Dataset data, String labelColumn) {
    return imbalance(data, labelColumn, DEFAULT_RARE_FACTOR);
  }

  /**
   * Reports the label distribution.
   *
   * @param data the dataset
   * @param labelColumn the label column
   * @param rareFactor a class is rare when its share is below {@code rareFactor / k}, k the
   *     number of classes; in [0, 1]
   * @throws IllegalArgumentException if the column is absent or the factor is outside [0, 1]
   */
  public static ClassImbalanceReport imbalance(Dataset data, String labelColumn,
      double rareFactor) {
    Objects.requireNonNull(data, "data");
    if (!(rareFactor >= 0 && rareFactor <= 1)) {
      throw new IllegalArgumentException("rareFactor must be in [0, 1], was " + rareFactor);
    }
    LabelGroups groups = LabelGroups.of(data, labelColumn);
    List<ClassCount> classes = counts(groups);
    double rareShare = classes.isEmpty() ? 0 : rareFactor / classes.size();
    List<String> rare = classes.stream()
        .filter(c -> c.share() < rareShare)
        .sorted(Comparator.comparingLong(ClassCount::count).thenComparing(ClassCount::label))
        .map(ClassCount::label)
        .toList();
    double ratio = classes.isEmpty()
        ? Double.NaN
        : (double) classes.get(0).count() / classes.get(classes.size() - 1).count();
    return new ClassImbalanceReport(labelColumn, groups.total(), classes, rare, rareShare, ratio);
  }

  /** Reports the balance of a split with {@value #DEFAULT_MIN_CLASS_EXAMPLES} as minimum. */
  public static BalanceReport balance(DatasetSplit split, String labelColumn) {
    return balance(split, labelColumn, DEFAULT_MIN_CLASS_EXAMPLES);
  }

  /**
   * Reports the label distribution of each part against the whole.
   *
   * @param split the split
   * @param labelColumn the label column
   * @param minClassExamples fewest examples of a class in a non-empty part before a warning
   * @throws IllegalArgumentException if the column is absent from a part or the minimum is {@code < 0}
   */
  public static BalanceReport balance(DatasetSplit split, String labelColumn,
      int minClassExamples) {
    Objects.requireNonNull(split, "split");
    if (minClassExamples < 0) {
      throw new IllegalArgumentException("minClassExamples must be >= 0, was " + minClassExamples);
    }
    Map<Split, Map<String, Long>> perPart = new HashMap<>();
    Map<String, Long> all = new HashMap<>();
    for (Split part : Split.values()) {
      Map<String, Long> counts = new HashMap<>();
      LabelGroups groups = LabelGroups.of(split.part(part), labelColumn);
      for (int g = 0; g < groups.classes.size(); g++) {
        counts.put(groups.classes.get(g), (long) groups.size(g));
        all.merge(groups.classes.get(g), (long) groups.size(g), Long::sum);
      }
      perPart.put(part, counts);
    }
    long total = split.totalRows();
    List<ClassCount> overall = sortedCounts(all, total);
    List<SplitBalance> parts = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    if (total < SMALL_DATA_ROWS) {
      warnings.add(String.format(Locale.ROOT, "small data: %d rows (< %,d); per-split metrics "
          + "will be noisy, prefer cross-validation", total, SMALL_DATA_ROWS));
    }
    double largest = 0;
    for (Split part : Split.values()) {
      long rows = split.part(part).rowCount();
      List<ClassCount> classes = new ArrayList<>();
      double deviation = 0;
      for (ClassCount whole : overall) {
        long count = perPart.get(part).getOrDefault(whole.label(), 0L);
        double share = rows == 0 ? 0 : (double) count / rows;
        classes.add(new ClassCount(whole.label(), count, share));
        if (rows > 0) {
          deviation = Math.max(deviation, Math.abs(share - whole.share()));
          if (count < minClassExamples) {
            warnings.add(String.format(Locale.ROOT, "class '%s' has only %d example%s in %s "
                + "(< %d)", whole.label(), count, count == 1 ? "" : "s", part.label(),
                minClassExamples));
          }
        }
      }
      largest = Math.max(largest, deviation);
      parts.add(new SplitBalance(part, rows, classes, deviation));
    }
    return new BalanceReport(labelColumn, overall, parts, largest, warnings);
  }

  private static List<ClassCount> counts(LabelGroups groups) {
    Map<String, Long> counts = new HashMap<>();
    for (int g = 0; g < groups.classes.size(); g++) {
      counts.put(groups.classes.get(g), (long) groups.size(g));
    }
    return sortedCounts(counts, groups.total());
  }

  /** Most frequent first, ties by label. */
  private static List<ClassCount> sortedCounts(Map<String, Long> counts, long total) {
    return counts.entrySet().stream()
        .map(e -> new ClassCount(e.getKey(), e.getValue(),
            total == 0 ? 0 : (double) e.getValue() / total))
        .sorted(Comparator.comparingLong(ClassCount::count).reversed()
            .thenComparing(ClassCount::label))
        .toList();
  }
}
