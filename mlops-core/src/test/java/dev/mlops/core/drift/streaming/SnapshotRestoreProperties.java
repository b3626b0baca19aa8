package dev.mlops.core.drift.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.mlops.drift.DetectorSnapshot;
import dev.mlops.drift.DriftSignal;
import dev.mlops.drift.StreamingDriftDetector;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotRestoreProperties {
  private final StreamingDetectorRegistry registry = StreamingDetectorRegistry.builder()
      .register(MeanShiftDetector.TYPE, MeanShiftDetector.FORMAT_VERSION, MeanShiftDetector::restore)
      .build();

  @Test
  void restoredDetectorContinuesIdentically() {
    qt().withFixedSeed(20261201L)
        .withExamples(300)
        .forAll(
            lists().of(doubles().between(-5, 5)).ofSizeBetween(0, 120),
            integers().between(0, 120),
            integers().between(1, 12))
        .checkAssert((stream, splitAt, window) -> {
          int k = Math.min(splitAt, stream.size());
          MeanShiftDetector original = new MeanShiftDetector(window, 1.0);
          List<DriftSignal> expected = new ArrayList<>();
          for (double v : stream) {
            expected.add(original.update(v));
          }

          MeanShiftDetector first = new MeanShiftDetector(window, 1.0);
          List<DriftSignal> actual = new ArrayList<>();
          for (double v : stream.subList(0, k)) {
            actual.add(first.update(v));
          }
          // through the text a host would store, as after a restart
          DetectorSnapshot stored = DetectorSnapshots.parse(first.snapshot().json());
          StreamingDriftDetector restored = registry.restore(stored);
          assertThat(restored.count()).isEqualTo(k);
          assertThat(restored.state()).isEqualTo(first.state());
          for (double v : stream.subList(k, stream.size())) {
            actual.add(restored.update(v));
          }

          assertThat(actual).isEqualTo(expected);
          assertThat(restored.snapshot()).isEqualTo(original.snapshot());
        });
  }
}
