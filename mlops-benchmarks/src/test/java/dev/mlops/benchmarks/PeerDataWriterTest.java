package dev.mlops.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeerDataWriterTest {
  @TempDir Path dir;

  private static double[] doubles(Path file) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    double[] out = new double[bytes.remaining() / Double.BYTES];
    bytes.asDoubleBuffer().get(out);
    return out;
  }

  @Test
  void writesTheBenchmarksValuesBitForBit() throws IOException {
    PeerDataWriter.main(new String[] {dir.toString()});

    assertThat(doubles(dir.resolve("drift_a.f64")))
        .isEqualTo(PeerData.driftReference(PeerDataWriter.ROWS));
    assertThat(doubles(dir.resolve("drift_b.f64")))
        .isEqualTo(PeerData.driftCurrent(PeerDataWriter.ROWS));
    boolean[] positive = new boolean[PeerDataWriter.ROWS];
    double[] scores = new double[PeerDataWriter.ROWS];
    PeerData.scoredExamples(positive, scores, new double[PeerDataWriter.ROWS]);
    assertThat(doubles(dir.resolve("eval_scores.f64"))).isEqualTo(scores);
    byte[] actual = Files.readAllBytes(dir.resolve("eval_actual.u8"));
    assertThat(actual).hasSize(PeerDataWriter.ROWS);
    for (int i = 0; i < 1000; i++) {
      assertThat(actual[i]).isEqualTo((byte) (positive[i] ? 1 : 0));
    }
    assertThat(Files.readAllBytes(dir.resolve("ratings.i8")))
        .isEqualTo(PeerData.ratings(PeerDataWriter.ITEMS));
    try (var files = Files.list(dir)) {
      assertThat(files).hasSize(5); // no temporary file left behind
    }
  }

  @Test
  void generatesTheDocumentedFormulas() {
    double[] a = PeerData.driftReference(3);
    double[] b = PeerData.driftCurrent(3);

    assertThat(a).containsExactly(0.0, 7919 / 1000003.0, 15838 / 1000003.0);
    assertThat(b).containsExactly(0.001, 104729 / 1000033.0 + 0.001, 209458 / 1000033.0 + 0.001);
  }

  @Test
  void ratingsHaveAbout5PercentMissingAndOnlyKnownLabels() {
    byte[] ratings = PeerData.ratings(10_000);
    int missing = 0;
    for (byte r : ratings) {
      assertThat((int) r).isBetween(-1, PeerData.LABELS - 1);
      missing += r == PeerData.MISSING ? 1 : 0;
    }
    assertThat(missing / (double) ratings.length).isBetween(0.04, 0.06);
  }
}
