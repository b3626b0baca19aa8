package dev.mlops.core.drift;

import dev.mlops.data.BooleanColumn;
import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.Column;
import dev.mlops.data.Dataset;
import dev.mlops.data.NumericColumn;
import dev.mlops.drift.BatchDriftConfig;
import dev.mlops.drift.BatchDriftDetector;
import dev.mlops.drift.ColumnDrift;
import dev.mlops.drift.ColumnStatus;
import dev.mlops.drift.Correction;
import dev.mlops.drift.DriftReport;
import dev.mlops.drift.DriftTest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

/**
 * Batch drift detection by univariate two-sample tests per column (the tests of
 * {@link DriftTest}, with scipy's numbers), Evidently's default test selection and thresholds,
 * dataset drift by the share of drifted columns, and an optional multiple-testing correction.
 *
 * <p>Per column: missing values (NaN, null) are removed from each side separately and the change
 * of the missing rate is tested on its own (two-proportion z-test on the missing counts);
 * categories seen only in the current data are listed. Columns that cannot be tested — absent on
 * one side, of different or unsupported types, empty or all missing on a side, holding ±Inf, a
 * single value on both sides, a test that does not fit the data — are reported as
 * {@link ColumnStatus#SKIPPED} with the reason; the report never holds a NaN p-value.
 *
 * <p>Immutable and thread-safe.
 */
public final class StatisticalDriftDetector implements BatchDriftDetector {
  private final BatchDriftConfig config;

  private StatisticalDriftDetector(BatchDriftConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /** Returns a detector with {@link BatchDriftConfig#defaults()}. */
  public static StatisticalDriftDetector defaults() {
    return new StatisticalDriftDetector(BatchDriftConfig.defaults());
  }

  /** Returns a detector with the given settings. */
  public static StatisticalDriftDetector of(BatchDriftConfig config) {
    return new StatisticalDriftDetector(config);
  }

  /** Returns the settings. */
  public BatchDriftConfig config() {
    return config;
  }

  @Override
  public String name() {
    return "statistical";
  }

  @Override
  public DriftReport detect(Dataset reference, Dataset current) {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(current, "current");
    List<ColumnDrift> raw = new ArrayList<>();
    for (String name : columnNames(reference, current)) {
      raw.add(column(name, reference.find(name), current.find(name)));
    }
    return decide(raw, config);
  }

  private List<String> columnNames(Dataset reference, Dataset current) {
    if (!config.columns().isEmpty()) {
      return config.columns();
    }
    Set<String> names = new LinkedHashSet<>(reference.columnNames());
    names.addAll(current.columnNames());
    return List.copyOf(names);
  }

  /** Applies the correction and thresholds, then the dataset-level rule (shared by profiles). */
  static DriftReport decide(List<ColumnDrift> raw, BatchDriftConfig config) {
    List<Integer> pIndex = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      if (raw.get(i).status() == ColumnStatus.OK && raw.get(i).pValue().isPresent()) {
        pIndex.add(i);
      }
    }
    double[] p = new double[pIndex.size()];
    for (int k = 0; k < p.length; k++) {
      p[k] = raw.get(pIndex.get(k)).pValue().getAsDouble();
    }
    double[] adjusted = MultipleTesting.adjust(p, config.correction());
    List<ColumnDrift> out = new ArrayList<>(raw);
    for (int k = 0; k < p.length; k++) {
      ColumnDrift c = raw.get(pIndex.get(k));
      OptionalDouble adj =
          config.correction() == Correction.NONE ? OptionalDouble.empty() : OptionalDouble.of(adjusted[k]);
      out.set(pIndex.get(k), withDecision(c, adj, adjusted[k] < c.threshold()));
    }
    for (int i = 0; i < out.size(); i++) {
      ColumnDrift c = out.get(i);
      if (c.status() == ColumnStatus.OK && c.pValue().isEmpty()) {
        out.set(i, withDecision(c, OptionalDouble.empty(), c.statistic() >= c.threshold()));
      }
    }
    int tested = 0;
    int drifted = 0;
    for (ColumnDrift c : out) {
      if (c.status() == ColumnStatus.OK) {
        tested++;
        if (c.drifted()) {
          drifted++;
        }
      }
    }
    boolean datasetDrift = tested > 0 && (double) drifted / tested >= config.driftShare();
    return new DriftReport(datasetDrift, config.driftShare(), drifted, tested, config.correction(), out);
  }

