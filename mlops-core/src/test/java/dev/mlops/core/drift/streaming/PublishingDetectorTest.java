package dev.mlops.core.drift.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.drift.DetectorReset;
import dev.mlops.drift.DriftFlagged;
import dev.mlops.drift.DriftState;
import dev.mlops.drift.WarningEntered;
import dev.mlops.events.DriftEvent;
import dev.mlops.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublishingDetectorTest {

  @Test
  void publishesWarningEntriesDriftsAndResetsWithTheClocksTime() {
    TestClock clock = TestClock.create();
    PublishingDetector d = PublishingDetector.synchronous(new DdmDetector(), "model.errors", clock);
    List<DriftEvent> events = new ArrayList<>();
    d.events().onEvent(events::add);
    DdmDetector plain = new DdmDetector();
    int warningEntries = 0;
    int drifts = 0;
    DriftState previous = DriftState.NONE;
    for (double e : Streams.errors(22, 4000, 1000, 0.2, 0.5)) {
      clock.advance(Duration.ofSeconds(1));
      DriftState s = plain.add(e);
      assertThat(d.add(e)).isEqualTo(s);
      warningEntries += s == DriftState.WARNING && previous != DriftState.WARNING ? 1 : 0;
      drifts += s == DriftState.DRIFT ? 1 : 0;
      previous = s;
    }
    assertThat(drifts).isPositive();
    assertThat(events).filteredOn(DriftFlagged.class::isInstance).hasSize(drifts);
    assertThat(events).filteredOn(WarningEntered.class::isInstance).hasSize(warningEntries);
    DriftFlagged first = (DriftFlagged) events.stream()
        .filter(DriftFlagged.class::isInstance).findFirst().orElseThrow();
    assertThat(first.source()).isEqualTo("model.errors");
    assertThat(first.time())
        .isEqualTo(Instant.parse(TestClock.DEFAULT_START).plusSeconds(first.signal().index() + 1));
    assertThat(first.signal().changeStart()).isPresent();

    d.reset();
    assertThat(events.get(events.size() - 1))
        .isEqualTo(new DetectorReset(clock.instant(), "model.errors", 4000));
    assertThat(d.count()).isZero();
  }
}
