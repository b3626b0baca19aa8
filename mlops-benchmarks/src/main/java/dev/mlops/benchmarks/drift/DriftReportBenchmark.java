package dev.mlops.benchmarks.drift;

import dev.mlops.core.drift.StatisticalDriftDetector;
import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.Column;
import dev.mlops.data.Dataset;
import dev.mlops.data.NumericColumn;
import dev.mlops.drift.BatchDriftConfig;
import dev.mlops.drift.DriftReport;
import dev.mlops.drift.DriftTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A full drift report on {@code rows} rows × 20 numeric + 10 categorical columns (one thread),
 * with the default test selection (normed Wasserstein and Jensen–Shannon) and with KS on every
 * numeric column. Five numeric and two categorical columns of the current data are shifted.
 *
 * <p>Run: {@code java -jar mlops-benchmarks/target/benchmarks.jar DriftReportBenchmark -f 1 -wi 1
 * -i 3 -jvmArgs -Xmx4g}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class DriftReportBenchmark {
  private static final int NUMERIC = 20;
  private static final int CATEGORICAL = 10;

  @Param({"1000000"})
  int rows;

  @Param({"default", "ks"})
  String tests;

  private Dataset reference;
  private Dataset current;
  private StatisticalDriftDetector detector;

  @Setup(Level.Trial)
  public void data() {
    reference = dataset(1, false);
    current = dataset(2, true);
    detector = tests.equals("ks")
        ? StatisticalDriftDetector.of(BatchDriftConfig.builder().test(DriftTest.KS).build())
        : StatisticalDriftDetector.defaults();
  }

  private Dataset dataset(long seed, boolean shifted) {
    Random r = new Random(seed);
    List<Column> columns = new ArrayList<>();
    for (int c = 0; c < NUMERIC; c++) {
      double[] v = new double[rows];
      double shift = shifted && c < 5 ? 0.3 : 0;
      for (int i = 0; i < rows; i++) {
        v[i] = r.nextGaussian() * (1 + c) + shift * (1 + c);
      }
      columns.add(NumericColumn.of("n" + c, v));
    }
    for (int c = 0; c < CATEGORICAL; c++) {
      int categories = 3 + 5 * c;
      List<String> names = new ArrayList<>();
      for (int k = 0; k < categories; k++) {
        names.add("c" + k);
      }
      int[] codes = new int[rows];
      for (int i = 0; i < rows; i++) {
        int k = r.nextInt(categories);
        codes[i] = shifted && c < 2 && r.nextInt(4) == 0 ? 0 : k;
      }
      columns.add(CategoricalColumn.ofCodes("k" + c, codes, names));
    }
    return Dataset.of(shifted ? "current" : "reference", columns);
  }

  @Benchmark
  public DriftReport report() {
    return detector.detect(reference, current);
  }
}
