package dev.mlops.examples;

import static dev.mlops.testkit.MlopsAssertions.assertThat;

import dev.mlops.core.data.SpecInference;
import dev.mlops.core.data.SpecValidator;
import dev.mlops.data.Dataset;
import dev.mlops.data.FeatureType;
import dev.mlops.data.ValidationReport;
import dev.mlops.testkit.TestClock;
import dev.mlops.testkit.data.TestDatasets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The README's "Testing with mlops-testkit" example, kept compiling and true. */
class TestkitExampleTest {

  @Test
  void testingWithTheTestkit() {
    // README: testkit
    Dataset people = TestDatasets.builder("people")
        .column("age", FeatureType.NUMERIC)
        .column("city", FeatureType.CATEGORICAL)
        .row(31, "Oslo")
        .row(45, "Bergen")
        .build();
    ValidationReport report = SpecValidator.of(SpecInference.infer(people)).validate(people);
    assertThat(people).hasRowCount(2).hasColumnOfType("city", FeatureType.CATEGORICAL);
    assertThat(report).isValid();
    TestClock clock = TestClock.create();          // a java.time.Clock and an MlopsClock
    long start = clock.monotonicTime();
    clock.advance(Duration.ofMinutes(5));          // wall and monotonic time move together, on request
    Duration waited = Duration.ofNanos(clock.monotonicTime() - start);   // PT5M

    org.assertj.core.api.Assertions.assertThat(clock.instant())
        .isEqualTo(java.time.Instant.parse(TestClock.DEFAULT_START).plusSeconds(300));
    org.assertj.core.api.Assertions.assertThat(waited).isEqualTo(Duration.ofMinutes(5));
  }
}
