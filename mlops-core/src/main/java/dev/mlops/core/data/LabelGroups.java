package dev.mlops.core.data;

import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.Column;
import dev.mlops.data.Dataset;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a dataset grouped by label class, classes in sorted order, rows ascending. A missing
 * label is its own class {@code "<missing>"}, so no row is dropped. Immutable after construction.
 */
final class LabelGroups {
  final List<String> classes;
  final int[][] rows;

  private LabelGroups(List<String> classes, int[][] rows) {
    this.classes = classes;
    this.rows = rows;
  }

  static LabelGroups of(Dataset data, String labelColumn) {
    Column label = data.column(labelColumn);
    CategoricalColumn cat = Values.asCategorical(label);
    List<String> categories = new ArrayList<>(cat.categories());
    int missingCode = categories.size();
    categories.add(Values.MISSING);
    int[] counts = new int[categories.size()];
    for (int r = 0; r < cat.size(); r++) {
      int c = cat.code(r);
      counts[c < 0 ? missingCode : c]++;
    }
    List<Integer> used = new ArrayList<>();
    for (int c = 0; c < counts.length; c++) {
      if (counts[c] > 0) {
        used.add(c);
      }
    }
    used.sort((a, b) -> categories.get(a).compareTo(categories.get(b)));
    int[] groupOf = new int[categories.size()];
    List<String> classes = new ArrayList<>();
    int[][] rows = new int[used.size()][];
    for (int g = 0; g < used.size(); g++) {
      int c = used.get(g);
      groupOf[c] = g;
      classes.add(categories.get(c));
      rows[g] = new int[counts[c]];
    }
    int[] fill = new int[used.size()];
    for (int r = 0; r < cat.size(); r++) {
      int c = cat.code(r);
      int g = groupOf[c < 0 ? missingCode : c];
      rows[g][fill[g]++] = r;
    }
    return new LabelGroups(List.copyOf(classes), rows);
  }

  int size(int group) {
    return rows[group].length;
  }

  long total() {
    long n = 0;
    for (int[] g : rows) {
      n += g.length;
    }
    return n;
  }
}
