package dev.mlops.core.data;

import com.google.common.hash.Hashing;
import dev.mlops.data.Column;
import dev.mlops.data.Dataset;
import dev.mlops.data.DatasetSplit;
import dev.mlops.data.Split;
import dev.mlops.data.SplitFractions;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Random;

/**
 * Splits a dataset into train, dev and test parts.
 *
 * <ul>
 *   <li>{@link #stratified}: per label class, the rows are shuffled with the seed and divided so
 *       each part gets the class's exact share rounded down or up (largest remainder), i.e.
 *       within one row of exact. Same data and seed, same split.
 *   <li>{@link #byHash}: each row goes to the part its id's hash falls in (FarmHash
 *       Fingerprint64 of the id's text, scaled to [0, 1), as TFX's example splitting does). A
 *       row's part depends on its id only, so rows keep their part when the dataset grows.
 * </ul>
 *
 * <p>Each part keeps the rows in their original order. A missing label is its own class; a missing
 * id is an error, since its row could not be placed reproducibly. Random numbers come from
 * {@link java.util.Random}, whose algorithm the JDK specifies, so splits are stable across JVMs.
 *
 * <p>Stateless and thread-safe.
 */
public final class DatasetSplitter {
  private DatasetSplitter() {}

  /**
   * Splits stratified by label.
   *
   * @param data the dataset
   * @param labelColumn the column whose classes keep their shares in every part
   * @param fractions the share of each part
   * @param seed the shuffle seed
   * @throws IllegalArgumentException if the label column is absent
   */
  public static DatasetSplit stratified(
      Dataset data, String labelColumn, SplitFractions fractions, long seed) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(fractions, "fractions");
    LabelGroups groups = LabelGroups.of(data, labelColumn);
    Random random = new Random(seed);
    Split[] assigned = new Split[data.rowCount()];
    for (int g = 0; g < groups.classes.size(); g++) {
      int[] rows = groups.rows[g].clone();
      shuffle(rows, random);
      int[] counts = apportion(rows.length, fractions);
      int at = 0;
      for (Split part : Split.values()) {
        for (int i = 0; i < counts[part.ordinal()]; i++) {
          assigned[rows[at++]] = part;
        }
      }
    }
    return assemble(data, assigned);
  }

  /**
   * Splits by the hash of an id column.
   *
   * @param data the dataset
   * @param idColumn the column whose value decides each row's part
   * @param fractions the share of each part
   * @throws IllegalArgumentException if the id column is absent or an id is missing
   */
  public static DatasetSplit byHash(Dataset data, String idColumn, SplitFractions fractions) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(fractions, "fractions");
    Column ids = data.column(idColumn);
    Split[] assigned = new Split[data.rowCount()];
    for (int r = 0; r < assigned.length; r++) {
      String id = Values.text(ids, r);
      if (id == null) {
        throw new IllegalArgumentException("id column '" + idColumn + "' is missing at row " + r
            + "; a hash split needs an id in every row");
      }
      assigned[r] = partOf(id, fractions);
    }
    return assemble(data, assigned);
  }

  /** Returns the part a row with this id goes to in {@link #byHash}. */
  public static Split partOf(String id, SplitFractions fractions) {
    long hash = Hashing.farmHashFingerprint64().hashString(id, StandardCharsets.UTF_8).asLong();
    double u = (hash >>> 11) * 0x1.0p-53;
    if (u < fractions.train()) {
      return Split.TRAIN;
    }
    return u < fractions.train() + fractions.dev() ? Split.DEV : Split.TEST;
  }

  /**
   * Divides {@code n} rows by the fractions: floors first, then one more row each to the parts
   * with the largest fractional remainders (ties in train, dev, test order).
   */
  static int[] apportion(int n, SplitFractions fractions) {
    Split[] parts = Split.values();
    int[] counts = new int[parts.length];
    double[] remainder = new double[parts.length];
    int given = 0;
    for (Split p : parts) {
      double exact = n * fractions.of(p);
      counts[p.ordinal()] = (int) Math.floor(exact);
      remainder[p.ordinal()] = exact - counts[p.ordinal()];
      given += counts[p.ordinal()];
    }
    for (int left = n - given; left > 0; left--) {
      int best = 0;
      for (int i = 1; i < parts.length; i++) {
        if (remainder[i] > remainder[best]) {
          best = i;
        }
      }
      counts[best]++;
      remainder[best] = -1;
    }
    return counts;
  }

  private static void shuffle(int[] rows, Random random) {
    for (int i = rows.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = rows[i];
      rows[i] = rows[j];
      rows[j] = t;
    }
  }

  private static DatasetSplit assemble(Dataset data, Split[] assigned) {
    int[][] parts = new int[Split.values().length][assigned.length];
    int[] sizes = new int[parts.length];
    for (int r = 0; r < assigned.length; r++) {
      int p = assigned[r].ordinal();
      parts[p][sizes[p]++] = r;
    }
    return new DatasetSplit(
        data.selectRows(Arrays.copyOf(parts[0], sizes[0])),
        data.selectRows(Arrays.copyOf(parts[1], sizes[1])),
        data.selectRows(Arrays.copyOf(parts[2], sizes[2])));
  }
}
