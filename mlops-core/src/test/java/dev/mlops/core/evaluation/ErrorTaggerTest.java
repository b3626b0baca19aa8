package dev.mlops.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.data.Dataset;
import dev.mlops.data.NumericColumn;
import dev.mlops.evaluation.ErrorAnalysis;
import dev.mlops.evaluation.ErrorGroup;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ErrorTaggerTest {

  /** Six examples; ids e0..e5; rows 1, 2, 4, 5 are wrong. */
  private static EvaluationData data() {
    return EvaluationData.builder()
        .ids(List.of("e0", "e1", "e2", "e3", "e4", "e5"))
        .actual(List.of("m", "m", "b", "b", "m", "b"))
        .predicted(List.of("m", "b", "m", "b", "b", "m"))
        .features(Dataset.of(
            NumericColumn.of("radius", 25, 22, 12, 11, 14, 21),
            NumericColumn.of("texture", 30, 15, 28, 10, 27, 12)))
        .build();
  }

  private static final ErrorTagger TAGGER = ErrorTagger.builder()
      .rule("large tumour", f -> f.getDouble("radius") > 20)
      .rule("high texture", f -> f.getDouble("texture") > 25)
      .manual("e4", "blurry image", "needs second read")
      .manual("e1", "blurry image")
      .build();

  @Test
  void rulesAndManualTagsGiveSeveralTagsPerExample() {
    EvaluationData tagged = TAGGER.tag(data());
    assertThat(tagged.tags(0)).containsExactlyInAnyOrder("large tumour", "high texture");
    assertThat(tagged.tags(1)).containsExactlyInAnyOrder("large tumour", "blurry image");
    assertThat(tagged.tags(3)).isEmpty();
    assertThat(tagged.tags(4)).containsExactlyInAnyOrder(
        "high texture", "blurry image", "needs second read");
    assertThat(tagged.allTags()).containsExactly(
        "blurry image", "high texture", "large tumour", "needs second read");
  }

  @Test
  void errorsAreGroupedByTagWithExamples() {
    ErrorAnalysis a = ErrorAnalyzer.analyze(TAGGER.tag(data()), 1);
    assertThat(a.examples()).isEqualTo(6);
    assertThat(a.errors()).isEqualTo(4);
    // large tumour: e0 (right), e1, e5 (wrong); high texture: e0 (right), e2, e4 (wrong);
    // blurry image: e1, e4 (both wrong); needs second read: e4.
    assertThat(a.groups()).containsExactly(
        new ErrorGroup("blurry image", 2, 2, 1.0, 0.5, List.of("e1")),
        new ErrorGroup("high texture", 3, 2, 2.0 / 3, 0.5, List.of("e2")),
        new ErrorGroup("large tumour", 3, 2, 2.0 / 3, 0.5, List.of("e1")),
        new ErrorGroup("needs second read", 1, 1, 1.0, 0.25, List.of("e4")));
  }

  @Test
  void errorsWithoutTagsFormTheUntaggedGroup() {
    EvaluationData tagged = ErrorTagger.builder().manual("e1", "x").build().tag(data());
    ErrorAnalysis a = ErrorAnalyzer.analyze(tagged);
    assertThat(a.groups()).extracting(ErrorGroup::tag).containsExactly(ErrorAnalysis.UNTAGGED, "x");
    assertThat(a.groups().get(0).exampleIds()).containsExactly("e2", "e4", "e5");
  }

  @Test
  void tagsAccumulateOverSeveralTaggers() {
    EvaluationData twice = ErrorTagger.builder().manual("e3", "later").build().tag(TAGGER.tag(data()));
    assertThat(twice.tags(3)).isEqualTo(Set.of("later"));
    assertThat(twice.tags(4)).contains("blurry image");
  }

  @Test
  void manualTagOnUnknownIdIsRejected() {
    ErrorTagger t = ErrorTagger.builder().manual("e9", "blurry image").build();
    assertThatThrownBy(() -> t.tag(data()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("manual tags [blurry image] name example id 'e9', which is not among the 6 examples");
  }

  @Test
  void failingRuleNamesTagRowAndId() {
    ErrorTagger t = ErrorTagger.builder().rule("odd", f -> f.getDouble("colour") > 1).build();
    assertThatThrownBy(() -> t.tag(data()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("rule tagger 'odd' failed on row 0 (id 'e0'): ")
        .hasMessageContaining("colour");
  }

  @Test
  void blankTagsAreRejected() {
    assertThatThrownBy(() -> ErrorTagger.builder().rule(" ", f -> true))
        .hasMessage("tag must not be blank, was ' '");
  }
}
