package dev.mlops.core.data;

import static dev.mlops.testkit.MlopsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.mlops.data.CategoricalDomain;
import dev.mlops.data.Dataset;
import dev.mlops.data.DatasetSpec;
import dev.mlops.data.FeatureSpec;
import dev.mlops.data.FeatureType;
import dev.mlops.data.LengthBounds;
import dev.mlops.data.NumericRange;
import dev.mlops.data.ValidationReport;
import dev.mlops.data.ViolationKind;
import dev.mlops.testkit.data.DatasetGenerator;
import dev.mlops.testkit.quicktheories.SpecGens;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The testkit's generators checked against the SDK's validator: generated data conform to their
 * spec in every try, and violating data always break the chosen rule on the chosen feature.
 */
class GeneratedDataProperties {

  /** One spec with every rule a generator can break, each on a feature of its own. */
  static final DatasetSpec RICH = DatasetSpec.builder()
      .feature(FeatureSpec.builder("age", FeatureType.INTEGER)
          .range(new NumericRange(0, 120, true, true, false, false)).build())
      .feature(FeatureSpec.builder("income", FeatureType.NUMERIC).minPresence(0.8)
          .range(new NumericRange(0, Double.POSITIVE_INFINITY, false, true, true, false)).build())
      .feature(FeatureSpec.builder("score", FeatureType.NUMERIC)
          .range(new NumericRange(0, 1, true, true, true, false)).build())
      .feature(FeatureSpec.builder("city", FeatureType.CATEGORICAL)
          .domain(new CategoricalDomain(List.of("Oslo", "Bergen", "Trondheim"), 0.95))
          .length(new LengthBounds(4, 9)).build())
      .feature(FeatureSpec.builder("note", FeatureType.TEXT).optional().length(new LengthBounds(0, 20)).build())
      .feature(FeatureSpec.builder("id", FeatureType.TEXT).unique(true).length(new LengthBounds(8, 16)).build())
      .feature(FeatureSpec.builder("active", FeatureType.BOOLEAN).build())
      .feature(FeatureSpec.builder("seen", FeatureType.TIMESTAMP).build())
      .feature(FeatureSpec.builder("label", FeatureType.CATEGORICAL).build())
      .label("label", List.of("no", "yes"))
      .build();

  /** Each rule and the feature of {@link #RICH} it is broken on. */
  record Breakage(ViolationKind kind, String feature) {}

  static final List<Breakage> BREAKAGES = List.of(
      new Breakage(ViolationKind.MISSING_FEATURE, "age"),
      new Breakage(ViolationKind.UNEXPECTED_FEATURE, "extra"),
      new Breakage(ViolationKind.MISSING_VALUES, "score"),
      new Breakage(ViolationKind.MISSING_VALUES, "income"),
      new Breakage(ViolationKind.WRONG_TYPE, "age"),
      new Breakage(ViolationKind.WRONG_TYPE, "income"),
      new Breakage(ViolationKind.WRONG_TYPE, "active"),
      new Breakage(ViolationKind.WRONG_TYPE, "seen"),
      new Breakage(ViolationKind.OUT_OF_RANGE, "age"),
      new Breakage(ViolationKind.OUT_OF_RANGE, "score"),
      new Breakage(ViolationKind.NAN_NOT_ALLOWED, "age"),
      new Breakage(ViolationKind.INFINITY_NOT_ALLOWED, "score"),
      new Breakage(ViolationKind.UNKNOWN_CATEGORY, "city"),
      new Breakage(ViolationKind.LENGTH_OUT_OF_RANGE, "note"),
      new Breakage(ViolationKind.LENGTH_OUT_OF_RANGE, "city"),
      new Breakage(ViolationKind.DUPLICATE_VALUE, "id"),
      new Breakage(ViolationKind.UNKNOWN_LABEL, "label"));

  @Test
  void seededDataConformToRandomSpecs() {
    qt().withExamples(300).forAll(longs().all(), integers().between(0, 80), longs().all())
        .checkAssert((specSeed, rows, dataSeed) -> {
          DatasetSpec spec = randomSpec(specSeed);
          Dataset data = DatasetGenerator.of(spec, dataSeed).dataset(rows);
          assertThat(SpecValidator.of(spec).validate(data)).as("spec seed %d", specSeed).isValid();
          assertThat(SpecValidator.of(spec).validate(DatasetGenerator.of(spec, dataSeed).record()))
              .as("record, spec seed %d", specSeed).isValid();
        });
  }

  @Test
  void shrinkingDataConformToTheRichSpec() {
    SpecValidator validator = SpecValidator.of(RICH);
    qt().withExamples(200).forAll(SpecGens.datasets(RICH, 0, 120))
        .checkAssert(d -> assertThat(validator.validate(d)).isValid());
    qt().withExamples(200).forAll(SpecGens.records(RICH))
        .checkAssert(r -> assertThat(validator.validate(r)).isValid());
  }

