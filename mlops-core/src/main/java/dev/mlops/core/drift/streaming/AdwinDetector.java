package dev.mlops.core.drift.streaming;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.drift.DetectorSnapshot;
import dev.mlops.drift.DriftState;
import dev.mlops.drift.SnapshotException;
import java.util.Arrays;
import java.util.Objects;

/**
 * ADWIN: keeps a window of recent values, summarized in an exponential histogram (rows of
 * buckets of 1, 2, 4, ... values), and drops its oldest part whenever the means of an older and a
 * newer sub-window differ by more than a Hoeffding-style bound. The values may be anything
 * finite (an error indicator, a loss, a feature).
 *
 * <p>A drift is signalled on the value that triggered a cut (in {@link AdwinConfig#direction()});
 * the estimated change start is the oldest value still in the window after the cut. ADWIN has
 * no warning zone. The window is checked every {@link AdwinConfig#clock()} values, so a
 * detection lands on a multiple of the clock.
 *
 * <p>The buckets live in two flat arrays sized for windows up to 2^{@value #ROWS} values, so
 * {@link #add(double)} allocates nothing; memory is about {@code ROWS * (maxBuckets + 1) * 16}
 * bytes whatever the stream length.
 *
 * <p>Not thread-safe (see {@link dev.mlops.drift.StreamingDriftDetector}).
 */
public final class AdwinDetector extends AbstractDetector {
  /** Snapshot type name: {@value}. */
  public static final String TYPE = "adwin";
  /** Snapshot layout version: {@value}. */
  public static final int FORMAT_VERSION = 1;
  /** Histogram rows: the window may grow to 2^{@value} values before the oldest row fills. */
  static final int ROWS = 62;

  private final AdwinConfig config;
  private final int slots;
  private final double[] totals;
  private final double[] variances;
  private final int[] rowSizes;
  private int rows;
  private long width;
  private double total;
  private double variance;
  private long ticks;
  private double statistic = Double.NaN;
  private double bound = Double.NaN;

  /** Creates a detector with {@code config}. */
  public AdwinDetector(AdwinConfig config) {
    super(TYPE);
    this.config = Objects.requireNonNull(config, "config");
    this.slots = config.maxBuckets() + 1;
    this.totals = new double[ROWS * slots];
    this.variances = new double[ROWS * slots];
    this.rowSizes = new int[ROWS];
    this.rows = 1;
  }

  /** Creates a detector with the defaults. */
  public AdwinDetector() {
    this(AdwinConfig.defaults());
  }

  /** Returns the configuration. */
  public AdwinConfig config() {
    return config;
  }

  /** Returns how many values the window holds. */
  public long width() {
    return width;
  }

  /** Returns the window's mean, 0 when it is empty (as MOA's {@code getEstimation()}). */
  public double mean() {
    return width > 0 ? total / width : 0;
  }

  /** Returns the window's variance, 0 when it is empty (as MOA's {@code getVariance()}). */
  public double variance() {
    return width > 0 ? variance / width : 0;
  }

  @Override
  DriftState step(double value, long index) {
    double before = mean();
    insert(value);
    ticks++;
    int cuts = 0;
    if (ticks % config.clock() == 0 && width > config.gracePeriod()) {
      cuts = checkForCuts();
    }
    boolean signal;
    if (config.moaCompatible()) {
      signal = cuts != 0 && mean() > before;
    } else {
      boolean up = (cuts & RISE) != 0;
      boolean down = (cuts & FALL) != 0;
      signal = config.direction() == Direction.BOTH ? up || down
          : config.direction() == Direction.INCREASE ? up : down;
    }
    return signal ? DriftState.DRIFT : DriftState.NONE;
  }

  private static final int RISE = 1;
  private static final int FALL = 2;

  private void insert(double value) {
    width++;
    if (width > 1) {
      double previousMean = total / (width - 1);
      variance += (width - 1) * (value - previousMean) * (value - previousMean) / width;
    }
    total += value;
    append(0, value, 0.0);
    compress();
  }

  private void append(int row, double sum, double var) {
    int k = rowSizes[row]++;
    totals[row * slots + k] = sum;
    variances[row * slots + k] = var;
  }