  private static ColumnDrift withDecision(ColumnDrift c, OptionalDouble adjusted, boolean drifted) {
    return new ColumnDrift(c.name(), c.type(), c.test(), c.statistic(), c.pValue(), adjusted,
        c.threshold(), drifted, c.referenceMissingRate(), c.currentMissingRate(),
        c.missingRatePValue(), c.missingRateDrifted(), c.newCategories(), c.status(), c.reason());
  }

  private ColumnDrift column(String name, Optional<Column> ref, Optional<Column> cur) {
    if (ref.isEmpty() || cur.isEmpty()) {
      Column present = ref.or(() -> cur).orElse(null);
      String type = present == null ? "unknown" : typeName(present);
      String reason = present == null
          ? "column is in neither dataset"
          : "column is only in the " + (ref.isPresent() ? "reference" : "current") + " data";
      return skipped(name, type, reason);
    }
    Column r = ref.get();
    Column c = cur.get();
    boolean numeric = r instanceof NumericColumn && c instanceof NumericColumn;
    boolean categorical = isCategorical(r) && isCategorical(c);
    if (!numeric && !categorical) {
      String reason = r.type() == c.type()
          ? "type " + r.type() + " is not tested for drift"
          : "reference is " + r.type() + " but current is " + c.type();
      return skipped(name, typeName(r), reason);
    }
    ColumnSample rs = numeric ? ColumnSample.numeric((NumericColumn) r) : ColumnSample.categorical(r);
    ColumnSample cs = numeric ? ColumnSample.numeric((NumericColumn) c) : ColumnSample.categorical(c);
    return new ColumnRun(name, numeric, rs, cs).run();
  }

  private static boolean isCategorical(Column c) {
    return c instanceof CategoricalColumn || c instanceof BooleanColumn;
  }

  private static String typeName(Column c) {
    if (c instanceof NumericColumn) {
      return "numeric";
    }
    return isCategorical(c) ? "categorical" : c.type().name().toLowerCase(Locale.ROOT);
  }

  private static ColumnDrift skipped(String name, String type, String reason) {
    return new ColumnDrift(name, type, "", Double.NaN, OptionalDouble.empty(),
        OptionalDouble.empty(), Double.NaN, false, 0, 0, OptionalDouble.empty(), false, List.of(),
        ColumnStatus.SKIPPED, Optional.of(reason));
  }

  /** The test of one column on its prepared samples. */
  private final class ColumnRun {
    private final String name;
    private final boolean numeric;
    private final ColumnSample rs;
    private final ColumnSample cs;
    private final String type;

    ColumnRun(String name, boolean numeric, ColumnSample rs, ColumnSample cs) {
      this.name = name;
      this.numeric = numeric;
      this.rs = rs;
      this.cs = cs;
      this.type = numeric ? "numeric" : "categorical";
    }

