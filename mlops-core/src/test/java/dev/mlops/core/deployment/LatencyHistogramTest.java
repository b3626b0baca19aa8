package dev.mlops.core.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

  @Test
  void quantilesAreWithinTwoPercentOfTheExactOrderStatistic() {
    LatencyHistogram h = new LatencyHistogram();
    for (long micros = 1; micros <= 10_000; micros++) {
      h.record(micros * 1_000);
    }
    assertThat(h.count()).isEqualTo(10_000);
    // exact: the 9,900th smallest of 1..10,000 µs is 9.9 ms; the median is 5 ms
    assertThat(h.quantileMillis(0.99)).isCloseTo(9.9, within(9.9 * 0.02));
    assertThat(h.quantileMillis(0.50)).isCloseTo(5.0, within(5.0 * 0.02));
    assertThat(new LatencyHistogram().quantileMillis(0.5)).isNaN();
  }

  @Test
  void smallValuesAreExactAndBucketsRoundTrip() {
    LatencyHistogram h = new LatencyHistogram();
    h.record(7);
    h.record(-3); // a clock that went back counts as 0
    assertThat(h.quantileMillis(1.0)).isEqualTo(7 / 1e6);
    LatencyHistogram copy = new LatencyHistogram();
    h.buckets().forEach(copy::add);
    assertThat(copy.buckets()).isEqualTo(h.buckets());
    for (long v : new long[] {64, 127, 128, 1L << 40, Long.MAX_VALUE}) {
      assertThat(LatencyHistogram.middle(LatencyHistogram.index(v)) / v).isCloseTo(1.0, within(0.02));
    }
  }
}