  /** Merges the two oldest buckets of every overfull row into one of the next row. */
  private void compress() {
    for (int row = 0; row < ROWS - 1 && rowSizes[row] == slots; row++) {
      if (row + 1 == rows) {
        rows++;
      }
      int at = row * slots;
      double size = bucketSize(row);
      double mean1 = totals[at] / size;
      double mean2 = totals[at + 1] / size;
      double pairs = config.moaCompatible() ? moaIntProduct(size, size) : size * size;
      double between = pairs * (mean1 - mean2) * (mean1 - mean2) / (size + size);
      append(row + 1, totals[at] + totals[at + 1], variances[at] + variances[at + 1] + between);
      shift(row, 2);
      if (rowSizes[row + 1] < slots) {
        break;
      }
    }
  }

  private void shift(int row, int n) {
    int at = row * slots;
    int keep = rowSizes[row] - n;
    System.arraycopy(totals, at + n, totals, at, keep);
    System.arraycopy(variances, at + n, variances, at, keep);
    rowSizes[row] = keep;
  }

  /**
   * MOA multiplies bucket sizes (and window widths) as Java {@code int}s, which wrap above
   * 2^31; its compatibility mode keeps that so its variance, and therefore its cuts, match.
   */
  private static double moaIntProduct(double a, double b) {
    return (int) ((long) a * (long) b);
  }

  private static double bucketSize(int row) {
    return (double) (1L << row);
  }

  /** Removes the oldest bucket; returns its size. */
  private long deleteOldest() {
    int row = rows - 1;
    int at = row * slots;
    long size = 1L << row;
    width -= size;
    total -= totals[at];
    double bucketMean = totals[at] / size;
    double windowMean = total / width;
    double product = config.moaCompatible() ? moaIntProduct(size, width) : (double) size * width;
    variance -= variances[at]
        + product * (bucketMean - windowMean) * (bucketMean - windowMean) / (size + width);
    shift(row, 1);
    if (rowSizes[row] == 0) {
      rows--;
    }
    return size;
  }

  /**
   * Tests every cut from the oldest bucket on; after each cut the oldest bucket goes and the test
   * starts over. Returns which directions were cut ({@link #RISE}, {@link #FALL}). The
   * expressions are MOA's, term for term, so that the compatibility mode cuts where MOA does.
   */
  private int checkForCuts() {
    int cuts = 0;
    check:
    while (true) {
      long n0 = 0;
      long n1 = width;
      double u0 = 0;
      double u1 = total;
      double logTerm = Math.log(2 * Math.log(width) / config.delta());
      double windowVariance = variance / width;
      int min = config.minWindowLength();
      double largest = -1;
      double largestM = Double.NaN;
      scan:
      for (int row = rows - 1; row >= 0; row--) {
        long size = 1L << row;
        int at = row * slots;
        for (int k = 0; k < rowSizes[row]; k++) {
          n0 += size;
          n1 -= size;
          u0 += totals[at + k];
          u1 -= totals[at + k];
          if (row == 0 && k == rowSizes[row] - 1) {
            break scan;
          }
          if (n1 > min + 1 && n0 > min + 1) {
            double difference = Math.abs(u0 / n0 - u1 / n1);
            double m = 1.0 / (n0 - min + 1) + 1.0 / (n1 - min + 1);
            double linear = 2.0 / 3 * logTerm * m;
            if (difference > largest) {
              largest = difference;
              largestM = m;
            }
            // epsilon = sqrt(...) + linear >= linear, so the square root is only needed past it.
            if (difference > linear
                && difference > Math.sqrt(2 * m * windowVariance * logTerm) + linear) {
              cuts |= u0 / n0 < u1 / n1 ? RISE : FALL;
              statistic = difference;
              bound = Math.sqrt(2 * m * windowVariance * logTerm) + linear;
              deleteOldest();
              continue check;
            }
          }
        }
      }
      if (cuts == 0 && largest >= 0) {
        statistic = largest;
        bound = Math.sqrt(2 * largestM * windowVariance * logTerm) + 2.0 / 3 * logTerm * largestM;
      }
      return cuts;
    }
  }

