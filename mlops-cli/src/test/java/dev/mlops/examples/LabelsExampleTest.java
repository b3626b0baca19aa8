package dev.mlops.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.core.labels.DefaultLabelConsistencyChecker;
import dev.mlops.labels.Annotation;
import dev.mlops.labels.LabelConsistencyReport;
import dev.mlops.labels.MeasurementLevel;
import dev.mlops.labels.ModelComparison;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's "Labels" example, kept compiling and true. */
class LabelsExampleTest {

  @Test
  void labelConsistencyAndHumanLevelPerformance() {
    // README: labels
    List<Annotation> labels = List.of(
        Annotation.of("img1", "ana", "cat"), Annotation.of("img1", "bo", "cat"),
        Annotation.of("img1", "cy", "cat"), Annotation.of("img2", "ana", "dog"),
        Annotation.of("img2", "bo", "cat"), Annotation.of("img2", "cy", "dog"),
        Annotation.of("img3", "ana", "dog"), Annotation.of("img3", "bo", "dog"));
    var checker = DefaultLabelConsistencyChecker.create();
    LabelConsistencyReport report = checker.check(labels, MeasurementLevel.NOMINAL);
    double alpha = report.krippendorffAlpha().value();   // NaN + reason when undefined
    double hlp = report.hlp().estimate();                 // leave-one-out, with ciLow/ciHigh
    String disputed = report.disagreements().get(0).itemId();
    ModelComparison vsHumans = checker.compareModel(labels, MeasurementLevel.NOMINAL,
        Map.of("img1", "cat", "img2", "dog", "img3", "dog"), Map.of());

    // Golden: the krippendorff package's alpha on the same data gives 0.5625; by hand the
    // coincidences are o = [[3, 1], [1, 3]], n = 8, so alpha = 1 - 2 * 7 / (4 * 4 * 2) = 9/16.
    assertThat(alpha).isCloseTo(9.0 / 16, within(1e-12));
    assertThat(hlp).isCloseTo(6.0 / 8, within(1e-12));
    assertThat(disputed).isEqualTo("img2");
    assertThat(vsHumans.overall().modelAccuracy())
        .isGreaterThan(vsHumans.overall().humanAccuracy());
  }
}
