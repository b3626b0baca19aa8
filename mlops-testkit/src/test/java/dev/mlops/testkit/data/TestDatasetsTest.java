package dev.mlops.testkit.data;

import static dev.mlops.testkit.MlopsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.data.Dataset;
import dev.mlops.data.FeatureType;
import dev.mlops.data.ValidationReport;
import dev.mlops.data.Violation;
import dev.mlops.data.ViolationKind;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestDatasetsTest {

  private final Dataset people =
      TestDatasets.builder("people")
          .column("age", FeatureType.NUMERIC)
          .column("city", FeatureType.CATEGORICAL)
          .column("seen", FeatureType.TIMESTAMP)
          .row(31, "Oslo", Instant.EPOCH)
          .row(null, "Bergen", null)
          .build();

  @Test
  void buildsTypedColumnsWithMissingValues() {
    assertThat(people)
        .hasRowCount(2)
        .hasColumns("age", "city", "seen")
        .hasColumnOfType("age", FeatureType.NUMERIC)
        .hasNoMissingValuesIn("city");
    org.assertj.core.api.Assertions.assertThat(people.numeric("age").value(1)).isNaN();
  }

  @Test
  void rejectsRowsThatDoNotFit() {
    var b = TestDatasets.builder("x").column("n", FeatureType.NUMERIC);
    assertThatThrownBy(() -> b.row(1, 2)).hasMessageContaining("row 0 has 2 values, expected 1");
    assertThatThrownBy(() -> b.row("one"))
        .hasMessageContaining("column 'n' (NUMERIC): unexpected String one");
  }

  @Test
  void datasetAssertionsFailWithUsefulMessages() {
    assertThatThrownBy(() -> assertThat(people).hasNoMissingValuesIn("age"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("found 1, first at row 1");
    assertThatThrownBy(() -> assertThat(people).hasColumnOfType("height", FeatureType.NUMERIC))
        .hasMessageContaining("to have column 'height' but it has [age, city, seen]");
    assertThatThrownBy(() -> assertThat(people).hasRowCount(3))
        .hasMessageContaining("to have 3 rows but it has 2");
  }

  @Test
  void validationReportAssertions() {
    Violation v = new Violation("age", ViolationKind.OUT_OF_RANGE, 1, List.of(4L), List.of("-3.0"),
        "in [0.0, 130.0]", "-3.0");
    ValidationReport report = new ValidationReport(10, 20, List.of(v));
    assertThat(report).hasViolation("age", ViolationKind.OUT_OF_RANGE, 4);
    assertThatThrownBy(() -> assertThat(report).isValid())
        .hasMessageContaining("age OUT_OF_RANGE x1 rows [4]");
    assertThatThrownBy(() -> assertThat(report).hasViolation("age", ViolationKind.OUT_OF_RANGE, 5))
        .hasMessageContaining("at rows [5]");
    assertThat(new ValidationReport(1, 1, List.of())).isValid();
  }
}
