package dev.mlops.core.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.mlops.feedback.GroundTruth;
import dev.mlops.testkit.TestClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The join is right whatever order predictions and labels arrive in, with duplicates. */
class LabelJoinProperties {
  private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

  /** One arrival: a prediction of id, or a label of id with a value. */
  private record Arrival(int id, String label) {}

  @Test
  void shuffledAndDuplicatedArrivalJoinsTheLastLabelOfEveryId() {
    qt().withExamples(300)
        .forAll(lists().of(integers().between(0, 3)).ofSizeBetween(1, 40), longs().all())
        .checkAssert((labelsPerId, seed) -> {
          // id i gets labelsPerId[i] labels; odd ids are never predicted (unknown ids)
          List<Arrival> arrivals = new ArrayList<>();
          for (int id = 0; id < labelsPerId.size(); id++) {
            if (id % 2 == 0) {
              arrivals.add(new Arrival(id, null));
            }
            for (int k = 0; k < labelsPerId.get(id); k++) {
              arrivals.add(new Arrival(id, "v" + id + "." + k));
            }
          }
          Collections.shuffle(arrivals, new Random(seed));
          List<String> joins = new ArrayList<>();
          LabelJoin join = new LabelJoin(LabelJoinConfig.defaults(), TestClock.at(T0),
              (j, replaced) -> joins.add(j.requestId() + (replaced.isPresent() ? "!" : "")));
          Map<Integer, String> lastLabel = new HashMap<>();
          Set<Integer> predicted = new HashSet<>();
          long expectedDuplicates = 0;
          long expectedBeforePrediction = 0;
          Set<Integer> labeledSoFar = new HashSet<>();
          for (Arrival a : arrivals) {
            if (a.label() == null) {
              join.prediction(Outcomes.logged("r" + a.id(), T0));
              predicted.add(a.id());
              if (labeledSoFar.contains(a.id())) {
                expectedBeforePrediction++;
              }
            } else {
              join.label(new GroundTruth("r" + a.id(), a.label(), T0));
              lastLabel.put(a.id(), a.label());
              if (!labeledSoFar.add(a.id())) {
                expectedDuplicates++;
              }
            }
          }
          JoinCounts c = join.counts();
          long labels = labelsPerId.stream().mapToLong(Integer::longValue).sum();
          assertThat(c.labels()).isEqualTo(labels);
          assertThat(c.joinedOnArrival() + c.duplicates() + c.waited()).isEqualTo(labels);
          assertThat(c.duplicates()).isEqualTo(expectedDuplicates);
          assertThat(c.joinedAfterWaiting()).isEqualTo(expectedBeforePrediction);
          for (int id = 0; id < labelsPerId.size(); id++) {
            boolean labeled = labelsPerId.get(id) > 0;
            if (predicted.contains(id)) {
              JoinedPrediction p = join.find("r" + id).orElseThrow();
              assertThat(p.truth()).isEqualTo(java.util.Optional.ofNullable(lastLabel.get(id)));
            } else if (labeled) {
              int fid = id;
              assertThat(join.waitingLabels()).filteredOn(g -> g.requestId().equals("r" + fid))
                  .singleElement().extracting(GroundTruth::value).isEqualTo(lastLabel.get(id));
            }
          }
          long labeledPredicted = predicted.stream().filter(id -> labelsPerId.get(id) > 0).count();
          assertThat(join.joined()).hasSize((int) labeledPredicted);
          assertThat(joins.stream().filter(s -> !s.endsWith("!")).count()).isEqualTo(labeledPredicted);
        });
  }
}
