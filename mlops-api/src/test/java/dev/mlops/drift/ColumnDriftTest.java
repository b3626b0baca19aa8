package dev.mlops.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ColumnDriftTest {

  private static ColumnDrift ks(double p) {
    return new ColumnDrift("x", "numeric", "ks", 0.1, OptionalDouble.of(p), OptionalDouble.empty(),
        0.05, p < 0.05, 0, 0, OptionalDouble.empty(), false, List.of(), ColumnStatus.OK,
        Optional.empty());
  }

  @Test
  void driftScoreIsOneAtTheThresholdAndPositiveZeroWhenNothingChanged() {
    assertThat(ks(0.05).driftScore()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(ks(0.0025).driftScore()).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-12));
    // p = 1 gives log(1) / log(0.05) = -0.0, which JSON and text would print as "-0.0".
    assertThat(Double.doubleToRawLongBits(ks(1.0).driftScore())).isZero();
  }
}
