package dev.mlops.benchmarks.drift;

import dev.mlops.core.drift.streaming.KswinDetector;
import dev.mlops.drift.DriftState;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One KSWIN update with River 0.26's defaults (window 100, a 30-vs-30 Kolmogorov-Smirnov test
 * with its exact p-value per value) on N(0, 1). MOA 2024.07 has no KSWIN, so there is no peer in
 * this run; River's pure-Python KSWIN is the reference users compare with.
 *
 * <p>Run: {@code java -jar mlops-benchmarks/target/benchmarks.jar KswinBenchmark -f 1 -wi 2
 * -i 3 -w 1 -r 1 -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class KswinBenchmark {
  private static final int LENGTH = 1 << 20;

  private double[] values;
  private int next;
  private KswinDetector kswin;

  @Setup(Level.Trial)
  public void setUp() {
    Random r = new Random(42);
    values = new double[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      values[i] = r.nextGaussian();
    }
    kswin = new KswinDetector();
  }

  @Benchmark
  public DriftState add() {
    double v = values[next];
    next = (next + 1) & (LENGTH - 1);
    return kswin.add(v);
  }
}
