package dev.mlops.core.labels;

import dev.mlops.labels.Annotation;
import dev.mlops.labels.MeasurementLevel;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Annotations encoded as integer codes and grouped by item: the input of the agreement statistics.
 * Items and annotators are numbered in sorted id order and categories in label order (numeric
 * order for numbers, the given order for ordinal text, natural text order for nominal labels), so
 * the encoding does not depend on the order of the annotations.
 *
 * <p>Immutable and thread-safe.
 */
final class Ratings {
  private final MeasurementLevel level;
  private final boolean numeric;
  private final String[] itemIds;
  private final String[] annotatorIds;
  private final String[] categories;
  private final double[] categoryValues;
  private final int[] itemStart;
  private final int[] annotatorOf;
  private final int[] categoryOf;

  private Ratings(
      MeasurementLevel level,
      boolean numeric,
      String[] itemIds,
      String[] annotatorIds,
      String[] categories,
      double[] categoryValues,
      int[] itemStart,
      int[] annotatorOf,
      int[] categoryOf) {
    this.level = level;
    this.numeric = numeric;
    this.itemIds = itemIds;
    this.annotatorIds = annotatorIds;
    this.categories = categories;
    this.categoryValues = categoryValues;
    this.itemStart = itemStart;
    this.annotatorOf = annotatorOf;
    this.categoryOf = categoryOf;
  }

  /**
   * Encodes annotations.
   *
   * @param annotations labels in long form; at least one
   * @param level how labels compare
   * @param categoryOrder the order of ordinal text labels, lowest first; may be empty otherwise
   * @return the encoded ratings
   * @throws IllegalArgumentException if there are no annotations, an (item, annotator) pair
   *     repeats, a label is not a number at the interval or ratio level, or an ordinal label is
   *     neither a number nor in {@code categoryOrder}
   */
  public static Ratings of(
      List<Annotation> annotations, MeasurementLevel level, List<String> categoryOrder) {
    Objects.requireNonNull(annotations, "annotations");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(categoryOrder, "categoryOrder");
    if (annotations.isEmpty()) {
      throw new IllegalArgumentException("annotations must not be empty");
    }
    int n = annotations.size();
    Map<String, Integer> items = new HashMap<>();
    Map<String, Integer> annotators = new HashMap<>();
    Map<String, Integer> labels = new HashMap<>();
    int[] item = new int[n];
    int[] annotator = new int[n];
    int[] label = new int[n];
    int r = 0;
    // One pass with the list's iterator: get(i) would be quadratic on a LinkedList.
    for (Annotation a : annotations) {
      Objects.requireNonNull(a, "annotations[" + r + "]");
      item[r] = items.computeIfAbsent(a.itemId(), k -> items.size());
      annotator[r] = annotators.computeIfAbsent(a.annotatorId(), k -> annotators.size());
      label[r] = labels.computeIfAbsent(a.label(), k -> labels.size());
      r++;
    }
    String[] itemIds = sortedKeys(items);
    String[] annotatorIds = sortedKeys(annotators);
    int[] itemRank = ranks(items, itemIds);
    int[] annotatorRank = ranks(annotators, annotatorIds);
    String[] labelTexts = new String[labels.size()];
    labels.forEach((text, code) -> labelTexts[code] = text);
    CategoryCoding coding =
        CategoryCoding.of(labelTexts, level, categoryOrder, annotations, label);

    int[] itemStart = new int[itemIds.length + 1];
    for (int row = 0; row < n; row++) {
      itemStart[itemRank[item[row]] + 1]++;
    }
    for (int i = 0; i < itemIds.length; i++) {
      itemStart[i + 1] += itemStart[i];
    }
    int[] fill = Arrays.copyOf(itemStart, itemIds.length);
    int[] annotatorOf = new int[n];
    int[] categoryOf = new int[n];
    int[] sourceRow = new int[n];
    for (int row = 0; row < n; row++) {
      int pos = fill[itemRank[item[row]]]++;
      annotatorOf[pos] = annotatorRank[annotator[row]];
      categoryOf[pos] = coding.categoryOfLabel()[label[row]];
      sourceRow[pos] = row;
    }
    rejectDuplicates(itemIds, annotatorIds, itemStart, annotatorOf, sourceRow, annotations);
    return new Ratings(level, coding.numeric(), itemIds, annotatorIds, coding.categories(), coding.values(),
        itemStart, annotatorOf, categoryOf);
  }

