package dev.mlops.core.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.mlops.labels.Agreement;
import dev.mlops.labels.Annotation;
import dev.mlops.labels.LabelConsistencyConfig;
import dev.mlops.labels.LabelConsistencyReport;
import dev.mlops.labels.MeasurementLevel;
import dev.mlops.labels.PairwiseAgreement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class AgreementPropertiesTest {
  private static final DefaultLabelConsistencyChecker CHECKER = DefaultLabelConsistencyChecker.of(
      LabelConsistencyConfig.builder().bootstrapResamples(200).build());

  /** Random long-form ratings: up to 12 items, 2-5 annotators, 4 labels, ~25% missing. */
  private static List<Annotation> random(long seed, int annotators) {
    Random random = new Random(seed);
    List<Annotation> out = new ArrayList<>();
    int items = 3 + random.nextInt(10);
    for (int i = 0; i < items; i++) {
      for (int a = 0; a < annotators; a++) {
        if (a < 2 || random.nextDouble() > 0.25) {
          out.add(Annotation.of("i" + i, "a" + a, Integer.toString(1 + random.nextInt(4))));
        }
      }
    }
    return out;
  }

  private static List<Annotation> renamed(List<Annotation> in, Function<String, String> item,
      Function<String, String> annotator, long seed) {
    List<Annotation> out = new ArrayList<>();
    for (Annotation a : in) {
      out.add(Annotation.of(item.apply(a.itemId()), annotator.apply(a.annotatorId()), a.label()));
    }
    Collections.shuffle(out, new Random(seed));
    return out;
  }

  private static void assertSame(Agreement expected, Agreement actual) {
    if (expected.defined()) {
      assertThat(actual.value()).isCloseTo(expected.value(), within(1e-12));
    } else {
      assertThat(actual.undefinedReason()).isEqualTo(expected.undefinedReason());
    }
  }

  private static List<Double> sortedKappas(LabelConsistencyReport report,
      Function<PairwiseAgreement, Agreement> which) {
    return report.pairwise().stream().map(which).map(Agreement::value).sorted().toList();
  }

  @Test
  void permutingAnnotatorsAndItemsLeavesEveryStatisticUnchanged() {
    qt().withExamples(40).forAll(longs().all(), integers().between(2, 5), longs().all())
        .checkAssert((seed, annotators, shuffle) -> {
          for (MeasurementLevel level : MeasurementLevel.values()) {
            List<Annotation> base = random(seed, annotators);
            // Reverse the annotator numbering and rename items: a different order everywhere.
            List<Annotation> permuted = renamed(base, id -> "z" + (1000 - id.length()) + id,
                id -> "b" + (annotators - 1 - Integer.parseInt(id.substring(1))), shuffle);
            LabelConsistencyReport x = CHECKER.check(base, level);
            LabelConsistencyReport y = CHECKER.check(permuted, level);
            assertSame(x.krippendorffAlpha(), y.krippendorffAlpha());
            assertSame(x.fleissKappa(), y.fleissKappa());
            assertSame(x.percentAgreement(), y.percentAgreement());
            assertSame(x.cohenKappa(), y.cohenKappa());
            assertThat(sortedKappas(y, PairwiseAgreement::kappa))
                .usingElementComparator((p, q) -> p.equals(q) || Math.abs(p - q) < 1e-12 ? 0 : 1)
                .isEqualTo(sortedKappas(x, PairwiseAgreement::kappa));
            assertThat(sortedKappas(y, PairwiseAgreement::quadraticKappa))
                .usingElementComparator((p, q) -> p.equals(q) || Math.abs(p - q) < 1e-12 ? 0 : 1)
                .isEqualTo(sortedKappas(x, PairwiseAgreement::quadraticKappa));
            assertThat(y.hlp().estimate()).isCloseTo(x.hlp().estimate(), within(1e-12));
            assertThat(y.ratings()).isEqualTo(x.ratings());
          }
        });
  }

  @Test
  void shufflingRowsChangesNothingAtAll() {
    qt().withExamples(40).forAll(longs().all(), integers().between(2, 5), longs().all())
        .checkAssert((seed, annotators, shuffle) -> {
          List<Annotation> base = random(seed, annotators);
          List<Annotation> shuffled = renamed(base, id -> id, id -> id, shuffle);
          // Records compare doubles with Double.compare, so undefined (NaN) values are equal.
          assertThat(CHECKER.check(shuffled, MeasurementLevel.ORDINAL)).isEqualTo(CHECKER.check(base, MeasurementLevel.ORDINAL));
        });
  }

  @Test
  void perfectAgreementGivesOne() {
    qt().withExamples(60).forAll(longs().all(), integers().between(2, 5))
        .checkAssert((seed, annotators) -> {
          Random random = new Random(seed);
          List<Annotation> perfect = new ArrayList<>();
          int items = 4 + random.nextInt(8);
          for (int i = 0; i < items; i++) {
            // Labels cycle so that at least two different labels occur.
            String label = Integer.toString(1 + (i % 3));
            for (int a = 0; a < annotators; a++) {
              perfect.add(Annotation.of("i" + i, "a" + a, label));
            }
          }
          for (MeasurementLevel level : MeasurementLevel.values()) {
            LabelConsistencyReport r = CHECKER.check(perfect, level);
            assertThat(r.krippendorffAlpha().value()).isEqualTo(1.0);
            assertThat(r.fleissKappa().value()).isEqualTo(1.0);
            assertThat(r.percentAgreement().value()).isEqualTo(1.0);
            assertThat(r.pairwise()).allSatisfy(p -> assertThat(p.kappa().value()).isEqualTo(1.0));
            assertThat(r.hlp().estimate()).isEqualTo(1.0);
            assertThat(r.hlp().ciLow()).isEqualTo(1.0);
            assertThat(r.disagreements()).isEmpty();
          }
        });
  }
}
