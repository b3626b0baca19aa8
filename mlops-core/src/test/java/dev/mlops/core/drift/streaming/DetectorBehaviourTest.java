package dev.mlops.core.drift.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.drift.DriftSignal;
import dev.mlops.drift.DriftState;
import dev.mlops.drift.StreamingDriftDetector;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What each detector does with its default settings on streams whose change is known. */
class DetectorBehaviourTest {

  /** The first drift flagged at or after {@code from}. */
  private static Optional<DriftSignal> firstDriftFrom(StreamingDriftDetector d, double[] values,
      long from) {
    for (double v : values) {
      DriftSignal s = d.update(v);
      if (s.state() == DriftState.DRIFT && s.index() >= from) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"adwin", "page-hinkley", "cusum", "ddm", "eddm", "hddm-a", "hddm-w"})
  void suddenRiseOfTheErrorRateIsFlaggedSoonWithItsStart(String type) {
    double[] values = Streams.errors(22, 4000, 1000, 0.2, 0.5);
    DriftSignal s = firstDriftFrom(StreamingDetectors.create(type, Map.of()), values, 1000)
        .orElseThrow();
    assertThat(s.index()).as("flagged at").isBetween(1000L, 1450L);
    assertThat(s.changeStart()).as("estimated start").isPresent();
    assertThat(s.changeStart().getAsLong()).as("estimated start").isBetween(800L, 1200L);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"adwin", "page-hinkley", "cusum", "kswin"})
  void suddenShiftOfAFeatureIsFlaggedSoonWithItsStart(String type) {
    double[] values = Streams.sudden(11, 6000, 3000, 1.5);
    DriftSignal s = firstDriftFrom(StreamingDetectors.create(type, Map.of()), values, 3000)
        .orElseThrow();
    assertThat(s.index()).as("flagged at").isBetween(3000L, 3100L);
    // Page-Hinkley's start is the lowest point of a random walk, so it can lie far back.
    long tolerance = type.equals("page-hinkley") || type.equals("cusum") ? 1000 : 50;
    assertThat(s.changeStart().getAsLong()).isBetween(3000 - tolerance, 3000 + tolerance);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"adwin", "page-hinkley", "cusum", "ddm", "eddm", "hddm-a", "hddm-w"})
  void gradualRampIsFlaggedWithItsDelay(String type) {
    double[] values = Streams.errorRamp(23, 6000, 2000, 4000, 0.05, 0.25);
    DriftSignal s = firstDriftFrom(StreamingDetectors.create(type, Map.of()), values, 2000)
        .orElseThrow();
    assertThat(s.index()).as("flagged during the ramp or soon after").isBetween(2000L, 4600L);
    assertThat(s.delay()).isPresent();
    assertThat(s.delay().getAsLong()).isNotNegative();
  }

  @Test
  void aFallIsFlaggedByDefaultButNotInMoaMode() {
    double[] values = Streams.sudden(12, 5000, 2000, -1.0);
    assertThat(MoaReference.ours(new AdwinDetector(), values).drifts()).first()
        .satisfies(i -> assertThat(i).isBetween(2000L, 2100L));
    assertThat(MoaReference.ours(new AdwinDetector(AdwinConfig.moa()), values).drifts()).isEmpty();
    assertThat(MoaReference.ours(new PageHinkleyDetector(), values).drifts()).first()
        .satisfies(i -> assertThat(i).isBetween(2000L, 2100L));
    assertThat(MoaReference.ours(new PageHinkleyDetector(PageHinkleyConfig.moa()), values)
        .drifts()).isEmpty();
  }

  @Test
  void warningsComeBeforeTheDriftAndNameTheirStart() {
    DdmDetector d = new DdmDetector();
    DriftSignal drift = firstDriftFrom(d, Streams.errors(22, 4000, 1000, 0.2, 0.5), 1000)
        .orElseThrow();
    assertThat(drift.warningStart()).isPresent();
    assertThat(drift.changeStart()).isEqualTo(drift.warningStart());
    assertThat(drift.warningStart().getAsLong()).isLessThan(drift.index());
  }

  @Test
  void afterADriftTheNextValueStartsAFreshTest() {
    CusumDetector d = new CusumDetector(CusumConfig.builder().threshold(5).minInstances(1)
        .direction(Direction.INCREASE).delta(0).build());
    for (int i = 0; i < 10; i++) {
      d.add(0);
    }
    DriftState s = DriftState.NONE;
    int i = 10;
    while (s != DriftState.DRIFT) {
      s = d.add(10);
      i++;
    }
    assertThat(d.lastSignal().changeStart()).hasValue(10);
    assertThat(d.add(10)).as("the mean restarts at the new level").isEqualTo(DriftState.NONE);
    assertThat(d.count()).isEqualTo(i + 1);
  }
}
