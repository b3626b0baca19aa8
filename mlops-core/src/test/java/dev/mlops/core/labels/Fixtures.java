package dev.mlops.core.labels;

import dev.mlops.labels.Annotation;
import java.util.ArrayList;
import java.util.List;

/** Reference data sets of the golden tests, converted to long-form annotations. */
final class Fixtures {
  private Fixtures() {}

  /**
   * Fleiss (1971): psychiatric diagnoses of 30 subjects by 6 raters, as the 30 x 6 category table
   * in statsmodels {@code statsmodels/stats/tests/test_inter_rater.py} ({@code diagnoses}).
   */
  static final int[][] FLEISS_1971_DIAGNOSES = {
    {4, 4, 4, 4, 4, 4}, {2, 2, 2, 5, 5, 5}, {2, 3, 3, 3, 3, 5}, {5, 5, 5, 5, 5, 5},
    {2, 2, 2, 4, 4, 4}, {1, 1, 3, 3, 3, 3}, {3, 3, 3, 3, 5, 5}, {1, 1, 3, 3, 3, 4},
    {1, 1, 4, 4, 4, 4}, {5, 5, 5, 5, 5, 5}, {1, 4, 4, 4, 4, 4}, {1, 2, 4, 4, 4, 4},
    {2, 2, 2, 3, 3, 3}, {1, 4, 4, 4, 4, 4}, {2, 2, 4, 4, 4, 5}, {3, 3, 3, 3, 3, 5},
    {1, 1, 1, 4, 5, 5}, {1, 1, 1, 1, 1, 2}, {2, 2, 4, 4, 4, 4}, {1, 3, 3, 5, 5, 5},
    {5, 5, 5, 5, 5, 5}, {2, 4, 4, 4, 4, 4}, {2, 2, 4, 5, 5, 5}, {1, 1, 4, 4, 4, 4},
    {1, 4, 4, 4, 4, 5}, {2, 2, 2, 2, 2, 4}, {1, 1, 1, 1, 5, 5}, {2, 2, 4, 4, 4, 4},
    {1, 3, 3, 3, 3, 3}, {5, 5, 5, 5, 5, 5},
  };

  /**
   * The 3 coders x 15 units example of the {@code krippendorff} package's {@code alpha} docstring
   * (also Krippendorff's own example); 0 marks a missing rating.
   */
  static final int[][] KRIPPENDORFF_DOCSTRING = {
    {0, 0, 0, 0, 0, 3, 4, 1, 2, 1, 1, 3, 3, 0, 3},
    {1, 0, 2, 1, 3, 3, 4, 3, 0, 0, 0, 0, 0, 0, 0},
    {0, 0, 2, 1, 3, 4, 4, 0, 2, 1, 1, 3, 3, 0, 4},
  };

  /**
   * The 4 coders x 12 units example of the same docstring (from Krippendorff's "Computing
   * Krippendorff's alpha-reliability", p. 8); 0 marks a missing rating.
   */
  static final int[][] KRIPPENDORFF_FOUR_CODERS = {
    {1, 2, 3, 3, 2, 1, 4, 1, 2, 0, 0, 0},
    {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, 0, 3},
    {0, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, 0},
    {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, 0},
  };

  /** Items in rows, raters in columns. */
  static List<Annotation> fromItemRows(int[][] table) {
    List<Annotation> out = new ArrayList<>();
    for (int i = 0; i < table.length; i++) {
      for (int r = 0; r < table[i].length; r++) {
        out.add(Annotation.of("item" + i, "rater" + r, Integer.toString(table[i][r])));
      }
    }
    return out;
  }

  /** Coders in rows, units in columns, 0 = missing. */
  static List<Annotation> fromCoderRows(int[][] table) {
    List<Annotation> out = new ArrayList<>();
    for (int c = 0; c < table.length; c++) {
      for (int u = 0; u < table[c].length; u++) {
        if (table[c][u] != 0) {
          out.add(Annotation.of("unit" + u, "coder" + c, Integer.toString(table[c][u])));
        }
      }
    }
    return out;
  }

  /** Two raters from parallel label arrays. */
  static List<Annotation> twoRaters(int[] first, int[] second) {
    List<Annotation> out = new ArrayList<>();
    for (int i = 0; i < first.length; i++) {
      out.add(Annotation.of("item" + i, "A", Integer.toString(first[i])));
      out.add(Annotation.of("item" + i, "B", Integer.toString(second[i])));
    }
    return out;
  }
}