  @Override
  long estimateChangeStart(long index, long warningStart) {
    return index + 1 - width;
  }

  /**
   * Returns the largest |difference of sub-window means| at the last check (or at the cut it
   * made).
   */
  @Override
  double statistic() {
    return statistic;
  }

  /** Returns the bound that difference was compared with. */
  @Override
  double threshold() {
    return bound;
  }

  @Override
  void clear() {
    Arrays.fill(rowSizes, 0);
    rows = 1;
    width = 0;
    total = 0;
    variance = 0;
    ticks = 0;
    statistic = Double.NaN;
    bound = Double.NaN;
  }

  @Override
  int formatVersion() {
    return FORMAT_VERSION;
  }

  @Override
  void writeConfig(ObjectNode node) {
    config.settings().forEach(node::put);
  }

  @Override
  void writeState(ObjectNode node) {
    node.put("width", width);
    node.put("total", total);
    node.put("variance", variance);
    node.put("ticks", ticks);
    node.put("statistic", Double.isNaN(statistic) ? null : statistic);
    node.put("bound", Double.isNaN(bound) ? null : bound);
    ArrayNode buckets = node.putArray("rows");
    for (int row = 0; row < rows; row++) {
      ArrayNode r = buckets.addArray();
      for (int k = 0; k < rowSizes[row]; k++) {
        r.addArray().add(totals[row * slots + k]).add(variances[row * slots + k]);
      }
    }
  }

  @Override
  void readState(SnapshotDocument doc) {
    width = doc.stateLong("width");
    total = doc.stateNumber("total");
    variance = doc.stateNumber("variance");
    ticks = doc.stateLong("ticks");
    statistic = doc.stateNumberOrNaN("statistic");
    bound = doc.stateNumberOrNaN("bound");
    double[][][] buckets = doc.stateTable("rows");
    if (buckets.length < 1 || buckets.length > ROWS) {
      throw new SnapshotException("state.rows", "1 to " + ROWS + " rows",
          String.valueOf(buckets.length));
    }
    rows = buckets.length;
    long counted = 0;
    for (int row = 0; row < rows; row++) {
      if (buckets[row].length > slots - 1) {
        throw new SnapshotException("state.rows[" + row + "]", "at most " + (slots - 1)
            + " buckets", String.valueOf(buckets[row].length));
      }
      rowSizes[row] = buckets[row].length;
      for (int k = 0; k < rowSizes[row]; k++) {
        if (buckets[row][k].length != 2) {
          throw new SnapshotException("state.rows[" + row + "][" + k + "]",
              "[total, variance]", buckets[row][k].length + " numbers");
        }
        totals[row * slots + k] = buckets[row][k][0];
        variances[row * slots + k] = buckets[row][k][1];
      }
      counted += (long) rowSizes[row] << row;
    }
    if (counted != width) {
      throw new SnapshotException("state.width", "the buckets' size " + counted,
          String.valueOf(width));
    }
  }

  /**
   * Restores a detector with the configuration its snapshot holds.
   *
   * @throws SnapshotException if the snapshot is of another type, a newer version or malformed
   */
  public static AdwinDetector restore(DetectorSnapshot snapshot) {
    Settings.Opened<AdwinConfig> o =
        Settings.open(snapshot, TYPE, FORMAT_VERSION, AdwinConfig::fromSettings);
    AdwinDetector d = new AdwinDetector(o.config());
    return d.restoreFrom(o.doc(), d);
  }

  /**
   * Restores a detector, insisting that its snapshot was taken with {@code expected}.
   *
   * @throws SnapshotException naming {@code config.<key>} if the configurations differ, or as
   *     {@link #restore(DetectorSnapshot)}
   */
  public static AdwinDetector restore(DetectorSnapshot snapshot, AdwinConfig expected) {
    Settings.Opened<AdwinConfig> o =
        Settings.open(snapshot, TYPE, FORMAT_VERSION, AdwinConfig::fromSettings);
    o.requireConfig(expected, expected.settings(), o.config().settings());
    AdwinDetector d = new AdwinDetector(o.config());
    return d.restoreFrom(o.doc(), d);
  }
}
