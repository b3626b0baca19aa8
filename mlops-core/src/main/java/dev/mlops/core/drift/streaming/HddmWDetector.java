package dev.mlops.core.drift.streaming;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.drift.DetectorSnapshot;
import dev.mlops.drift.DriftState;
import java.util.Objects;

/**
 * HDDM-W (Frías-Blanco et al. 2015, the W-test): like HDDM-A but on exponentially weighted
 * means (weight {@code lambda} for the newest value) with McDiarmid's bound, so it reacts to
 * recent values faster. The cut point is where the weighted mean plus its bound was lowest; the
 * weighted mean of the values since the cut is compared with the one at the cut. The estimated
 * change start is the cut point. After a drift the next value starts afresh, as in MOA.
 *
 * <p>Both modes follow MOA 2024.07's {@code HDDM_W_Test} step by step; MOA mode reports no
 * change start. Values outside [0, 1] are rejected.
 *
 * <p>Allocation-free; constant memory. Not thread-safe (see
 * {@link dev.mlops.drift.StreamingDriftDetector}).
 */
public final class HddmWDetector extends AbstractDetector {
  /** Snapshot type name: {@value}. */
  public static final String TYPE = "hddm-w";
  /** Snapshot layout version: {@value}. */
  public static final int FORMAT_VERSION = 1;

  private final HddmWConfig config;
  // The logarithms of the bounds, computed once (the same doubles MOA computes per value).
  private final double logDrift;
  private final double logWarning;
  private final WeightedMean total = new WeightedMean();
  private final WeightedMean atRiseCut = new WeightedMean();
  private final WeightedMean sinceRiseCut = new WeightedMean();
  private final WeightedMean atFallCut = new WeightedMean();
  private final WeightedMean sinceFallCut = new WeightedMean();
  private double riseCut = Double.MAX_VALUE;
  private double fallCut = -Double.MAX_VALUE;
  private long riseCutAt = -1;
  private long fallCutAt = -1;
  private double statistic = Double.NaN;
  private double bound = Double.NaN;
  private long cutAt = -1;

  /** An exponentially weighted mean with McDiarmid's independent bounded condition sum. */
  private final class WeightedMean {
    boolean started;
    double mean;
    double boundSum;

    void add(double x) {
      double l = config.lambda();
      if (!started) {
        started = true;
        mean = x;
        boundSum = 1;
      } else {
        mean = l * x + (1 - l) * mean;
        boundSum = l * l + (1 - l) * (1 - l) * boundSum;
      }
    }

    void copy(WeightedMean other) {
      started = other.started;
      mean = other.mean;
      boundSum = other.boundSum;
    }

    void clear() {
      started = false;
      mean = 0;
      boundSum = 0;
    }

    void write(ObjectNode node, String prefix) {
      node.put(prefix + "_started", started);
      node.put(prefix + "_mean", mean);
      node.put(prefix + "_bound_sum", boundSum);
    }

    void read(SnapshotDocument doc, String prefix) {
      started = doc.stateFlag(prefix + "_started");
      mean = doc.stateNumber(prefix + "_mean");
      boundSum = doc.stateNumber(prefix + "_bound_sum");
    }
  }

  /** Creates a detector with {@code config}. */
  public HddmWDetector(HddmWConfig config) {
    super(TYPE);
    this.config = Objects.requireNonNull(config, "config");
    this.logDrift = Math.log(1 / config.driftConfidence());
    this.logWarning = Math.log(1 / config.warningConfidence());
  }

  /** Creates a detector with the defaults. */
  public HddmWDetector() {
    this(HddmWConfig.defaults());
  }

  /** Returns the configuration. */
  public HddmWConfig config() {
    return config;
  }

  @Override
  void checkValue(double value, long index) {
    Checks.unitInterval(TYPE, index, value);
  }

  @Override
  DriftState step(double value, long index) {
    if (state() == DriftState.DRIFT) {
      clear();
    }
    total.add(value);
    double epsilon = mcDiarmid(total.boundSum, logDrift);
    statistic = Double.NaN;
    bound = Double.NaN;
    cutAt = -1;
    DriftState next = DriftState.NONE;
    if (total.mean + epsilon < riseCut) {
      riseCut = total.mean + epsilon;
      riseCutAt = index + 1;
      atRiseCut.copy(total);
      sinceRiseCut.clear();
    } else {
      sinceRiseCut.add(value);
    }
    if (config.direction().watchesIncrease()) {
      next = test(atRiseCut, sinceRiseCut, riseCutAt);
    }
    if (total.mean - epsilon > fallCut) {
      fallCut = total.mean - epsilon;
      fallCutAt = index + 1;
      atFallCut.copy(total);
      sinceFallCut.clear();
    } else {
      sinceFallCut.add(value);
    }
    if (config.direction().watchesDecrease()) {
      DriftState fall = test(sinceFallCut, atFallCut, fallCutAt);
      if (fall == DriftState.DRIFT || (fall == DriftState.WARNING && next == DriftState.NONE)) {
        next = fall;
      }
    }
    return next;
  }

