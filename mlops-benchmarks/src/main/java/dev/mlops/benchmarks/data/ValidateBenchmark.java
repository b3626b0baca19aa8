package dev.mlops.benchmarks.data;

import dev.mlops.core.data.SpecInference;
import dev.mlops.core.data.SpecValidator;
import dev.mlops.data.Dataset;
import dev.mlops.data.DatasetSpec;
import dev.mlops.data.NumericColumn;
import dev.mlops.data.NumericRange;
import dev.mlops.data.ValidationReport;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Validates 1M rows x 30 columns (26 numeric, 2 integer, 2 categorical) against the spec inferred
 * from them; the score is cells checked per second (goal: 20M/s on one core). The peer is
 * {@link #handwrittenRangeLoop}: a bare loop testing every numeric cell against its range and NaN
 * and nothing else, the floor a validator can approach. Run: {@code java -jar
 * mlops-benchmarks/target/benchmarks.jar ValidateBenchmark -f 1 -wi 2 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx3g")
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class ValidateBenchmark {
  static final int ROWS = 1_000_000;
  static final int COLUMNS = 30;

  private Dataset data;
  private SpecValidator validator;
  private NumericColumn[] numeric;
  private NumericRange[] ranges;

  @Setup
  public void setUp() {
    data = BenchData.mixed(ROWS, COLUMNS);
    DatasetSpec spec = SpecInference.infer(data);
    validator = SpecValidator.of(spec);
    numeric = new NumericColumn[COLUMNS - 2];
    ranges = new NumericRange[COLUMNS - 2];
    for (int c = 2; c < COLUMNS; c++) {
      numeric[c - 2] = data.numeric("f" + c);
      ranges[c - 2] = spec.feature("f" + c).orElseThrow().range().orElseThrow();
    }
    if (!validator.validate(data).valid()) {
      throw new IllegalStateException("benchmark data must be valid against its inferred spec");
    }
  }

  @Benchmark
  @OperationsPerInvocation(ROWS * COLUMNS)
  public ValidationReport validateDataset() {
    return validator.validate(data);
  }

  @Benchmark
  @OperationsPerInvocation(ROWS * (COLUMNS - 2))
  public long handwrittenRangeLoop() {
    long bad = 0;
    for (int c = 0; c < numeric.length; c++) {
      NumericColumn col = numeric[c];
      double lo = ranges[c].min();
      double hi = ranges[c].max();
      for (int r = 0; r < ROWS; r++) {
        double v = col.value(r);
        if (v != v || v < lo || v > hi) {
          bad++;
        }
      }
    }
    return bad;
  }
}
