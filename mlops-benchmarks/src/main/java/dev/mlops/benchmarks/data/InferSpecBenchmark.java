package dev.mlops.benchmarks.data;

import dev.mlops.core.data.SpecInference;
import dev.mlops.data.Dataset;
import dev.mlops.data.DatasetSpec;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Infers a spec from the 1M x 30 dataset of {@link ValidateBenchmark} (goal: under 2 s). Run:
 * {@code java -jar mlops-benchmarks/target/benchmarks.jar InferSpecBenchmark -f 1 -wi 2 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx3g")
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class InferSpecBenchmark {
  private Dataset data;

  @Setup
  public void setUp() {
    data = BenchData.mixed(ValidateBenchmark.ROWS, ValidateBenchmark.COLUMNS);
  }

  @Benchmark
  public DatasetSpec infer() {
    return SpecInference.infer(data);
  }
}
