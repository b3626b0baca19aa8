package dev.mlops.testkit.data;

import static dev.mlops.testkit.MlopsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.mlops.data.Dataset;
import dev.mlops.data.DatasetSpec;
import dev.mlops.data.FeatureSpec;
import dev.mlops.data.FeatureType;
import dev.mlops.data.Record;
import dev.mlops.data.ValidationReport;
import dev.mlops.data.Violation;
import dev.mlops.data.ViolationKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FakeDatasetValidatorTest {
  private static final DatasetSpec SPEC = DatasetSpec.builder()
      .feature(FeatureSpec.builder("age", FeatureType.NUMERIC).build())
      .feature(FeatureSpec.builder("city", FeatureType.CATEGORICAL).build())
      .build();
  private static final FakeDatasetValidator VALIDATOR = FakeDatasetValidator.builder(SPEC)
      .when(r -> r.get("age") instanceof Double age && age < 0)
      .violates("age", ViolationKind.OUT_OF_RANGE, "age >= 0", "negative")
      .build();

  @Test
  void aRecordBreaksExactlyTheRulesThatMatchIt() {
    FakeDatasetValidator validator = FakeDatasetValidator.builder(SPEC)
        .when(r -> r.get("age") instanceof Double age && age < 0)
        .violates("age", ViolationKind.OUT_OF_RANGE, "age >= 0", "negative").build();
    Record bad = Record.of(Map.of("age", -1.0, "city", "Oslo"));
    Record good = Record.of(Map.of("age", 30.0, "city", "Oslo"));
    assertThat(validator.validate(good)).isValid();
    ValidationReport report = validator.validate(bad);
    assertThat(report).hasViolation("age", ViolationKind.OUT_OF_RANGE, 0);
    assertThat(report.violations()).singleElement().isEqualTo(new Violation("age", ViolationKind.OUT_OF_RANGE, 1,
        List.of(0L), List.of("-1.0"), "age >= 0", "negative"));
    assertThat(report.rowsChecked()).isEqualTo(1);
    assertThat(report.cellsChecked()).isEqualTo(2);
    assertThat(validator.validatedRecords()).containsExactly(good, bad);
    assertThat(validator.spec()).isSameAs(SPEC);
  }

  @Test
  void aDatasetMergesTheViolationsOfARuleWithTheirCountAndFirstRows() {
    TestDatasets.Builder b = TestDatasets.builder("requests").column("age", FeatureType.NUMERIC)
        .column("city", FeatureType.CATEGORICAL);
    for (int i = 0; i < 8; i++) {
      b.row(i % 4 == 0 ? 30.0 : -1.0 * i, "Oslo");
    }
    Dataset data = b.build();
    ValidationReport report = VALIDATOR.validate(data);
    assertThat(report).hasViolation("age", ViolationKind.OUT_OF_RANGE, 1, 2, 3, 5, 6);
    assertThat(report.violations()).singleElement().satisfies(v -> {
      assertThat(v.count()).isEqualTo(6);
      assertThat(v.exampleValues()).containsExactly("-1.0", "-2.0", "-3.0", "-5.0", "-6.0");
    });
    assertThat(report.rowsChecked()).isEqualTo(8);
    assertThat(report.cellsChecked()).isEqualTo(16);
    assertThat(VALIDATOR.validatedDatasets()).contains(data);
  }

  @Test
  void aRuleMustNameAFeatureOfTheSpec() {
    assertThatIllegalArgumentException().isThrownBy(() -> FakeDatasetValidator.builder(SPEC).when(r -> true)
            .violates("income", ViolationKind.MISSING_VALUES, "present", "absent"))
        .withMessage("the spec has no feature 'income'; it has [age, city]");
  }
}