  @Test
  void violatingDataAlwaysBreakTheChosenRuleOnTheChosenFeature() {
    SpecValidator validator = SpecValidator.of(RICH);
    qt().withExamples(400).forAll(integers().between(0, BREAKAGES.size() - 1), longs().all(),
            integers().between(2, 150), doubles().between(0.001, 1.0))
        .checkAssert((which, seed, rows, rate) -> {
          Breakage b = BREAKAGES.get(which);
          Dataset bad = DatasetGenerator.of(RICH, seed).violating(rows, b.kind(), b.feature(), rate);
          assertThat(validator.validate(bad)).as("%s with seed %d, %d rows, rate %s", b, seed, rows, rate)
              .hasViolation(b.feature(), b.kind());
        });
  }

  @Test
  void shrinkingViolationsBreakTheChosenRule() {
    SpecValidator validator = SpecValidator.of(RICH);
    for (Breakage b : BREAKAGES) {
      qt().withExamples(40).forAll(SpecGens.violating(RICH, 2, 60, b.kind(), b.feature(), 0.1))
          .checkAssert(d -> assertThat(validator.validate(d)).as("%s", b).hasViolation(b.feature(), b.kind()));
    }
  }

  @Test
  void aRowCountOutsideTheBoundsIsARowCountViolation() {
    DatasetSpec bounded = RICH.toBuilder().rows(10, 100).build();
    ValidationReport report = SpecValidator.of(bounded).validate(DatasetGenerator.of(bounded, 3).violatingRowCount());
    // A dataset-level violation names the feature "*".
    assertThat(report).hasViolation("*", ViolationKind.ROW_COUNT);
  }

  /** A spec of one to six features with rules drawn from a seed, each satisfiable. */
  static DatasetSpec randomSpec(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    DatasetSpec.Builder spec = DatasetSpec.builder().rows(0, 80);
    int features = 1 + r.nextInt(6);
    List<FeatureSpec> categoricals = new ArrayList<>();
    double[] presences = {1, 1, 0.9, 0.5, 0};
    for (int i = 0; i < features; i++) {
      FeatureType type = FeatureType.values()[r.nextInt(FeatureType.values().length)];
      String name = "f" + i;
      FeatureSpec.Builder f = FeatureSpec.builder(name, type).minPresence(presences[r.nextInt(presences.length)]);
      switch (type) {
        case NUMERIC -> {
          if (r.nextBoolean()) {
            double lo = r.nextBoolean() ? Double.NEGATIVE_INFINITY : r.nextDouble(-50, 50);
            double hi = r.nextBoolean() ? Double.POSITIVE_INFINITY : (Double.isInfinite(lo) ? 0 : lo) + r.nextDouble(0.5, 100);
            f.range(new NumericRange(lo, hi, r.nextBoolean(), r.nextBoolean(), r.nextBoolean(), r.nextBoolean()));
          }
          f.unique(r.nextInt(4) == 0);
        }
        case INTEGER -> {
          if (r.nextBoolean()) {
            int lo = r.nextInt(-20, 20);
            f.range(new NumericRange(lo, lo + 200 + r.nextInt(50), r.nextBoolean(), r.nextBoolean(),
                r.nextBoolean(), r.nextBoolean()));
          }
          f.unique(r.nextInt(4) == 0);
        }
        case CATEGORICAL -> {
          if (r.nextBoolean()) {
            List<String> values = new ArrayList<>();
            for (int v = 0; v < 1 + r.nextInt(5); v++) {
              values.add("v" + v + "x".repeat(r.nextInt(4)));
            }
            f.domain(new CategoricalDomain(values, r.nextBoolean() ? 1.0 : 0.9));
          } else if (r.nextBoolean()) {
            int min = r.nextInt(1, 4);
            f.length(new LengthBounds(min, min + 8 + r.nextInt(5)));
          }
        }
        case TEXT -> {
          if (r.nextBoolean()) {
            int min = r.nextInt(0, 5);
            f.length(new LengthBounds(min, min + 6 + r.nextInt(10)));
          }
          f.unique(r.nextInt(4) == 0);
        }
        case BOOLEAN -> {
          if (r.nextBoolean()) {
            f.domain(CategoricalDomain.of(r.nextBoolean() ? List.of("true") : List.of("true", "false")));
          }
        }
        case TIMESTAMP -> f.unique(r.nextInt(4) == 0);
      }
      FeatureSpec built = f.build();
      if (type == FeatureType.CATEGORICAL) {
        categoricals.add(built);
      }
      spec.feature(built);
    }
    if (!categoricals.isEmpty() && r.nextBoolean()) {
      FeatureSpec label = categoricals.get(0);
      // Classes that the domain allows, so the spec can be met; one more that it may not.
      List<String> classes = new ArrayList<>(label.domain().map(CategoricalDomain::values).orElse(List.of("v0", "v1")));
      classes.add("yes");
      spec.label(label.name(), classes);
    }
    return spec.build();
  }
}
