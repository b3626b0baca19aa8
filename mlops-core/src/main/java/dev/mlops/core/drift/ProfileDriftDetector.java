package dev.mlops.core.drift;

import dev.mlops.data.FeatureType;
import dev.mlops.drift.BatchDriftConfig;
import dev.mlops.drift.ColumnDrift;
import dev.mlops.drift.ColumnStatus;
import dev.mlops.drift.DriftReport;
import dev.mlops.drift.DriftTest;
import dev.mlops.profile.CategoricalProfile;
import dev.mlops.profile.ColumnProfile;
import dev.mlops.profile.DatasetProfile;
import dev.mlops.profile.ItemCount;
import dev.mlops.profile.NumericProfile;
import dev.mlops.profile.ProfileDrift;
import dev.mlops.profile.StatisticBound;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Batch drift between two {@link DatasetProfile}s instead of two datasets: the same settings
 * ({@link BatchDriftConfig}), test selection, thresholds, correction and report as
 * {@link StatisticalDriftDetector}, on the statistics the profiles keep.
 *
 * <ul>
 *   <li>Exact, as on the raw data: missing-rate tests (exact counts); {@code ttest} (exact means
 *       and variances); every test of a categorical column whose frequent items hold all values,
 *       and of a numeric column with a small domain on both sides (exact value counts); every test
 *       while the quantile sketches still hold every value.
 *   <li>{@code ks}: D from the two sketched CDFs at every point where either steps; the exact D
 *       lies within the sum of the two sketches' rank errors, at the joint confidence (reported as
 *       a {@link StatisticBound}); the p-value is scipy's for the estimated D and the exact sizes.
 *   <li>{@code wasserstein}, {@code wasserstein_raw}: the area between the sketched CDFs; the exact
 *       distance lies within (rank errors) × (range of the data), likewise reported.
 *   <li>Binned distances on sketched numeric data: the reference quantile edges and the counts per
 *       bin are estimated from the sketches (each count within the rank error of its edges); no
 *       worst-case interval of the distance is claimed; the column's reason says so. Tests bound
 *       the error against the batch detector on the same data.
 *   <li>{@code mannwhitney}, {@code anderson}, {@code cvm}, {@code energy} need the raw values:
 *       such columns are skipped with a reason.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class ProfileDriftDetector {
  private final BatchDriftConfig config;

  private ProfileDriftDetector(BatchDriftConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /** Returns a detector with {@link BatchDriftConfig#defaults()}. */
  public static ProfileDriftDetector defaults() {
    return new ProfileDriftDetector(BatchDriftConfig.defaults());
  }

  /** Returns a detector with the given settings. */
  public static ProfileDriftDetector of(BatchDriftConfig config) {
    return new ProfileDriftDetector(config);
  }

  /**
   * Compares two profiles column by column.
   *
   * @return the drift report and, per tested column whose statistic has a known bound, how far
   *     it may be from the exact one
   */
  public ProfileDrift detect(DatasetProfile reference, DatasetProfile current) {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(current, "current");
    List<String> names = config.columns();
    if (names.isEmpty()) {
      Set<String> all = new LinkedHashSet<>(reference.columnNames());
      all.addAll(current.columnNames());
      names = List.copyOf(all);
    }
    List<ColumnDrift> raw = new ArrayList<>();
    List<StatisticBound> bounds = new ArrayList<>();
    for (String name : names) {
      Optional<ColumnProfile> r = reference.find(name);
      Optional<ColumnProfile> c = current.find(name);
      if (r.isEmpty() || c.isEmpty()) {
        ColumnProfile present = r.or(() -> c).orElse(null);
        String reason = present == null
            ? "column is in neither dataset"
            : "column is only in the " + (r.isPresent() ? "reference" : "current") + " data";
        raw.add(skipped(name, present == null ? "unknown" : typeName(present.type()), reason));
      } else {
        Run run = new Run(name, r.get(), c.get());
        raw.add(run.run());
        if (run.bound != null) {
          bounds.add(run.bound);
        }
      }
    }
    DriftReport report = StatisticalDriftDetector.decide(raw, config);
    return new ProfileDrift(report, bounds);
  }

  private static String typeName(FeatureType t) {
    if (t.isNumeric()) {
      return "numeric";
    }
    return t == FeatureType.CATEGORICAL || t == FeatureType.BOOLEAN
        ? "categorical" : t.name().toLowerCase(Locale.ROOT);
  }

  private static ColumnDrift skipped(String name, String type, String reason) {
    return new ColumnDrift(name, type, "", Double.NaN, OptionalDouble.empty(),
        OptionalDouble.empty(), Double.NaN, false, 0, 0, OptionalDouble.empty(), false, List.of(),
        ColumnStatus.SKIPPED, Optional.of(reason));
  }

  private static boolean isCategorical(ColumnProfile p) {
    return p instanceof CategoricalProfile
        && (p.type() == FeatureType.CATEGORICAL || p.type() == FeatureType.BOOLEAN);
  }

  private static boolean isNumeric(ColumnProfile p) {
    return p instanceof NumericProfile && p.type().isNumeric();
  }

  /** The test of one column. */
  private final class Run {
    private final String name;
    private final ColumnProfile r;
    private final ColumnProfile c;
    private final boolean numeric;
    private final String type;
    private StatisticBound bound;
    private String note;

    Run(String name, ColumnProfile r, ColumnProfile c) {
      this.name = name;
      this.r = r;
      this.c = c;
      this.numeric = isNumeric(r) && isNumeric(c);
      this.type = numeric ? "numeric" : "categorical";
    }

    ColumnDrift run() {
      boolean categorical = isCategorical(r) && isCategorical(c);
      if (!numeric && !categorical) {
        String reason = r.type() == c.type()
            ? "type " + r.type() + " is not tested for drift"
            : "reference is " + r.type() + " but current is " + c.type();
        return skipped(name, typeName(r.type()), reason);
      }
      if (r.count() == 0 || c.count() == 0) {
        return skip("", (r.count() == 0 ? "reference" : "current") + " data has no rows");
      }
      if (r.presentCount() == 0 || c.presentCount() == 0) {
        return skip("", "all values of the " + (r.presentCount() == 0 ? "reference" : "current")
            + " data are missing");
      }
      if (numeric) {
        long ri = ((NumericProfile) r).infiniteCount();
        long ci = ((NumericProfile) c).infiniteCount();
        if (ri > 0 || ci > 0) {
          return skip("", (ri > 0 ? "reference has " + ri : "current has " + ci)
              + " infinite value(s) (+/-Inf); remove or cap them to test this column");
        }
      }
      long distinct = distinct();
      DriftTest test = config.columnTests().getOrDefault(name, config.test().orElseGet(() ->
          DefaultTestSelection.select(numeric, (int) Math.min(Integer.MAX_VALUE, r.presentCount()),
              (int) Math.min(Integer.MAX_VALUE, distinct))));
      if (distinct < 2) {
        return skip(test.id(), "constant column: every value is " + onlyValue() + " on both sides");
      }
      if (!numeric && !test.acceptsCategorical()) {
        return skip(test.id(), "test " + test.id() + " needs numeric data; column is categorical");
      }
      if (test == DriftTest.MANN_WHITNEY || test == DriftTest.ANDERSON || test == DriftTest.CVM
          || test == DriftTest.ENERGY) {
        return skip(test.id(), "test " + test.id() + " needs the raw values, which profiles do not"
            + " keep; use ks, wasserstein, ttest or a binned distance");
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
      if (bound == null && note == null) {
        bound = new StatisticBound(name, test.id(), statistic, statistic, statistic, 1);
      } else if (bound != null) {
        // ks reports D on the lattice of its exact p-value, a hair from the D the bound was built on
        bound = new StatisticBound(name, test.id(), statistic, Math.min(bound.lower(), statistic),
            Math.max(bound.upper(), statistic), bound.confidence());
        note = String.format(Locale.ROOT,
            "estimated from profiles: the exact %s is in [%.6g, %.6g] with probability %.3f",
            test.id(), bound.lower(), bound.upper(), bound.confidence());
      }
      OptionalDouble missingP = missingRateP();
      return new ColumnDrift(name, type, test.id(), statistic, p, OptionalDouble.empty(), threshold,
          false, missingRate(r), missingRate(c), missingP, missingRateDrifted(missingP),
          newCategories(), ColumnStatus.OK, Optional.ofNullable(note));
    }

    private ColumnDrift skip(String test, String reason) {
      OptionalDouble missingP = missingRateP();
      return new ColumnDrift(name, type, test, Double.NaN, OptionalDouble.empty(),
          OptionalDouble.empty(), Double.NaN, false, missingRate(r), missingRate(c), missingP,
          missingRateDrifted(missingP), newCategories(), ColumnStatus.SKIPPED, Optional.of(reason));
    }

    private double missingRate(ColumnProfile p) {
      return p.count() == 0 ? 0.0 : (double) p.missingCount() / p.count();
    }

    private boolean missingRateDrifted(OptionalDouble missingP) {
      return missingP.isPresent() && missingP.getAsDouble() < config.missingRateAlpha();
    }

    private OptionalDouble missingRateP() {
      if (r.missingCount() == 0 && c.missingCount() == 0) {
        return OptionalDouble.empty();
      }
      try {
        TestResult t = ContingencyTests.twoProportionZ(
            new long[] {r.missingCount(), r.presentCount()},
            new long[] {c.missingCount(), c.presentCount()});
        return OptionalDouble.of(t.pValue());
      } catch (IllegalArgumentException e) {
        return OptionalDouble.empty();
      }
    }

    /** Distinct present values over both sides: exact where the profiles know, else a floor. */
    private long distinct() {
      if (numeric) {
        Optional<Map<Double, Long>> a = ((NumericProfile) r).smallDomain();
        Optional<Map<Double, Long>> b = ((NumericProfile) c).smallDomain();
        if (a.isPresent() && b.isPresent()) {
          Set<Double> all = new TreeSet<>(a.get().keySet());
          all.addAll(b.get().keySet());
          return all.size();
        }
        return Long.MAX_VALUE;
      }
      CategoricalProfile a = (CategoricalProfile) r;
      CategoricalProfile b = (CategoricalProfile) c;
      Set<String> all = new TreeSet<>();
      a.frequentItems().forEach(i -> all.add(i.item()));
      b.frequentItems().forEach(i -> all.add(i.item()));
      if (a.exact() && b.exact()) {
        return all.size();
      }
      return Math.max(all.size(), Math.round(Math.max(a.distinctCount(), b.distinctCount())));
    }

    private String onlyValue() {
      if (numeric) {
        return ColumnSample.label(((NumericProfile) r).min());
      }
      return ((CategoricalProfile) r).frequentItems().get(0).item();
    }

    private TestResult pValueTest(DriftTest test) {
      return switch (test) {
        case KS -> ks();
        case TTEST -> {
          NumericProfile a = (NumericProfile) r;
          NumericProfile b = (NumericProfile) c;
          if (a.finiteCount() < 2 || b.finiteCount() < 2) {
            throw new IllegalArgumentException("each side needs at least 2 values, had "
                + a.finiteCount() + " and " + b.finiteCount());
          }
          yield WelchTTest.fromMoments(a.mean(), sampleVariance(a), a.finiteCount(), b.mean(),
              sampleVariance(b), b.finiteCount());
        }
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
        default -> throw new IllegalStateException("not a p-value test from profiles: " + test);
      };
    }

    private double sampleVariance(NumericProfile p) {
      return p.variance() * p.finiteCount() / (p.finiteCount() - 1);
    }

    private TestResult ks() {
      StepCdf a = StepCdf.of((NumericProfile) r);
      StepCdf b = StepCdf.of((NumericProfile) c);
      double d = 0;
      for (double x : StepCdf.points(a, b)) {
        d = Math.max(d, Math.abs(a.at(x) - b.at(x)));
      }
      sketchBound(a, b, d, 1);
      return KolmogorovSmirnovTest.fromStatistic(d, a.count, b.count);
    }

    /** Records the interval statistic ± (sum of rank errors) × scale, clipped, if not exact. */
    private void sketchBound(StepCdf a, StepCdf b, double statistic, double scale) {
      double e = a.error + b.error;
      if (e > 0) {
        double lo = Math.max(0, statistic - e * scale);
        double hi = statistic + e * scale;
        bound = new StatisticBound(name, "", statistic, lo, hi, a.confidence * b.confidence);
      }
    }

    private double distance(DriftTest test, long distinct) {
      switch (test) {
        case WASSERSTEIN, WASSERSTEIN_RAW -> {
          NumericProfile rp = (NumericProfile) r;
          NumericProfile cp = (NumericProfile) c;
          StepCdf a = StepCdf.of(rp);
          StepCdf b = StepCdf.of(cp);
          double w = wasserstein(a, b);
          double range = Math.max(rp.max(), cp.max()) - Math.min(rp.min(), cp.min());
          double scale = 1;
          if (test == DriftTest.WASSERSTEIN) {
            double std = Math.sqrt(rp.variance());
            if (std == 0) {
              throw new IllegalArgumentException(
                  "the reference is constant, so the normed Wasserstein distance (divided by its"
                      + " standard deviation) is undefined; use wasserstein_raw");
            }
            w /= std;
            scale = 1 / std;
          }
          sketchBound(a, b, w, range * scale);
          return w;
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

    /** ∫ |F_a − F_b| dx over the step points of both CDFs. */
    private double wasserstein(StepCdf a, StepCdf b) {
      double[] x = Arrays.stream(StepCdf.points(a, b)).distinct().toArray();
      double sum = 0;
      for (int i = 0; i + 1 < x.length; i++) {
        sum += Math.abs(a.at(x[i]) - b.at(x[i])) * (x[i + 1] - x[i]);
      }
      return sum;
    }

    /** Counts per reference-quantile bin, estimated from the sketches unless they are exact. */
    private long[][] binnedTable() {
      NumericProfile a = (NumericProfile) r;
      NumericProfile b = (NumericProfile) c;
      int bins = config.bins();
      double[] raw = new double[bins - 1];
      for (int i = 1; i < bins; i++) {
        raw[i - 1] = a.quantile((double) i / bins);
      }
      double[] edges = Arrays.stream(raw).distinct().toArray();
      if (a.rankError() > 0 || b.rankError() > 0) {
        note = String.format(Locale.ROOT, "estimated from profiles: bin edges and counts from"
            + " quantile sketches with rank errors %.4f (reference) and %.4f (current)",
            a.rankError(), b.rankError());
      }
      return new long[][] {countBelow(a, edges), countBelow(b, edges)};
    }

    /** Counts per bin [e_i, e_i+1) from the ranks below each edge. */
    private long[] countBelow(NumericProfile p, double[] edges) {
      long n = p.finiteCount();
      long[] counts = new long[edges.length + 1];
      long previous = 0;
      for (int i = 0; i < edges.length; i++) {
        long below = Math.round(p.cdf(Math.nextDown(edges[i])) * n);
        counts[i] = below - previous;
        previous = below;
      }
      counts[edges.length] = n - previous;
      return counts;
    }

    /** Counts over the union of categories in sorted label order, plus "other" if inexact. */
    private long[][] categoryTable() {
      Map<String, Long> a = counts(r);
      Map<String, Long> b = counts(c);
      Set<String> union = new LinkedHashSet<>(a.keySet());
      union.addAll(b.keySet());
      List<String> labels = new ArrayList<>(union);
      if (numeric) {
        labels.sort((x, y) -> Double.compare(Double.parseDouble(x), Double.parseDouble(y)));
      } else {
        labels.sort(null);
      }
      long otherA = numeric ? 0 : ((CategoricalProfile) r).otherCount();
      long otherB = numeric ? 0 : ((CategoricalProfile) c).otherCount();
      boolean other = otherA > 0 || otherB > 0;
      int size = labels.size() + (other ? 1 : 0);
      long[][] t = new long[2][size];
      for (int i = 0; i < labels.size(); i++) {
        t[0][i] = a.getOrDefault(labels.get(i), 0L);
        t[1][i] = b.getOrDefault(labels.get(i), 0L);
      }
      if (other) {
        t[0][size - 1] = otherA;
        t[1][size - 1] = otherB;
        note = "estimated from profiles: categories beyond the frequent items are counted together"
            + " as one \"other\" category";
      }
      return t;
    }

    private Map<String, Long> counts(ColumnProfile p) {
      Map<String, Long> out = new LinkedHashMap<>();
      if (p instanceof NumericProfile n) {
        Map<Double, Long> domain = n.smallDomain().orElseThrow(() ->
            new IllegalStateException("numeric column '" + name + "' without a small domain"));
        domain.forEach((v, count) -> out.put(ColumnSample.label(v), count));
      } else {
        for (ItemCount i : ((CategoricalProfile) p).frequentItems()) {
          out.put(i.item(), i.count());
        }
      }
      return out;
    }

    private List<String> newCategories() {
      if (numeric || !(r instanceof CategoricalProfile ref) || !ref.exact()
          || !(c instanceof CategoricalProfile cur)) {
        return List.of();
      }
      Map<String, Long> known = new TreeMap<>();
      ref.frequentItems().forEach(i -> known.put(i.item(), i.count()));
      TreeSet<String> fresh = new TreeSet<>();
      cur.frequentItems().forEach(i -> {
        if (!known.containsKey(i.item())) {
          fresh.add(i.item());
        }
      });
      return List.copyOf(fresh);
    }
  }

  /**
   * A step CDF of one side: exact from the small domain when the profile has one, else the
   * sketch's estimate with its rank error.
   */
  private static final class StepCdf {
    private final double[] points;
    private final double[] shares;
    private final NumericProfile sketched;
    private final long count;
    private final double error;
    private final double confidence;

    private StepCdf(double[] points, double[] shares, NumericProfile sketched, long count,
        double error, double confidence) {
      this.points = points;
      this.shares = shares;
      this.sketched = sketched;
      this.count = count;
      this.error = error;
      this.confidence = confidence;
    }

    static StepCdf of(NumericProfile p) {
      Optional<Map<Double, Long>> domain = p.smallDomain();
      if (domain.isPresent()) {
        double[] x = new double[domain.get().size()];
        double[] f = new double[x.length];
        long running = 0;
        int i = 0;
        for (Map.Entry<Double, Long> e : domain.get().entrySet()) {
          running += e.getValue();
          x[i] = e.getKey();
          f[i++] = (double) running / p.finiteCount();
        }
        return new StepCdf(x, f, null, p.finiteCount(), 0, 1);
      }
      double error = p.rankError();
      return new StepCdf(p.stepPoints(), null, p, p.finiteCount(), error,
          error > 0 ? p.rankErrorConfidence() : 1);
    }

    double at(double x) {
      if (sketched != null) {
        return sketched.cdf(x);
      }
      int i = Arrays.binarySearch(points, x);
      int below = i >= 0 ? i + 1 : -i - 1;
      return below == 0 ? 0 : shares[below - 1];
    }

    static double[] points(StepCdf a, StepCdf b) {
      double[] all = Arrays.copyOf(a.points, a.points.length + b.points.length);
      System.arraycopy(b.points, 0, all, a.points.length, b.points.length);
      Arrays.sort(all);
      return all;
    }
  }
}
