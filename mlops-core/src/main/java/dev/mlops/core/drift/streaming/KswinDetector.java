package dev.mlops.core.drift.streaming;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.drift.KolmogorovSmirnovTest;
import dev.mlops.core.drift.TestResult;
import dev.mlops.drift.DetectorSnapshot;
import dev.mlops.drift.DriftState;
import dev.mlops.drift.SnapshotException;
import java.util.Arrays;
import java.util.Objects;

/**
 * KSWIN (Raab et al. 2020): keeps the last {@code windowSize} values; once the window is full,
 * every value compares the newest {@code statSize} values with as many drawn at random (seeded)
 * from the older part, by the two-sample Kolmogorov-Smirnov test of
 * {@link KolmogorovSmirnovTest}. A drift is flagged when the p-value is at most {@code alpha}
 * and the statistic exceeds {@code minStatistic}; the window then keeps only the newest
 * {@code statSize} values. The estimated change start is the oldest of those. No warning zone.
 *
 * <p>Works on any finite values. Memory is {@code windowSize} values plus scratch arrays, all
 * allocated up front; {@link #add(double)} sorts two samples and runs the exact test per value,
 * so it costs microseconds rather than nanoseconds. Not thread-safe (see
 * {@link dev.mlops.drift.StreamingDriftDetector}).
 */
public final class KswinDetector extends AbstractDetector {
  /** Snapshot type name: {@value}. */
  public static final String TYPE = "kswin";
  /** Snapshot layout version: {@value}. */
  public static final int FORMAT_VERSION = 1;

  private final KswinConfig config;
  private final double[] window;
  private final double[] older;
  private final double[] recent;
  private final int[] pool;
  private int start;
  private int size;
  private long random;
  private double statistic = Double.NaN;

  /** Creates a detector with {@code config}. */
  public KswinDetector(KswinConfig config) {
    super(TYPE);
    this.config = Objects.requireNonNull(config, "config");
    this.window = new double[config.windowSize()];
    this.older = new double[config.statSize()];
    this.recent = new double[config.statSize()];
    this.pool = new int[config.windowSize() - config.statSize()];
    this.random = config.seed();
  }

  /** Creates a detector with the defaults. */
  public KswinDetector() {
    this(KswinConfig.defaults());
  }

  /** Returns the configuration. */
  public KswinConfig config() {
    return config;
  }

  @Override
  DriftState step(double value, long index) {
    int w = window.length;
    if (size == w) {
      start = (start + 1) % w;
      size--;
    }
    window[(start + size) % w] = value;
    size++;
    if (size < w) {
      statistic = Double.NaN;
      return DriftState.NONE;
    }
    int s = recent.length;
    for (int i = 0; i < pool.length; i++) {
      pool[i] = i;
    }
    for (int i = 0; i < s; i++) {
      int j = i + (int) Math.floorMod(nextRandom(), (long) (pool.length - i));
      int t = pool[i];
      pool[i] = pool[j];
      pool[j] = t;
      older[i] = window[(start + pool[i]) % w];
    }
    for (int i = 0; i < s; i++) {
      recent[i] = window[(start + w - s + i) % w];
    }
    Arrays.sort(older);
    Arrays.sort(recent);
    TestResult r = KolmogorovSmirnovTest.testSorted(older, recent);
    statistic = r.pValue();
    if (r.pValue() <= config.alpha() && r.statistic() > config.minStatistic()) {
      start = (start + w - s) % w;
      size = s;
      return DriftState.DRIFT;
    }
    return DriftState.NONE;
  }

  /** SplitMix64 (Steele et al. 2014): one long of state, so a snapshot can carry it. */
  private long nextRandom() {
    random += 0x9E3779B97F4A7C15L;
    long z = random;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  @Override
  long estimateChangeStart(long index, long warningStart) {
    return index - recent.length + 1;
  }

  /** Returns the test's p-value (NaN until the window is full). */
  @Override
  double statistic() {
    return statistic;
  }

  /** Returns {@code alpha}; a drift needs a p-value at or below it. */
  @Override
  double threshold() {
    return Double.isNaN(statistic) ? Double.NaN : config.alpha();
  }

  @Override
  void clear() {
    start = 0;
    size = 0;
    random = config.seed();
    statistic = Double.NaN;
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
    SnapshotDocument.putNumbers(node, "window", window, start, size);
    node.put("random", random);
    node.put("statistic", Double.isNaN(statistic) ? null : statistic);
  }

  @Override
  void readState(SnapshotDocument doc) {
    double[] values = doc.stateNumbers("window");
    if (values.length > window.length) {
      throw new SnapshotException("state.window", "at most " + window.length + " values",
          String.valueOf(values.length));
    }
    System.arraycopy(values, 0, window, 0, values.length);
    start = 0;
    size = values.length;
    random = doc.stateLong("random");
    statistic = doc.stateNumberOrNaN("statistic");
  }

  /**
   * Restores a detector with the configuration its snapshot holds.
   *
   * @throws dev.mlops.drift.SnapshotException if the snapshot is of another type, a newer
   *     version or malformed
   */
  public static KswinDetector restore(DetectorSnapshot snapshot) {
    Settings.Opened<KswinConfig> o =
        Settings.open(snapshot, TYPE, FORMAT_VERSION, KswinConfig::fromSettings);
    KswinDetector d = new KswinDetector(o.config());
    return d.restoreFrom(o.doc(), d);
  }

  /**
   * Restores a detector, insisting that its snapshot was taken with {@code expected}.
   *
   * @throws dev.mlops.drift.SnapshotException naming {@code config.<key>} if the
   *     configurations differ, or as {@link #restore(DetectorSnapshot)}
   */
  public static KswinDetector restore(DetectorSnapshot snapshot,
      KswinConfig expected) {
    Settings.Opened<KswinConfig> o =
        Settings.open(snapshot, TYPE, FORMAT_VERSION, KswinConfig::fromSettings);
    o.requireConfig(expected, expected.settings(), o.config().settings());
    KswinDetector d = new KswinDetector(o.config());
    return d.restoreFrom(o.doc(), d);
  }
}