  private static void rejectDuplicates(
      String[] itemIds,
      String[] annotatorIds,
      int[] itemStart,
      int[] annotatorOf,
      int[] sourceRow,
      List<Annotation> annotations) {
    int[] lastItem = new int[annotatorIds.length];
    int[] lastRow = new int[annotatorIds.length];
    Arrays.fill(lastItem, -1);
    for (int i = 0; i < itemIds.length; i++) {
      for (int p = itemStart[i]; p < itemStart[i + 1]; p++) {
        int a = annotatorOf[p];
        if (lastItem[a] == i) {
          int first = Math.min(lastRow[a], sourceRow[p]);
          int second = Math.max(lastRow[a], sourceRow[p]);
          throw new IllegalArgumentException(
              "duplicate annotation: annotator '" + annotatorIds[a] + "' labeled item '"
                  + itemIds[i] + "' twice (annotations[" + first + "] = '"
                  + annotations.get(first).label() + "' and annotations[" + second + "] = '"
                  + annotations.get(second).label() + "')");
        }
        lastItem[a] = i;
        lastRow[a] = sourceRow[p];
      }
    }
  }

  private static String[] sortedKeys(Map<String, Integer> codes) {
    String[] keys = codes.keySet().toArray(new String[0]);
    Arrays.sort(keys, Comparator.naturalOrder());
    return keys;
  }

  private static int[] ranks(Map<String, Integer> codes, String[] sorted) {
    int[] rank = new int[sorted.length];
    for (int i = 0; i < sorted.length; i++) {
      rank[codes.get(sorted[i])] = i;
    }
    return rank;
  }

  /** Returns the measurement level. */
  public MeasurementLevel level() {
    return level;
  }

  /** Returns the number of distinct items. */
  public int itemCount() {
    return itemIds.length;
  }

  /** Returns the number of distinct annotators. */
  public int annotatorCount() {
    return annotatorIds.length;
  }

  /** Returns the number of distinct categories (labels). */
  public int categoryCount() {
    return categories.length;
  }

  /** Returns the number of ratings. */
  public int ratingCount() {
    return annotatorOf.length;
  }

  /** Returns the id of item {@code i}. */
  public String itemId(int i) {
    return itemIds[i];
  }

  /** Returns the id of annotator {@code a}. */
  public String annotatorId(int a) {
    return annotatorIds[a];
  }

  /** Returns the label text of category {@code c}. */
  public String category(int c) {
    return categories[c];
  }

  /** Returns the numeric value of category {@code c} (its rank at nominal and text ordinal). */
  public double categoryValue(int c) {
    return categoryValues[c];
  }

  /** Returns the index of the first rating of item {@code i}; ratings of item i end at i + 1. */
  int itemStart(int i) {
    return itemStart[i];
  }

  /** Returns the annotator of the rating at position {@code p} (grouped by item). */
  int annotatorAt(int p) {
    return annotatorOf[p];
  }

  /** Returns the category of the rating at position {@code p} (grouped by item). */
  int categoryAt(int p) {
    return categoryOf[p];
  }

  /** Returns the number of ratings of item {@code i}. */
  int ratingsOf(int i) {
    return itemStart[i + 1] - itemStart[i];
  }

  /** Returns the category index of a label text, or -1 if it never occurs. */
  int categoryIndex(String label) {
    if (numeric) {
      Double v = parse(label);
      if (v == null) {
        return -1;
      }
      int found = Arrays.binarySearch(categoryValues, v);
      return found >= 0 ? found : -1;
    }
    return List.of(categories).indexOf(label);
  }

