package dev.mlops.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes the benchmarks' seeded inputs ({@link PeerData}) as raw little-endian files that numpy
 * reads with {@code fromfile}, so {@code scripts/peers.py} times scipy, scikit-learn and numpy on
 * the very values the JMH benchmarks use. Files: {@code drift_a.f64}, {@code drift_b.f64}
 * (1M doubles each), {@code eval_actual.u8} (1 = positive), {@code eval_scores.f64} (1M rows),
 * {@code ratings.i8} (100k items × 10 annotators, −1 missing). Each file is written to a temporary
 * file in the same directory, forced to disk and moved into place atomically.
 *
 * <p>Run: {@code java -cp mlops-benchmarks/target/benchmarks.jar
 * dev.mlops.benchmarks.PeerDataWriter DIR}.
 */
public final class PeerDataWriter {
  /** Size of each drift sample and of the evaluation data: {@value}. */
  public static final int ROWS = 1_000_000;
  /** Items of the Krippendorff data: {@value}. */
  public static final int ITEMS = 100_000;

  private PeerDataWriter() {}

  /**
   * Writes the files.
   *
   * @param args the output directory (created if missing)
   * @throws IOException if a file cannot be written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: PeerDataWriter DIR");
    }
    Path dir = Files.createDirectories(Path.of(args[0]));
    write(dir.resolve("drift_a.f64"), doubles(PeerData.driftReference(ROWS)));
    write(dir.resolve("drift_b.f64"), doubles(PeerData.driftCurrent(ROWS)));
    boolean[] positive = new boolean[ROWS];
    double[] scores = new double[ROWS];
    PeerData.scoredExamples(positive, scores, new double[ROWS]);
    ByteBuffer actual = ByteBuffer.allocate(ROWS);
    for (boolean p : positive) {
      actual.put((byte) (p ? 1 : 0));
    }
    write(dir.resolve("eval_actual.u8"), actual.flip());
    write(dir.resolve("eval_scores.f64"), doubles(scores));
    write(dir.resolve("ratings.i8"), ByteBuffer.wrap(PeerData.ratings(ITEMS)));
    System.out.println("wrote peer data to " + dir.toAbsolutePath());
  }

  private static ByteBuffer doubles(double[] values) {
    ByteBuffer out = ByteBuffer.allocate(values.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    out.asDoubleBuffer().put(values);
    return out;
  }

  private static void write(Path target, ByteBuffer bytes) throws IOException {
    Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      channel.force(true);
    }
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