    ColumnDrift run() {
      if (rs.size == 0 || cs.size == 0) {
        return skip("", (rs.size == 0 ? "reference" : "current") + " data has no rows");
      }
      if (rs.present() == 0 || cs.present() == 0) {
        return skip("", "all values of the " + (rs.present() == 0 ? "reference" : "current")
            + " data are missing");
      }
      if (rs.infinite > 0 || cs.infinite > 0) {
        return skip("", (rs.infinite > 0 ? "reference has " + rs.infinite : "current has " + cs.infinite)
            + " infinite value(s) (+/-Inf); remove or cap them to test this column");
      }
      int distinct = numeric
          ? distinctUnion(rs.sorted, cs.sorted, distinctCap(config.bins()))
          : unionSize();
      DriftTest test = config.columnTests().getOrDefault(name,
          config.test().orElseGet(() -> DefaultTestSelection.select(numeric, rs.present(), distinct)));
      if (distinct < 2) {
        String value = numeric ? ColumnSample.label(rs.sorted[0]) : rs.counts.keySet().iterator().next();
        return skip(test.id(), "constant column: every value is " + value + " on both sides");
      }
      if (!numeric && !test.acceptsCategorical()) {
        return skip(test.id(), "test " + test.id() + " needs numeric data; column is categorical");
      }
      double threshold = config.columnThresholds().getOrDefault(name,
          config.threshold().isPresent() ? config.threshold().getAsDouble() : test.defaultThreshold());
      double statistic;
      OptionalDouble p = OptionalDouble.empty();
      try {
        if (test.kind() == DriftTest.Kind.P_VALUE) {
          TestResult result = pValueTest(test);
          statistic = result.statistic();
          p = OptionalDouble.of(result.pValue());
        } else {
          statistic = distance(test, distinct);
        }
      } catch (IllegalArgumentException e) {
        return skip(test.id(), test.id() + " cannot test this column: " + e.getMessage());
      }
      if (Double.isNaN(statistic)) {
        return skip(test.id(), test.id() + " gave no number (NaN) for this column");
      }
      OptionalDouble missingP = missingRateP();
      return new ColumnDrift(name, type, test.id(), statistic, p, OptionalDouble.empty(), threshold,
          false, rs.missingRate(), cs.missingRate(), missingP, missingRateDrifted(missingP),
          newCategories(), ColumnStatus.OK, Optional.empty());
    }

    private ColumnDrift skip(String test, String reason) {
      OptionalDouble missingP = missingRateP();
      return new ColumnDrift(name, type, test, Double.NaN, OptionalDouble.empty(),
          OptionalDouble.empty(), Double.NaN, false, rs.missingRate(), cs.missingRate(), missingP,
          missingRateDrifted(missingP), newCategories(), ColumnStatus.SKIPPED, Optional.of(reason));
    }

    private boolean missingRateDrifted(OptionalDouble missingP) {
      return missingP.isPresent() && missingP.getAsDouble() < config.missingRateAlpha();
    }

    private TestResult pValueTest(DriftTest test) {
      return switch (test) {
        case KS -> KolmogorovSmirnovTest.testSorted(rs.sorted, cs.sorted);
        case MANN_WHITNEY -> MannWhitneyUTest.testSorted(rs.sorted, cs.sorted);
        case TTEST -> WelchTTest.test(rs.sorted, cs.sorted);
        case ANDERSON -> AndersonDarlingTest.testSorted(rs.sorted, cs.sorted);
        case CVM -> CramerVonMisesTest.testSorted(rs.sorted, cs.sorted);
        case CHISQUARE -> {
          long[][] t = categoryTable();
          yield ContingencyTests.chiSquare(t[0], t[1]);
        }
        case Z -> {
          long[][] t = categoryTable();
          yield ContingencyTests.twoProportionZ(t[0], t[1]);
        }
        case FISHER -> {
          long[][] t = categoryTable();
          yield ContingencyTests.fisherExact(t[0], t[1]);
        }
        default -> throw new IllegalStateException("not a p-value test: " + test);
      };
    }

