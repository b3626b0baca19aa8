package dev.mlops.core.drift.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.mlops.drift.DetectorSnapshot;
import dev.mlops.drift.DriftSignal;
import dev.mlops.drift.StreamingDriftDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * For every detector, in both modes where it has two: snapshot after any prefix of a stream,
 * store the text, restore through the registry, and the rest of the stream gives the same
 * signals (and the same final snapshot) as a detector that never stopped.
 */
class DetectorSnapshotProperties {
  private static final Set<String> ERROR_RATE = Set.of("ddm", "eddm", "hddm-a", "hddm-w");

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"adwin", "page-hinkley", "cusum", "ddm", "eddm", "hddm-a", "hddm-w",
      "kswin", "adwin moa", "page-hinkley moa", "cusum moa", "hddm-a moa"})
  void restoredDetectorContinuesIdentically(String variant) {
    String type = variant.split(" ")[0];
    Map<String, String> settings = variant.endsWith(" moa") ? Map.of("moa", "true") : Map.of();
    qt().withFixedSeed(20261201L)
        .withExamples(40)
        .forAll(longs().all(), integers().between(0, 2500), integers().between(0, 2500),
            doubles().between(-2, 2))
        .checkAssert((seed, changeAt, splitAt, shift) -> {
          double[] stream = ERROR_RATE.contains(type)
              ? Streams.errors(seed, 2500, changeAt, 0.2, Math.min(0.9, 0.2 + Math.abs(shift)))
              : Streams.sudden(seed, 2500, changeAt, shift);
          StreamingDriftDetector original = StreamingDetectors.create(type, settings);
          List<DriftSignal> expected = new ArrayList<>();
          for (double v : stream) {
            expected.add(original.update(v));
          }

          StreamingDriftDetector first = StreamingDetectors.create(type, settings);
          List<DriftSignal> actual = new ArrayList<>();
          for (int i = 0; i < splitAt; i++) {
            actual.add(first.update(stream[i]));
          }
          DetectorSnapshot stored = DetectorSnapshots.parse(first.snapshot().json());
          StreamingDriftDetector restored = StreamingDetectors.registry().restore(stored);
          assertThat(restored.count()).isEqualTo((long) splitAt);
          assertThat(restored.state()).isEqualTo(first.state());
          assertThat(restored.snapshot()).isEqualTo(first.snapshot());
          for (int i = splitAt; i < stream.length; i++) {
            actual.add(restored.update(stream[i]));
          }
          assertThat(actual).isEqualTo(expected);
          assertThat(restored.snapshot()).isEqualTo(original.snapshot());
        });
  }
}
