package dev.mlops.benchmarks.drift;

import dev.mlops.core.drift.StatisticalDriftDetector;
import dev.mlops.data.Dataset;
import dev.mlops.data.NumericColumn;
import dev.mlops.drift.BatchDriftConfig;
import dev.mlops.drift.ColumnDrift;
import dev.mlops.drift.DriftTest;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Kolmogorov–Smirnov and Mann–Whitney on {@code n} vs {@code n} unsorted doubles (sorting is part
 * of every call), ours next to Commons Math 3.6.1's {@code KolmogorovSmirnovTest} and
 * {@code MannWhitneyUTest} in the same run. Ours runs through the public entry point, a
 * {@link StatisticalDriftDetector} configured with one test over one-column datasets, so it also
 * pays the column copy and missing-value scan a real drift check pays. The data equal those of
 * {@code scripts/scipy_drift_timing.py}, which times scipy and prints its statistic and p-value;
 * the setup prints ours and Commons Math's for comparison.
 *
 * <p>Run: {@code java -jar mlops-benchmarks/target/benchmarks.jar DriftTestBenchmark -f 1 -wi 2
 * -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DriftTestBenchmark {

  @Param({"1000000"})
  int n;

  private double[] a;
  private double[] b;
  private Dataset reference;
  private Dataset current;
  private StatisticalDriftDetector ks;
  private StatisticalDriftDetector mannWhitney;

  @Setup(Level.Trial)
  public void data() {
    a = new double[n];
    b = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = (double) ((i * 7919L) % 1000003) / 1000003.0;
      b[i] = (double) ((i * 104729L) % 1000033) / 1000033.0 + 0.001;
    }
    reference = Dataset.of(NumericColumn.of("x", a));
    current = Dataset.of(NumericColumn.of("x", b));
    ks = detector(DriftTest.KS);
    mannWhitney = detector(DriftTest.MANN_WHITNEY);
    ColumnDrift k = ksMlops();
    ColumnDrift mw = mannWhitneyMlops();
    System.out.printf(Locale.ROOT, "%n# mlops ks: D=%s p=%s; commons-math ks p=%s%n", k.statistic(),
        k.pValue().orElseThrow(), new org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest()
            .kolmogorovSmirnovTest(a, b));
    System.out.printf(Locale.ROOT, "# mlops mannwhitney: U=%s p=%s; commons-math p=%s%n",
        mw.statistic(), mw.pValue().orElseThrow(),
        new org.apache.commons.math3.stat.inference.MannWhitneyUTest().mannWhitneyUTest(a, b));
  }

  private static StatisticalDriftDetector detector(DriftTest test) {
    return StatisticalDriftDetector.of(BatchDriftConfig.builder().test(test).build());
  }

  @Benchmark
  public ColumnDrift ksMlops() {
    return ks.detect(reference, current).columns().get(0);
  }

  @Benchmark
  public double ksCommonsMath() {
    return new org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest()
        .kolmogorovSmirnovTest(a, b);
  }

  @Benchmark
  public ColumnDrift mannWhitneyMlops() {
    return mannWhitney.detect(reference, current).columns().get(0);
  }

  @Benchmark
  public double mannWhitneyCommonsMath() {
    return new org.apache.commons.math3.stat.inference.MannWhitneyUTest().mannWhitneyUTest(a, b);
  }
}
