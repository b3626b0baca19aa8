package dev.mlops.benchmarks.drift;

import dev.mlops.benchmarks.PeerData;
import dev.mlops.core.drift.RadixSortFloor;
import dev.mlops.core.drift.SortedPasses;
import dev.mlops.core.drift.StatisticalDriftDetector;
import dev.mlops.data.Dataset;
import dev.mlops.data.NumericColumn;
import dev.mlops.drift.BatchDriftConfig;
import dev.mlops.drift.ColumnDrift;
import dev.mlops.drift.DriftTest;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
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
 * The six sort-based drift tests on {@code n} vs {@code n} unsorted doubles, each through the
 * public entry point (a {@link StatisticalDriftDetector} with that one test over one-column
 * datasets, so it also pays the column copy and the missing-value scan a real check pays), next
 * to their floors and peers in the same run:
 *
 * <ul>
 *   <li>{@code floorRadixSort}: copying and sorting both samples with the project's radix sort,
 *       the least any of these tests can cost (goal: every test ≤ 1.2× this);
 *   <li>{@code floorArraysSort}: the same with {@link Arrays#sort(double[])};
 *   <li>{@code copyBandwidth}: cloning both samples, which measures the memory bandwidth the
 *       radix passes are bound by (each pass reads and writes 16 bytes per value);
 *   <li>{@code pass*}: each test's own pass over samples sorted beforehand, and {@code
 *       passDetectorScans}, the detector's other passes (copy, infinite count, distinct count),
 *       which split a test's time into floor + detector passes + test pass;
 *   <li>Commons Math 3.6.1's {@code KolmogorovSmirnovTest} and {@code MannWhitneyUTest}.
 * </ul>
 *
 * The data are {@link PeerData#driftReference} and {@link PeerData#driftCurrent}, the files
 * {@code scripts/peers.py} times scipy on; the setup prints ours and Commons Math's p-values and
 * the number of radix passes these data need. Run: {@code java -jar
 * mlops-benchmarks/target/benchmarks.jar DriftTestBenchmark -f 1 -wi 2 -i 3 -w 1 -r 1}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class DriftTestBenchmark {

  @Param({"1000000"})
  int n;

  private double[] a;
  private double[] b;
  private double[] sortedA;
  private double[] sortedB;
  private Dataset reference;
  private Dataset current;
  private StatisticalDriftDetector ks;
  private StatisticalDriftDetector mannWhitney;
  private StatisticalDriftDetector anderson;
  private StatisticalDriftDetector cvm;
  private StatisticalDriftDetector energy;
  private StatisticalDriftDetector wasserstein;

  @Setup(Level.Trial)
  public void data() {
    a = PeerData.driftReference(n);
    b = PeerData.driftCurrent(n);
    sortedA = a.clone();
    sortedB = b.clone();
    Arrays.sort(sortedA);
    Arrays.sort(sortedB);
    reference = Dataset.of(NumericColumn.of("x", a));
    current = Dataset.of(NumericColumn.of("x", b));
    ks = detector(DriftTest.KS);
    mannWhitney = detector(DriftTest.MANN_WHITNEY);
    anderson = detector(DriftTest.ANDERSON);
    cvm = detector(DriftTest.CVM);
    energy = detector(DriftTest.ENERGY);
    wasserstein = detector(DriftTest.WASSERSTEIN);
    ColumnDrift k = ksMlops();
    ColumnDrift mw = mannWhitneyMlops();
    System.out.printf(Locale.ROOT, "%n# mlops ks: D=%s p=%s; commons-math ks p=%s%n", k.statistic(),
        k.pValue().orElseThrow(), new KolmogorovSmirnovTest().kolmogorovSmirnovTest(a, b));
    System.out.printf(Locale.ROOT, "# mlops mannwhitney: U=%s p=%s; commons-math p=%s%n",
        mw.statistic(), mw.pValue().orElseThrow(), new MannWhitneyUTest().mannWhitneyUTest(a, b));
    System.out.printf(Locale.ROOT, "# radix scatter passes: reference %d, current %d (of %d)%n",
        RadixSortFloor.scatterPasses(a), RadixSortFloor.scatterPasses(b), RadixSortFloor.MAX_PASSES);
  }

  private static StatisticalDriftDetector detector(DriftTest test) {
    return StatisticalDriftDetector.of(BatchDriftConfig.builder().test(test).build());
  }

  private ColumnDrift run(StatisticalDriftDetector detector) {
    return detector.detect(reference, current).columns().get(0);
  }

  @Benchmark
  public ColumnDrift ksMlops() {
    return run(ks);
  }

  @Benchmark
  public ColumnDrift mannWhitneyMlops() {
    return run(mannWhitney);
  }

  @Benchmark
  public ColumnDrift andersonDarlingMlops() {
    return run(anderson);
  }

  @Benchmark
  public ColumnDrift cramerVonMisesMlops() {
    return run(cvm);
  }

  @Benchmark
  public ColumnDrift energyMlops() {
    return run(energy);
  }

  @Benchmark
  public ColumnDrift wassersteinMlops() {
    return run(wasserstein);
  }

  @Benchmark
  public double floorRadixSort() {
    double[] x = a.clone();
    double[] y = b.clone();
    RadixSortFloor.sort(x);
    RadixSortFloor.sort(y);
    return x[x.length / 2] + y[y.length / 2];
  }

  @Benchmark
  public double floorArraysSort() {
    double[] x = a.clone();
    double[] y = b.clone();
    Arrays.sort(x);
    Arrays.sort(y);
    return x[x.length / 2] + y[y.length / 2];
  }

  /** Reads 8n and writes 8n bytes per sample: bandwidth is 32n bytes ÷ this time. */
  @Benchmark
  public double copyBandwidth() {
    double[] x = a.clone();
    double[] y = b.clone();
    return x[x.length / 2] + y[y.length / 2];
  }

  @Benchmark
  public double passKs() {
    return SortedPasses.statistic("ks", sortedA, sortedB);
  }

  @Benchmark
  public double passMannWhitney() {
    return SortedPasses.statistic("mannwhitney", sortedA, sortedB);
  }

  @Benchmark
  public double passAndersonDarling() {
    return SortedPasses.statistic("anderson", sortedA, sortedB);
  }

  @Benchmark
  public double passCramerVonMises() {
    return SortedPasses.statistic("cvm", sortedA, sortedB);
  }

  @Benchmark
  public double passEnergy() {
    return SortedPasses.statistic("energy", sortedA, sortedB);
  }

  @Benchmark
  public double passWasserstein() {
    return SortedPasses.statistic("wasserstein", sortedA, sortedB);
  }

  @Benchmark
  public long passDetectorScans() {
    return SortedPasses.detectorScans(sortedA, sortedB);
  }

  @Benchmark
  public double ksCommonsMath() {
    return new KolmogorovSmirnovTest().kolmogorovSmirnovTest(a, b);
  }

  @Benchmark
  public double mannWhitneyCommonsMath() {
    return new MannWhitneyUTest().mannWhitneyUTest(a, b);
  }
}
