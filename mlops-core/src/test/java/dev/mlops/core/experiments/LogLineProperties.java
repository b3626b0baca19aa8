package dev.mlops.core.experiments;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import org.junit.jupiter.api.Test;

class LogLineProperties {

  @Test
  void framedLinesReadBack() {
    qt().withFixedSeed(1L).forAll(strings().allPossible().ofLengthBetween(0, 200)).checkAssert(s -> {
      byte[] line = LogLine.frame(s);
      assertThat(line[line.length - 1]).isEqualTo((byte) '\n');
      assertThat(LogLine.unframe(line, 0, line.length - 1)).isEqualTo(new String(s.getBytes(UTF_8), UTF_8));
    });
  }

  @Test
  void metricsEncodedInPlaceAreValidFramedJson() {
    qt().withFixedSeed(3L).forAll(doubles().any(), longs().all(), longs().between(0, Long.MAX_VALUE)).checkAssert((v, step, ts) -> {
      RunFile file = new RunFile(null, null);
      file.appendMetric(RunLogFormat.metricPrefix("loss/é"), v, step, ts);
      byte[] line = file.pendingBytes();
      var n = RunLogFormat.parse(LogLine.unframe(line, 0, line.length - 1));
      assertThat(RunLogFormat.text(n, "k")).isEqualTo("loss/é");
      assertThat(RunLogFormat.metricValue(n.get("v"))).isEqualTo(v);
      assertThat(RunLogFormat.number(n, "s")).isEqualTo(step);
      assertThat(RunLogFormat.number(n, "ts")).isEqualTo(ts);
    });
  }

  @Test
  void anyFlippedBitIsDetected() {
    qt().withFixedSeed(2L).forAll(strings().basicLatinAlphabet().ofLengthBetween(1, 100), integers().between(0, 10_000), integers().between(0, 7))
        .checkAssert((s, at, bit) -> {
          byte[] line = LogLine.frame(s);
          int i = at % (line.length - 1);
          line[i] ^= (byte) (1 << bit);
          assertThatThrownBy(() -> LogLine.unframe(line, 0, line.length - 1)).isInstanceOf(IllegalArgumentException.class);
        });
  }
}
