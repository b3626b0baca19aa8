package dev.mlops.benchmarks.experiments;

import dev.mlops.core.experiments.FileTracker;
import dev.mlops.core.experiments.FileTrackerConfig;
import dev.mlops.experiments.ActiveRun;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sustained asynchronous metric logging to the embedded store: each invocation logs
 * {@value #POINTS} points and then waits for {@code flush()} (written and fsynced), so the
 * bounded queue cannot hide a slow writer. The peer is the floor of what any file logger can do:
 * the same number of text lines through a {@link BufferedOutputStream} and one fsync, with no
 * queue, checksum or JSON. Run: {@code java -jar mlops-benchmarks/target/benchmarks.jar
 * MetricLoggingBenchmark -f 1 -wi 2 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class MetricLoggingBenchmark {
  static final int POINTS = 100_000;

  private Path dir;
  private FileTracker tracker;
  private ActiveRun run;
  private FileOutputStream rawFile;
  private BufferedOutputStream raw;
  private long step;

  @Setup(Level.Trial)
  public void open() throws IOException {
    dir = Files.createTempDirectory("mlops-bench-logging");
    tracker = FileTracker.open(FileTrackerConfig.builder(dir.resolve("store")).gitDirectory(null).build());
    run = tracker.startRun("bench", "logging");
    rawFile = new FileOutputStream(dir.resolve("raw.txt").toFile());
    raw = new BufferedOutputStream(rawFile, 1 << 16);
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    run.close();
    tracker.close();
    raw.close();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Benchmark
  @OperationsPerInvocation(POINTS)
  public void fileTrackerAsync() {
    for (int i = 0; i < POINTS; i++) {
      run.logMetric("loss", 1.0 / (step + 1), step++);
    }
    tracker.flush();
  }

  @Benchmark
  @OperationsPerInvocation(POINTS)
  public void bufferedStreamFloor() throws IOException {
    for (int i = 0; i < POINTS; i++) {
      raw.write(("loss " + (1.0 / (step + 1)) + " " + step++ + "\n").getBytes(StandardCharsets.UTF_8));
    }
    raw.flush();
    rawFile.getFD().sync();
  }
}