    private double distance(DriftTest test, int distinct) {
      switch (test) {
        case WASSERSTEIN -> {
          double std = populationStd(rs.sorted);
          if (std == 0) {
            throw new IllegalArgumentException(
                "the reference is constant, so the normed Wasserstein distance (divided by its"
                    + " standard deviation) is undefined; use wasserstein_raw");
          }
          return CdfDistance.wassersteinSorted(rs.sorted, cs.sorted) / std;
        }
        case WASSERSTEIN_RAW -> {
          return CdfDistance.wassersteinSorted(rs.sorted, cs.sorted);
        }
        case ENERGY -> {
          return CdfDistance.energySorted(rs.sorted, cs.sorted);
        }
        default -> {
          long[][] t = numeric && distinct > config.bins() ? binnedTable() : categoryTable();
          return switch (test) {
            case PSI -> BinnedDistance.psi(t[0], t[1]);
            case JENSEN_SHANNON -> BinnedDistance.jensenShannon(t[0], t[1]);
            case KL -> BinnedDistance.kl(t[0], t[1]);
            case HELLINGER -> BinnedDistance.hellinger(t[0], t[1]);
            case TVD -> BinnedDistance.totalVariation(t[0], t[1]);
            default -> throw new IllegalStateException("not a distance: " + test);
          };
        }
      }
    }

    private long[][] binnedTable() {
      QuantileBins bins = QuantileBins.fromSorted(rs.sorted, config.bins());
      return new long[][] {bins.countSorted(rs.sorted), bins.countSorted(cs.sorted)};
    }

    /** Counts over the union of categories, in sorted order of the labels. */
    private long[][] categoryTable() {
      Map<String, Long> r = rs.categoryCounts();
      Map<String, Long> c = cs.categoryCounts();
      Set<String> all = new LinkedHashSet<>(r.keySet());
      all.addAll(c.keySet());
      List<String> labels = new ArrayList<>(all);
      if (numeric) {
        labels.sort((a, b) -> Double.compare(Double.parseDouble(a), Double.parseDouble(b)));
      } else {
        labels.sort(null);
      }
      long[][] t = new long[2][labels.size()];
      for (int i = 0; i < labels.size(); i++) {
        t[0][i] = r.getOrDefault(labels.get(i), 0L);
        t[1][i] = c.getOrDefault(labels.get(i), 0L);
      }
      return t;
    }

    private int unionSize() {
      Set<String> all = new LinkedHashSet<>(rs.counts.keySet());
      all.addAll(cs.counts.keySet());
      return all.size();
    }

    private List<String> newCategories() {
      if (numeric || rs.counts == null) {
        return List.of();
      }
      TreeSet<String> fresh = new TreeSet<>(cs.counts.keySet());
      fresh.removeAll(rs.counts.keySet());
      return List.copyOf(fresh);
    }

    private OptionalDouble missingRateP() {
      if (rs.missing == 0 && cs.missing == 0) {
        return OptionalDouble.empty();
      }
      try {
        TestResult t = ContingencyTests.twoProportionZ(
            new long[] {rs.missing, rs.present()}, new long[] {cs.missing, cs.present()});
        return OptionalDouble.of(t.pValue());
      } catch (IllegalArgumentException e) {
        return OptionalDouble.empty();
      }
    }
  }

  static double populationStd(double[] x) {
    double mean = 0;
    for (double v : x) {
      mean += v;
    }
    mean /= x.length;
    double s = 0;
    for (double v : x) {
      s += (v - mean) * (v - mean);
    }
    return Math.sqrt(s / x.length);
  }

  /**
   * The most distinct numeric values worth counting: a column's count is only compared with 2
   * (constant column, z test), {@link DefaultTestSelection#FEW_VALUES} and the number of bins, so
   * one more than the largest of these decides every comparison as the full count would, and the
   * merge of both samples stops after a few values instead of reading all of them.
   */
  static int distinctCap(int bins) {
    int largest = Math.max(DefaultTestSelection.FEW_VALUES, bins);
    return largest == Integer.MAX_VALUE ? largest : largest + 1;
  }

  /** Distinct values of the union of two sorted arrays, counting up to {@code cap}. */
  static int distinctUnion(double[] a, double[] b, int cap) {
    int i = 0;
    int j = 0;
    int count = 0;
    while ((i < a.length || j < b.length) && count < cap) {
      double v = i < a.length && (j >= b.length || a[i] <= b[j]) ? a[i] : b[j];
      while (i < a.length && a[i] == v) {
        i++;
      }
      while (j < b.length && b[j] == v) {
        j++;
      }
      count++;
    }
    return count;
  }
}
