package dev.mlops.core.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.deployment.AutomationDecision;
import dev.mlops.deployment.AutomationLevel;
import dev.mlops.deployment.AutomationReport;
import dev.mlops.deployment.AutomationRoute;
import dev.mlops.model.Prediction;
import dev.mlops.model.PredictionRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AutomatedDecisionsTest {
  private final List<String> queued = new ArrayList<>();
  private final List<String> reviewed = new ArrayList<>();
  private final AtomicInteger calls = new AtomicInteger();

  /** Confident (0.95) on x > 0 ("yes"), unsure (0.6) otherwise ("no"). */
  private final ScriptedModel model = ScriptedModel.of("v1", r -> {
    calls.incrementAndGet();
    return r.getDouble("x") > 0 ? "yes" : "no";
  });

  private AutomatedDecisions decisions(AutomationLevel level) {
    dev.mlops.model.Model m = new dev.mlops.model.Model() {
      @Override public String name() {
        return "m";
      }

      @Override public String version() {
        return "v1";
      }

      @Override public Prediction predict(dev.mlops.data.Record r) {
        Prediction p = model.predict(r);
        double c = r.getDouble("x") > 0 ? 0.95 : 0.6;
        String label = p.label().orElseThrow();
        return Prediction.classification(label, Map.of(label, c, "other", 1 - c), "v1", p.latency());
      }

      @Override public void close() {}
    };
    return AutomatedDecisions.builder(m).level(level).confidenceThreshold(0.9)
        .humanQueue((r, p) -> queued.add(r.requestId() + p.map(x -> ":" + x.label().orElseThrow()).orElse("")))
        .reviewer((r, p) -> reviewed.add(r.requestId() + ":" + p.label().orElseThrow()))
        .build();
  }

  private static PredictionRequest request(String id, double x) {
    return PredictionRequest.of(id, ScriptedModel.x(x));
  }

  @Test
  void humanOnlyNeverConsultsTheModel() {
    AutomationDecision d = decisions(AutomationLevel.HUMAN_ONLY).decide(request("a", 1));
    assertThat(d.route()).isEqualTo(AutomationRoute.HUMAN);
    assertThat(d.outcome()).isEmpty();
    assertThat(calls).hasValue(0);
    assertThat(queued).containsExactly("a");
  }

  @Test
  void shadowRecordsThePredictionButAHumanDecidesWithoutSeeingIt() {
    AutomationDecision d = decisions(AutomationLevel.SHADOW).decide(request("a", 1));
    assertThat(d.route()).isEqualTo(AutomationRoute.HUMAN);
    assertThat(d.outcome().orElseThrow().prediction().orElseThrow().label()).contains("yes");
    assertThat(queued).containsExactly("a");
  }

  @Test
  void assistSendsTheSuggestionToTheReviewer() {
    AutomationDecision d = decisions(AutomationLevel.ASSIST).decide(request("a", -1));
    assertThat(d.route()).isEqualTo(AutomationRoute.REVIEW);
    assertThat(reviewed).containsExactly("a:no");
  }

  @Test
  void partialSplitsByConfidenceAndCountsPerClassAndTheLevelSwitchesAtRunTime() {
    AutomatedDecisions decisions = decisions(AutomationLevel.PARTIAL);
    for (int i = 0; i < 10; i++) {
      AutomationDecision d = decisions.decide(request("r" + i, i % 2 == 0 ? 1 : -1));
      assertThat(d.route()).isEqualTo(i % 2 == 0 ? AutomationRoute.AUTOMATIC : AutomationRoute.HUMAN);
    }
    assertThat(queued).hasSize(5).allSatisfy(q -> assertThat(q).endsWith(":no"));
    AutomationReport r = decisions.report();
    assertThat(r.byRoute()).containsEntry(AutomationRoute.AUTOMATIC, 5L).containsEntry(AutomationRoute.HUMAN, 5L);
    assertThat(r.automaticByClass()).containsExactly(Map.entry("yes", 5L));
    assertThat(r.humanByClass()).containsExactly(Map.entry("no", 5L));
    assertThat(r.automaticShare()).isEqualTo(0.5);

    decisions.level(AutomationLevel.FULL);
    assertThat(decisions.decide(request("f", -1)).route()).isEqualTo(AutomationRoute.AUTOMATIC);
    decisions.confidenceThreshold(0.5);
    decisions.level(AutomationLevel.PARTIAL);
    AutomationDecision low = decisions.decide(request("g", -1));
    assertThat(low.route()).isEqualTo(AutomationRoute.AUTOMATIC);
    assertThat(low.reason()).isEqualTo("confidence 0.6000 >= threshold 0.5000");
  }

  @Test
  void aFailingModelGoesToAHumanAndBadThresholdsAreRejected() {
    AutomatedDecisions failing = AutomatedDecisions.builder(ScriptedModel.sign("v").failingWhen(r -> true))
        .humanQueue((r, p) -> queued.add(r.requestId() + (p.isPresent() ? "!" : ""))).build();
    AutomationDecision d = failing.decide(request("z", 1));
    assertThat(d.route()).isEqualTo(AutomationRoute.HUMAN);
    assertThat(d.reason()).contains("ENGINE");
    assertThat(queued).containsExactly("z");
    assertThatThrownBy(() -> failing.confidenceThreshold(1.5))
        .hasMessage("confidence threshold must be in [0, 1], was 1.5");
    assertThat(Optional.of(failing.level())).contains(AutomationLevel.FULL);
  }
}
