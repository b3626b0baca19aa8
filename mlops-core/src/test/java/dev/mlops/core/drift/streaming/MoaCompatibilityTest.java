package dev.mlops.core.drift.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.drift.StreamingDriftDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import moa.classifiers.core.driftdetection.ADWINChangeDetector;
import moa.classifiers.core.driftdetection.AbstractChangeDetector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * MOA compatibility mode reproduces MOA 2024.07's drift and warning indices exactly, on every
 * stream of the test set ({@link Streams}), with both sides at their defaults.
 */
class MoaCompatibilityTest {

  private record Pair(String name, Supplier<StreamingDriftDetector> ours,
      Supplier<? extends AbstractChangeDetector> moa, boolean errorRatesOnly) {}

  private static List<Pair> pairs() {
    return List.of(
        new Pair("adwin", () -> new AdwinDetector(AdwinConfig.moa()), ADWINChangeDetector::new,
            false));
  }

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (Pair p : pairs()) {
      if (!p.errorRatesOnly()) {
        for (Map.Entry<String, double[]> s : Streams.realValued().entrySet()) {
          out.add(Arguments.of(p.name(), s.getKey(), p, s.getValue()));
        }
      }
      for (Map.Entry<String, double[]> s : Streams.errorRates().entrySet()) {
        out.add(Arguments.of(p.name(), s.getKey(), p, s.getValue()));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("cases")
  void sameIndicesAsMoa(String detector, String stream, Pair pair, double[] values) {
    MoaReference.Trace moa = MoaReference.moa(pair.moa(), values);
    MoaReference.Trace ours = MoaReference.ours(pair.ours().get(), values);
    assertThat(ours.drifts()).as("drift indices").isEqualTo(moa.drifts());
    assertThat(ours.warnings()).as("warning indices").isEqualTo(moa.warnings());
  }
}