  /** Tests whether {@code later}'s mean exceeds {@code earlier}'s by more than the bound. */
  private DriftState test(WeightedMean earlier, WeightedMean later, long cutIndex) {
    if (!earlier.started || !later.started) {
      return DriftState.NONE;
    }
    double boundSum = earlier.boundSum + later.boundSum;
    double difference = later.mean - earlier.mean;
    double driftBound = mcDiarmid(boundSum, logDrift);
    if (Double.isNaN(statistic) || difference - driftBound > statistic - bound) {
      statistic = difference;
      bound = driftBound;
    }
    if (difference > driftBound) {
      cutAt = cutIndex;
      return DriftState.DRIFT;
    }
    if (difference > mcDiarmid(boundSum, logWarning)) {
      cutAt = cutIndex;
      return DriftState.WARNING;
    }
    return DriftState.NONE;
  }

  private static double mcDiarmid(double boundSum, double logOneOverConfidence) {
    return Math.sqrt(boundSum * logOneOverConfidence / 2);
  }

  @Override
  long estimateChangeStart(long index, long warningStart) {
    return config.moaCompatible() ? -1 : cutAt;
  }

  /** Returns the difference of weighted means after and at the cut point. */
  @Override
  double statistic() {
    return statistic;
  }

  /** Returns the drift bound that difference is compared with. */
  @Override
  double threshold() {
    return bound;
  }

  @Override
  void clear() {
    total.clear();
    atRiseCut.clear();
    sinceRiseCut.clear();
    atFallCut.clear();
    sinceFallCut.clear();
    riseCut = Double.MAX_VALUE;
    fallCut = -Double.MAX_VALUE;
    riseCutAt = -1;
    fallCutAt = -1;
    statistic = Double.NaN;
    bound = Double.NaN;
    cutAt = -1;
  }

  @Override
  void writeState(ObjectNode node) {
    total.write(node, "total");
    atRiseCut.write(node, "at_rise_cut");
    sinceRiseCut.write(node, "since_rise_cut");
    atFallCut.write(node, "at_fall_cut");
    sinceFallCut.write(node, "since_fall_cut");
    node.put("rise_cut", riseCut);
    node.put("fall_cut", fallCut);
    node.put("rise_cut_at", riseCutAt);
    node.put("fall_cut_at", fallCutAt);
    node.put("statistic", Double.isNaN(statistic) ? null : statistic);
    node.put("bound", Double.isNaN(bound) ? null : bound);
    node.put("cut_at", cutAt);
  }

  @Override
  void readState(SnapshotDocument doc) {
    total.read(doc, "total");
    atRiseCut.read(doc, "at_rise_cut");
    sinceRiseCut.read(doc, "since_rise_cut");
    atFallCut.read(doc, "at_fall_cut");
    sinceFallCut.read(doc, "since_fall_cut");
    riseCut = doc.stateNumber("rise_cut");
    fallCut = doc.stateNumber("fall_cut");
    riseCutAt = doc.stateLong("rise_cut_at");
    fallCutAt = doc.stateLong("fall_cut_at");
    statistic = doc.stateNumberOrNaN("statistic");
    bound = doc.stateNumberOrNaN("bound");
    cutAt = doc.stateLong("cut_at");
  }

  @Override
  int formatVersion() {
    return FORMAT_VERSION;
  }

  @Override
  void writeConfig(ObjectNode node) {
    config.settings().forEach(node::put);
  }

  /**
   * Restores a detector with the configuration its snapshot holds.
   *
   * @throws dev.mlops.drift.SnapshotException if the snapshot is of another type, a newer
   *     version or malformed
   */
  public static HddmWDetector restore(DetectorSnapshot snapshot) {
    Settings.Opened<HddmWConfig> o =
        Settings.open(snapshot, TYPE, FORMAT_VERSION, HddmWConfig::fromSettings);
    HddmWDetector d = new HddmWDetector(o.config());
    return d.restoreFrom(o.doc(), d);
  }

  /**
   * Restores a detector, insisting that its snapshot was taken with {@code expected}.
   *
   * @throws dev.mlops.drift.SnapshotException naming {@code config.<key>} if the
   *     configurations differ, or as {@link #restore(DetectorSnapshot)}
   */
  public static HddmWDetector restore(DetectorSnapshot snapshot,
      HddmWConfig expected) {
    Settings.Opened<HddmWConfig> o =
        Settings.open(snapshot, TYPE, FORMAT_VERSION, HddmWConfig::fromSettings);
    o.requireConfig(expected, expected.settings(), o.config().settings());
    HddmWDetector d = new HddmWDetector(o.config());
    return d.restoreFrom(o.doc(), d);
  }
}
