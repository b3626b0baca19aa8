package dev.mlops.core.labels;

import dev.mlops.labels.Agreement;
import dev.mlops.labels.Annotation;
import dev.mlops.labels.AnnotatorStats;
import dev.mlops.labels.HumanLevelPerformance;
import dev.mlops.labels.LabelConsistencyChecker;
import dev.mlops.labels.LabelConsistencyConfig;
import dev.mlops.labels.LabelConsistencyReport;
import dev.mlops.labels.MeasurementLevel;
import dev.mlops.labels.ModelComparison;
import dev.mlops.labels.PairwiseAgreement;
import dev.mlops.labels.SliceComparison;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The standard {@link LabelConsistencyChecker}: Krippendorff's alpha, Fleiss' and Cohen's kappa,
 * percent agreement, vote-entropy disagreements, label confusions, majority and quality-weighted
 * consensus, and leave-one-out human-level performance with a seeded bootstrap interval.
 *
 * <p>Immutable and thread-safe: every call works on its own data.
 */
public final class DefaultLabelConsistencyChecker implements LabelConsistencyChecker {
  private final LabelConsistencyConfig config;

  private DefaultLabelConsistencyChecker(LabelConsistencyConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /** A checker with {@link LabelConsistencyConfig#defaults()}. */
  public static DefaultLabelConsistencyChecker create() {
    return new DefaultLabelConsistencyChecker(LabelConsistencyConfig.defaults());
  }

  /** A checker with the given config. */
  public static DefaultLabelConsistencyChecker of(LabelConsistencyConfig config) {
    return new DefaultLabelConsistencyChecker(config);
  }

  /** Returns the config. */
  public LabelConsistencyConfig config() {
    return config;
  }

  @Override
  public LabelConsistencyReport check(List<Annotation> annotations, MeasurementLevel level) {
    return check(Ratings.of(annotations, level, config.categoryOrder()));
  }

  /**
   * Analyses already encoded ratings.
   *
   * @param ratings the ratings
   * @return the report
   */
  LabelConsistencyReport check(Ratings ratings) {
    Objects.requireNonNull(ratings, "ratings");
    List<String> notes = new ArrayList<>();
    int ratedOnce = 0;
    for (int i = 0; i < ratings.itemCount(); i++) {
      if (ratings.ratingsOf(i) < 2) {
        ratedOnce++;
      }
    }
    if (ratings.annotatorCount() < 2) {
      notes.add("only one annotator ('" + ratings.annotatorId(0)
          + "'): agreement needs at least two annotators rating the same items");
    }
    if (ratedOnce > 0) {
      notes.add(ratedOnce + " of " + ratings.itemCount()
          + " items have a single rating; they count in the consensus but not in agreement or HLP");
    }
    LeaveOneOut loo = LeaveOneOut.of(ratings);
    List<AnnotatorStats> stats = annotatorStats(ratings, loo);
    HumanLevelPerformance hlp = hlp(loo);
    List<PairwiseAgreement> pairwise = pairwise(ratings);
    Agreement cohen = pairwise.size() == 1 && ratings.annotatorCount() == 2
        ? pairwise.get(0).kappa()
        : Agreement.undefined("Cohen's kappa needs exactly two annotators; found "
            + ratings.annotatorCount() + " (see pairwise)");
    return new LabelConsistencyReport(
        ratings.level(),
        ratings.itemCount(),
        ratings.annotatorCount(),
        ratings.ratingCount(),
        AgreementStatistics.percentAgreement(ratings),
        AgreementStatistics.krippendorffAlpha(ratings),
        AgreementStatistics.fleissKappa(ratings),
        cohen,
        pairwise,
        stats,
        hlp,
        Disagreements.top(ratings, config.topDisagreements()),
        Disagreements.confusions(ratings, config.topDisagreements()),
        Consensus.of(ratings, qualityWeights(loo, hlp)),
        notes);
  }

  private static List<PairwiseAgreement> pairwise(Ratings ratings) {
    List<PairwiseAgreement> result = new ArrayList<>();
    for (int a = 0; a < ratings.annotatorCount(); a++) {
      for (int b = a + 1; b < ratings.annotatorCount(); b++) {
        AgreementStatistics.PairTable table = AgreementStatistics.PairTable.of(ratings, a, b);
        result.add(new PairwiseAgreement(
            ratings.annotatorId(a),
            ratings.annotatorId(b),
            table.items(),
            table.kappa(ratings.level(), KappaWeights.UNWEIGHTED),
            table.kappa(ratings.level(), KappaWeights.LINEAR),
            table.kappa(ratings.level(), KappaWeights.QUADRATIC)));
      }
    }
    return result;
  }

  private static List<AnnotatorStats> annotatorStats(Ratings ratings, LeaveOneOut loo) {
    int[] given = new int[ratings.annotatorCount()];
    for (int p = 0; p < ratings.ratingCount(); p++) {
      given[ratings.annotatorAt(p)]++;
    }
    List<AnnotatorStats> result = new ArrayList<>();
    for (int a = 0; a < ratings.annotatorCount(); a++) {
      int compared = loo.annotatorComparisons[a];
      Agreement accuracy = compared == 0
          ? Agreement.undefined("the annotator shares no item with another annotator")
          : Agreement.of(loo.annotatorCredit[a] / compared);
      result.add(new AnnotatorStats(ratings.annotatorId(a), given[a], compared, accuracy));
    }
    return result;
  }

  private HumanLevelPerformance hlp(LeaveOneOut loo) {
    long comparisons = loo.comparisons();
    if (comparisons == 0) {
      return new HumanLevelPerformance(Double.NaN, Double.NaN, Double.NaN,
          config.confidenceLevel(), 0,
          Optional.of("no item has two or more ratings, so no annotator can be compared"));
    }
    int compared = 0;
    for (int c : loo.itemComparisons) {
      if (c > 0) {
        compared++;
      }
    }
    double[] credit = new double[compared];
    int[] counts = new int[compared];
    int k = 0;
    for (int i = 0; i < loo.itemComparisons.length; i++) {
      if (loo.itemComparisons[i] > 0) {
        credit[k] = loo.itemCredit[i];
        counts[k++] = loo.itemComparisons[i];
      }
    }
    double[] interval = Bootstrap.ratioInterval(credit, counts, config.bootstrapResamples(),
        config.confidenceLevel(), config.seed());
    return new HumanLevelPerformance(loo.pooledAccuracy(), interval[0], interval[1],
        config.confidenceLevel(), comparisons, Optional.empty());
  }

  /** Vote weights: leave-one-out accuracy; annotators never compared get the overall HLP. */
  private static double[] qualityWeights(LeaveOneOut loo, HumanLevelPerformance hlp) {
    double fallback = hlp.undefinedReason().isPresent() ? 1 : hlp.estimate();
    double[] w = new double[loo.annotatorComparisons.length];
    for (int a = 0; a < w.length; a++) {
      w[a] = loo.annotatorComparisons[a] == 0
          ? fallback
          : loo.annotatorCredit[a] / loo.annotatorComparisons[a];
      // A zero weight would let an item rated only by such annotators have no consensus.
      w[a] = Math.max(w[a], 1e-9);
    }
    return w;
  }

  @Override
  public ModelComparison compareModel(
      List<Annotation> annotations,
      MeasurementLevel level,
      Map<String, String> predictions,
      Map<String, String> sliceOfItem) {
    Objects.requireNonNull(predictions, "predictions");
    Objects.requireNonNull(sliceOfItem, "sliceOfItem");
    Ratings ratings = Ratings.of(annotations, level, config.categoryOrder());
    Tally overall = new Tally();
    Map<String, Tally> slices = new TreeMap<>();
    int withoutPrediction = 0;
    int[] counts = new int[ratings.categoryCount()];
    for (int i = 0; i < ratings.itemCount(); i++) {
      if (ratings.ratingsOf(i) < 2) {
        continue;
      }
      String predicted = predictions.get(ratings.itemId(i));
      if (predicted == null) {
        withoutPrediction++;
        continue;
      }
      int model = ratings.categoryIndex(predicted);
      String slice = sliceOfItem.get(ratings.itemId(i));
      Tally sliceTally = slice == null ? null : slices.computeIfAbsent(slice, s -> new Tally());
      VoteCounts.fill(ratings, i, counts);
      for (int p = ratings.itemStart(i), end = ratings.itemStart(i + 1); p < end; p++) {
        int own = ratings.categoryAt(p);
        counts[own]--;
        double human = LeaveOneOut.credit(counts, own);
        double machine = LeaveOneOut.credit(counts, model);
        counts[own]++;
        overall.add(human, machine);
        if (sliceTally != null) {
          sliceTally.add(human, machine);
        }
      }
      VoteCounts.clear(ratings, i, counts);
    }
    List<SliceComparison> perSlice = new ArrayList<>();
    slices.forEach((name, tally) -> perSlice.add(tally.toComparison(name)));
    return new ModelComparison(overall.toComparison("all"), perSlice, withoutPrediction);
  }

  /** Running sums of human and model credit; confined to one call. */
  private static final class Tally {
    private long comparisons;
    private double human;
    private double model;

    void add(double humanCredit, double modelCredit) {
      comparisons++;
      human += humanCredit;
      model += modelCredit;
    }

    SliceComparison toComparison(String name) {
      return comparisons == 0
          ? new SliceComparison(name, 0, Double.NaN, Double.NaN)
          : new SliceComparison(name, comparisons, model / comparisons, human / comparisons);
    }
  }
}