  static Double parse(String text) {
    try {
      double v = Double.parseDouble(text.strip());
      return Double.isFinite(v) ? v : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The mapping of distinct label texts to ordered categories. */
  private record CategoryCoding(
      String[] categories, double[] values, int[] categoryOfLabel, boolean numeric) {

    static CategoryCoding of(
        String[] labelTexts,
        MeasurementLevel level,
        List<String> categoryOrder,
        List<Annotation> annotations,
        int[] labelOfRow) {
      boolean numeric = level.isNumeric()
          || (level == MeasurementLevel.ORDINAL && categoryOrder.isEmpty());
      if (numeric) {
        return numeric(labelTexts, level, annotations, labelOfRow);
      }
      String[] ordered;
      if (level == MeasurementLevel.ORDINAL) {
        for (int r = 0; r < labelOfRow.length; r++) {
          String text = labelTexts[labelOfRow[r]];
          if (!categoryOrder.contains(text)) {
            throw new IllegalArgumentException(describe(annotations, r)
                + " has label '" + text + "', which is not in categoryOrder " + categoryOrder);
          }
        }
        ordered = categoryOrder.stream().filter(List.of(labelTexts)::contains)
            .toArray(String[]::new);
      } else {
        ordered = labelTexts.clone();
        Arrays.sort(ordered, Comparator.naturalOrder());
      }
      Map<String, Integer> index = new HashMap<>();
      double[] values = new double[ordered.length];
      for (int c = 0; c < ordered.length; c++) {
        index.put(ordered[c], c);
        values[c] = c;
      }
      int[] categoryOfLabel = new int[labelTexts.length];
      for (int l = 0; l < labelTexts.length; l++) {
        categoryOfLabel[l] = index.get(labelTexts[l]);
      }
      return new CategoryCoding(ordered, values, categoryOfLabel, false);
    }

    private static CategoryCoding numeric(
        String[] labelTexts, MeasurementLevel level, List<Annotation> annotations,
        int[] labelOfRow) {
      double[] parsed = new double[labelTexts.length];
      for (int l = 0; l < labelTexts.length; l++) {
        Double v = parse(labelTexts[l]);
        if (v == null) {
          int row = firstRowWith(labelOfRow, l);
          String hint = level == MeasurementLevel.ORDINAL
              ? "; give LabelConsistencyConfig.categoryOrder for ordinal text labels"
              : "";
          throw new IllegalArgumentException(describe(annotations, row) + " has label '"
              + labelTexts[l] + "', which is not a finite number as the " + level
              + " level requires" + hint);
        }
        if (level == MeasurementLevel.RATIO && v < 0) {
          int row = firstRowWith(labelOfRow, l);
          throw new IllegalArgumentException(describe(annotations, row) + " has label '"
              + labelTexts[l] + "', but the RATIO level needs values >= 0");
        }
        parsed[l] = v;
      }
      double[] values = Arrays.stream(parsed).distinct().sorted().toArray();
      String[] names = new String[values.length];
      int[] categoryOfLabel = new int[labelTexts.length];
      for (int l = 0; l < labelTexts.length; l++) {
        int c = Arrays.binarySearch(values, parsed[l]);
        categoryOfLabel[l] = c;
        // Texts of the same number ("1", "1.0") share a category named by the smallest text.
        if (names[c] == null || labelTexts[l].compareTo(names[c]) < 0) {
          names[c] = labelTexts[l];
        }
      }
      return new CategoryCoding(names, values, categoryOfLabel, true);
    }

    private static int firstRowWith(int[] labelOfRow, int label) {
      int r = 0;
      while (labelOfRow[r] != label) {
        r++;
      }
      return r;
    }

    private static String describe(List<Annotation> annotations, int row) {
      Annotation a = annotations.get(row);
      return "annotations[" + row + "] (item '" + a.itemId() + "', annotator '"
          + a.annotatorId() + "')";
    }
  }
}
