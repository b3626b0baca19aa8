package dev.mlops.core.evaluation;

import static dev.mlops.testkit.MlopsAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.evaluation.ClassificationReport;
import org.junit.jupiter.api.Test;

/** The testkit's evaluation assertions read a report of the SDK's own evaluator as a host would. */
class TestkitEvaluationAssertionsTest {

  @Test
  void aSkewedReportClearsItsFloorsButNotTheMajorityBaseline() {
    // SKEWED_BINARY: 60 examples, 4 "pos"; 5 predicted "pos", 2 of them right (see Golden).
    ClassificationReport r = Evaluation.classification(ClassificationEdgeCaseTest.data(Golden.SKEWED_BINARY));
    assertThat(r).hasAccuracyAtLeast(55.0 / 60).hasRecallFor("pos").atLeast(0.5).hasPrecisionFor("pos").atLeast(0.4);
    assertThatThrownBy(() -> assertThat(r).hasRecallFor("pos").atLeast(0.51))
        .hasMessageContaining("Expected recall of 'pos' at least 0.51 but it was 0.5");
    assertThatThrownBy(() -> assertThat(r).beatsTheMajorityClass())
        .hasMessageContaining("Expected accuracy above the majority-class baseline 0.9333333333333333"
            + " but it was 0.9166666666666666");
  }
}
