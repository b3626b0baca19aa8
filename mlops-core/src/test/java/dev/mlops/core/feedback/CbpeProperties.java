package dev.mlops.core.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Windows merged across instances equal the single-stream window exactly. */
class CbpeProperties {

  @Test
  void mergedStateEqualsTheSingleStreamResult() {
    CbpeCalibration isotonic = CbpeTest.miscalibratedReference(new Random(3));
    qt().withExamples(200)
        .forAll(integers().between(0, 400), integers().between(1, 5), longs().all())
        .checkAssert((rows, parts, seed) -> {
          for (CbpeCalibration calibration : new CbpeCalibration[] {CbpeCalibration.identity(), isotonic}) {
            Random random = new Random(seed);
            CbpeWindow single = CbpeWindow.create(calibration, "yes");
            CbpeWindow[] shards = new CbpeWindow[parts];
            for (int i = 0; i < parts; i++) {
              shards[i] = CbpeWindow.create(calibration, "yes");
            }
            for (int r = 0; r < rows; r++) {
              double p = random.nextDouble();
              Map<String, Double> probabilities = new LinkedHashMap<>();
              probabilities.put("no", random.nextInt(20) == 0 ? Double.NaN : 1 - p);
              probabilities.put("yes", p);
              Optional<String> label = Optional.of(random.nextDouble() < 0.5 ? "yes" : "no");
              single.add(probabilities, label);
              shards[random.nextInt(parts)].add(probabilities, label);
            }
            CbpeWindow merged = CbpeWindow.create(calibration, "yes");
            for (int i = parts - 1; i >= 0; i--) {
              merged.merge(shards[i]);
            }
            assertThat(merged.count()).isEqualTo(single.count());
            assertThat(merged.excluded()).isEqualTo(single.excluded());
            assertThat(merged.estimate()).isEqualTo(single.estimate());
          }
        });
  }
}
