package dev.mlops.core.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.labels.Annotation;
import dev.mlops.labels.AnnotatorStats;
import dev.mlops.labels.ConsensusLabel;
import dev.mlops.labels.LabelConsistencyConfig;
import dev.mlops.labels.LabelConsistencyReport;
import dev.mlops.labels.MeasurementLevel;
import dev.mlops.labels.ModelComparison;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class DefaultLabelConsistencyCheckerTest {
  private final DefaultLabelConsistencyChecker checker = DefaultLabelConsistencyChecker.create();

  private static List<Annotation> rows(String... itemAnnotatorLabel) {
    List<Annotation> out = new ArrayList<>();
    for (String row : itemAnnotatorLabel) {
      String[] p = row.split(",");
      out.add(Annotation.of(p[0], p[1], p[2]));
    }
    return out;
  }

  @Test
  void reportCarriesGoldenStatisticsAndCounts() {
    LabelConsistencyReport report = checker.check(
        Fixtures.fromItemRows(Fixtures.FLEISS_1971_DIAGNOSES), MeasurementLevel.NOMINAL);
    assertThat(report.items()).isEqualTo(30);
    assertThat(report.annotators()).isEqualTo(6);
    assertThat(report.ratings()).isEqualTo(180);
    assertThat(report.fleissKappa().value()).isCloseTo(0.43024452006014074, within(1e-12));
    assertThat(report.pairwise()).hasSize(15);
    assertThat(report.pairwise().get(0).itemsInCommon()).isEqualTo(30);
    assertThat(report.cohenKappa().undefinedReason()).get().asString()
        .contains("exactly two annotators; found 6");
    assertThat(report.consensus()).hasSize(30);
    assertThat(report.notes()).isEmpty();
  }

  @Test
  void leaveOneOutExcludesTheAnnotatorAndSplitsTies() {
    // item x: a=1, b=1, c=2. a vs {b:1, c:2} tie -> 1/2; b vs {a:1, c:2} -> 1/2; c vs {1, 1} -> 0.
    // item y: a=1, b=1. a vs {1} -> 1; b vs {1} -> 1.
    LabelConsistencyReport report = checker.check(
        rows("x,a,1", "x,b,1", "x,c,2", "y,a,1", "y,b,1"), MeasurementLevel.NOMINAL);
    assertThat(report.annotatorStats()).extracting(AnnotatorStats::annotator)
        .containsExactly("a", "b", "c");
    assertThat(report.annotatorStats().get(0).leaveOneOutAccuracy().value()).isEqualTo(0.75);
    assertThat(report.annotatorStats().get(2).leaveOneOutAccuracy().value()).isEqualTo(0.0);
    assertThat(report.hlp().estimate()).isEqualTo(3.0 / 5);
    assertThat(report.hlp().comparisons()).isEqualTo(5);
    assertThat(report.hlp().ciLow()).isLessThanOrEqualTo(report.hlp().estimate());
    assertThat(report.hlp().ciHigh()).isGreaterThanOrEqualTo(report.hlp().estimate());
  }

  @Test
  void hlpIntervalIsReproducibleWithTheSeedAndCoversTheSimulatedTruth() {
    List<Annotation> annotations = simulated(400, 5, 0.8, 7);
    LabelConsistencyConfig config = LabelConsistencyConfig.builder().seed(11).build();
    LabelConsistencyReport first = DefaultLabelConsistencyChecker.of(config)
        .check(annotations, MeasurementLevel.NOMINAL);
    LabelConsistencyReport second = DefaultLabelConsistencyChecker.of(config)
        .check(annotations, MeasurementLevel.NOMINAL);
    assertThat(first.hlp()).isEqualTo(second.hlp());
    // Four other annotators at 80% accuracy over 3 classes: their majority is right about 97%
    // of the time, so an 80% annotator agrees with it about 0.8 * 0.97 + small = ~0.79.
    assertThat(first.hlp().estimate()).isBetween(0.74, 0.84);
    assertThat(first.hlp().ciHigh() - first.hlp().ciLow()).isBetween(0.01, 0.08);
  }

  @Test
  void majorityTieGoesToTheMostFrequentLabelThenTheLowest() {
    // Overall: "cat" 3 votes, "dog" 2; item t ties cat/dog -> cat. Item u ties "dog"/"emu" with
    // dog more frequent overall -> dog.
    LabelConsistencyReport report = checker.check(
        rows("s,a,cat", "s,b,cat", "t,a,dog", "t,b,cat", "u,a,emu", "u,b,dog"),
        MeasurementLevel.NOMINAL);
    Map<String, ConsensusLabel> byItem = byItem(report);
    assertThat(byItem.get("t").majority()).isEqualTo("cat");
    assertThat(byItem.get("t").tied()).isTrue();
    assertThat(byItem.get("u").majority()).isEqualTo("dog");
    assertThat(byItem.get("s").tied()).isFalse();
    assertThat(byItem.get("s").support()).isEqualTo(1.0);
  }

  @Test
  void qualityWeightedConsensusTrustsAccurateAnnotators() {
    // good1 and good2 always agree with each other; noisy1 and noisy2 disagree with everyone.
    // On item z the two noisy annotators outvote one good annotator; weighted, the good one wins.
    List<Annotation> a = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      a.add(Annotation.of("i" + i, "good1", "p"));
      a.add(Annotation.of("i" + i, "good2", "p"));
      a.add(Annotation.of("i" + i, "noisy1", i % 2 == 0 ? "q" : "r"));
      a.add(Annotation.of("i" + i, "noisy2", i % 2 == 0 ? "r" : "q"));
    }
    a.add(Annotation.of("z", "good1", "p"));
    a.add(Annotation.of("z", "noisy1", "q"));
    a.add(Annotation.of("z", "noisy2", "q"));
    ConsensusLabel z = byItem(checker.check(a, MeasurementLevel.NOMINAL)).get("z");
    assertThat(z.majority()).isEqualTo("q");
    assertThat(z.weighted()).isEqualTo("p");
  }

  @Test
  void disagreementsAreRankedByVoteEntropyWithVotes() {
    LabelConsistencyReport report = checker.check(
        rows("calm,a,1", "calm,b,1", "calm,c,1",
            "split,a,1", "split,b,2", "split,c,3",
            "lean,a,1", "lean,b,1", "lean,c,2"),
        MeasurementLevel.NOMINAL);
    assertThat(report.disagreements()).extracting(d -> d.itemId())
        .containsExactly("split", "lean");
    assertThat(report.disagreements().get(0).entropy()).isCloseTo(Math.log(3) / Math.log(2),
        within(1e-12));
    assertThat(report.disagreements().get(1).votes()).containsExactly(
        Map.entry("1", 2), Map.entry("2", 1));
    // Pairs: split gives (1,2), (1,3), (2,3) once each; lean gives (1,2) twice.
    assertThat(report.confusions().get(0)).satisfies(c -> {
      assertThat(c.labelA()).isEqualTo("1");
      assertThat(c.labelB()).isEqualTo("2");
      assertThat(c.count()).isEqualTo(3);
    });
  }

  @Test
  void modelIsScoredAgainstTheSameLeaveOneOutReferences() {
    List<Annotation> a = rows("x,a,1", "x,b,1", "x,c,2", "y,a,1", "y,b,1", "w,a,3");
    ModelComparison cmp = checker.compareModel(a, MeasurementLevel.NOMINAL,
        Map.of("x", "1", "y", "2"), Map.of("x", "hard", "y", "easy"));
    // References for x: {1,2} tie, {1,2} tie, {1,1} -> model "1" credits 1/2, 1/2, 1. y: 0, 0.
    assertThat(cmp.overall().comparisons()).isEqualTo(5);
    assertThat(cmp.overall().modelAccuracy()).isEqualTo(2.0 / 5);
    assertThat(cmp.overall().humanAccuracy()).isEqualTo(3.0 / 5);
    assertThat(cmp.overall().gap()).isCloseTo(-0.2, within(1e-12));
    assertThat(cmp.slices()).extracting(s -> s.slice()).containsExactly("easy", "hard");
    assertThat(cmp.slices().get(1).modelAccuracy()).isEqualTo(2.0 / 3);
    assertThat(cmp.itemsWithoutPrediction()).isZero();
  }

  @Test
  void oneAnnotatorIsReportedNotThrown() {
    LabelConsistencyReport report = checker.check(rows("x,solo,1", "y,solo,2"),
        MeasurementLevel.NOMINAL);
    assertThat(report.notes()).anySatisfy(n -> assertThat(n).contains("only one annotator ('solo')"));
    assertThat(report.notes()).anySatisfy(n -> assertThat(n).contains("2 of 2 items have a single"));
    assertThat(report.krippendorffAlpha().undefinedReason()).isPresent();
    assertThat(report.hlp().undefinedReason()).get().asString().contains("no item has two");
    assertThat(report.annotatorStats().get(0).leaveOneOutAccuracy().undefinedReason()).isPresent();
  }

  @Test
  void duplicateItemAnnotatorRowsAreRejectedNamingBoth() {
    assertThatThrownBy(() -> checker.check(rows("x,a,1", "x,b,1", "x,a,2"),
        MeasurementLevel.NOMINAL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("duplicate annotation: annotator 'a' labeled item 'x' twice"
            + " (annotations[0] = '1' and annotations[2] = '2')");
  }

  @Test
  void nonNumericLabelAtIntervalLevelIsRejected() {
    assertThatThrownBy(() -> checker.check(rows("x,a,1", "x,b,high"), MeasurementLevel.INTERVAL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("annotations[1] (item 'x', annotator 'b') has label 'high'")
        .hasMessageContaining("not a finite number as the INTERVAL level requires");
  }

  @Test
  void notFiniteNumbersAreRejectedAtNumericLevels() {
    assertThatThrownBy(() -> checker.check(rows("x,a,NaN", "x,b,1"), MeasurementLevel.RATIO))
        .hasMessageContaining("has label 'NaN', which is not a finite number");
    assertThatThrownBy(() -> checker.check(rows("x,a,1", "x,b,Infinity"),
        MeasurementLevel.INTERVAL))
        .hasMessageContaining("has label 'Infinity', which is not a finite number");
  }

  @Test
  void ordinalTextWithoutOrderIsRejectedWithHint() {
    assertThatThrownBy(() -> checker.check(rows("x,a,low", "x,b,high"), MeasurementLevel.ORDINAL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("label 'low'")
        .hasMessageContaining("categoryOrder");
    DefaultLabelConsistencyChecker ordered = DefaultLabelConsistencyChecker.of(
        LabelConsistencyConfig.builder().categoryOrder(List.of("low", "high")).build());
    assertThatThrownBy(() -> ordered.check(rows("x,a,low", "x,b,mid"), MeasurementLevel.ORDINAL))
        .hasMessageContaining("has label 'mid', which is not in categoryOrder [low, high]");
  }

  @Test
  void negativeValueAtRatioLevelAndEmptyInputAreRejected() {
    assertThatThrownBy(() -> checker.check(rows("x,a,-1", "x,b,2"), MeasurementLevel.RATIO))
        .hasMessageContaining("has label '-1', but the RATIO level needs values >= 0");
    assertThatThrownBy(() -> checker.check(List.of(), MeasurementLevel.NOMINAL))
        .hasMessage("annotations must not be empty");
  }

  @Test
  void equalNumbersWrittenDifferentlyAreOneCategory() {
    LabelConsistencyReport report = checker.check(rows("x,a,1", "x,b,1.0", "y,a,2", "y,b,2"),
        MeasurementLevel.INTERVAL);
    assertThat(report.percentAgreement().value()).isEqualTo(1.0);
    assertThat(byItem(report).get("x").majority()).isEqualTo("1");
  }

  @Test
  void configRejectsOutOfRangeValuesNamingThem() {
    assertThatThrownBy(() -> LabelConsistencyConfig.builder().confidenceLevel(1.5).build())
        .hasMessage("confidenceLevel must be in (0, 1), was 1.5");
    assertThatThrownBy(() -> LabelConsistencyConfig.builder().bootstrapResamples(0).build())
        .hasMessage("bootstrapResamples must be >= 1, was 0");
    assertThatThrownBy(() -> LabelConsistencyConfig.builder().topDisagreements(0).build())
        .hasMessage("topDisagreements must be >= 1, was 0");
    assertThatThrownBy(() -> LabelConsistencyConfig.builder()
        .categoryOrder(List.of("low", "low")).build())
        .hasMessage("categoryOrder repeats a label: [low, low]");
  }

  @Test
  void explicitOrderWinsOverNumericLookingOrdinalLabels() {
    // With categoryOrder "10" < "9" the labels are ranks, not numbers; the model's "9" matches.
    DefaultLabelConsistencyChecker ordered = DefaultLabelConsistencyChecker.of(
        LabelConsistencyConfig.builder().categoryOrder(List.of("10", "9")).build());
    List<Annotation> a = rows("x,a,9", "x,b,9", "y,a,10", "y,b,10");
    assertThat(ordered.check(a, MeasurementLevel.ORDINAL).consensus())
        .extracting(ConsensusLabel::majority).containsExactly("9", "10");
    ModelComparison cmp = ordered.compareModel(a, MeasurementLevel.ORDINAL,
        Map.of("x", "9", "y", "10"), Map.of());
    assertThat(cmp.overall().modelAccuracy()).isEqualTo(1.0);
  }

  @Test
  void oneCheckerSharedByThreadsGivesEveryThreadTheSameReport() throws Exception {
    List<Annotation> annotations = simulated(200, 4, 0.8, 3);
    LabelConsistencyReport expected = checker.check(annotations, MeasurementLevel.NOMINAL);
    int threads = 8;
    int callsEach = 5;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        results.add(pool.submit(() -> {
          int same = 0;
          for (int c = 0; c < callsEach; c++) {
            same += checker.check(annotations, MeasurementLevel.NOMINAL).equals(expected) ? 1 : 0;
          }
          return same;
        }));
      }
      int total = 0;
      for (Future<Integer> f : results) {
        total += f.get();
      }
      assertThat(total).isEqualTo(threads * callsEach);
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void cohenKappaRejectsBadAnnotatorIndices() {
    Ratings r = Ratings.of(rows("x,a,1", "x,b,2"), MeasurementLevel.NOMINAL, List.of());
    assertThatThrownBy(() -> AgreementStatistics.cohenKappa(r, 0, 0, KappaWeights.UNWEIGHTED))
        .hasMessage("annotator indices must be distinct and in [0, 2), were 0 and 0");
  }

  private static Map<String, ConsensusLabel> byItem(LabelConsistencyReport report) {
    Map<String, ConsensusLabel> map = new HashMap<>();
    report.consensus().forEach(c -> map.put(c.itemId(), c));
    return map;
  }

  /** Annotators who give the true label (of 3) with probability {@code accuracy}. */
  static List<Annotation> simulated(int items, int annotators, double accuracy, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Annotation> out = new ArrayList<>();
    for (int i = 0; i < items; i++) {
      int truth = random.nextInt(3);
      for (int a = 0; a < annotators; a++) {
        int label = random.nextDouble() < accuracy ? truth : (truth + 1 + random.nextInt(2)) % 3;
        out.add(Annotation.of("item" + i, "ann" + a, "c" + label));
      }
    }
    return out;
  }
}
