package dev.mlops.benchmarks.profile;

import com.tdunning.math.stats.MergingDigest;
import com.tdunning.math.stats.TDigest;
import dev.mlops.core.profile.ProfileBuilder;
import dev.mlops.core.profile.ProfileConfig;
import dev.mlops.core.profile.Profiles;
import dev.mlops.data.Column;
import dev.mlops.data.Dataset;
import dev.mlops.data.NumericColumn;
import dev.mlops.data.Record;
import dev.mlops.profile.DatasetProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
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
 * Profiling speed (issue 14's goals: at least 20 M numeric cells/s per core profiling a
 * {@link Dataset}; at most 1 µs per record updating a 20-feature profile), side by side in one
 * run with two references on the same cells: t-digest 3.3 ({@code MergingDigest}, compression
 * 100), the usual pure-Java quantile sketch, fed the same columns; and a loop computing only
 * count, min, max, mean and variance (the floor any profile pays). Cells per second are
 * rows × columns / time per operation. Run: {@code java -jar mlops-benchmarks/target/benchmarks.jar
 * ProfileBenchmark -f 1 -wi 2 -i 3 -w 1 -r 1}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class ProfileBenchmark {
  private static final int FEATURES = 20;

  @Param({"100000"})
  int rows;

  private Dataset dataset;
  private double[][] columns;

  @Setup(Level.Trial)
  public void generate() {
    SplittableRandom random = new SplittableRandom(7);
    List<Column> out = new ArrayList<>();
    columns = new double[FEATURES][rows];
    for (int f = 0; f < FEATURES; f++) {
      for (int i = 0; i < rows; i++) {
        columns[f][i] = f + random.nextDouble() * (1 + f);
      }
      out.add(NumericColumn.of("f" + f, columns[f]));
    }
    dataset = Dataset.of("bench", out);
  }

  /** Profiles the whole dataset: 20 numeric columns of {@code rows} values. */
  @Benchmark
  public DatasetProfile profileDataset() {
    return Profiles.of(dataset);
  }

  /** Peer: one t-digest per column over the same values (quantiles only, no moments). */
  @Benchmark
  public double tdigestColumns() {
    double sum = 0;
    for (double[] column : columns) {
      TDigest digest = new MergingDigest(100);
      for (double v : column) {
        digest.add(v);
      }
      sum += digest.quantile(0.5);
    }
    return sum;
  }

  /** Floor: count, min, max, mean and variance of every column, nothing else. */
  @Benchmark
  public double momentsOnly() {
    double sum = 0;
    for (double[] column : columns) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      double mean = 0;
      double m2 = 0;
      long n = 0;
      for (double v : column) {
        if (Double.isNaN(v)) {
          continue;
        }
        n++;
        double d = v - mean;
        mean += d / n;
        m2 += d * (v - mean);
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      sum += mean + m2 / n + min + max;
    }
    return sum;
  }

  /** One 20-feature record per operation into a stream profile. */
  @State(Scope.Thread)
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public static class RecordStream {
    private static final int RECORDS = 4096;
    private Record[] records;
    private ProfileBuilder builder;
    private int next;

    @Setup(Level.Trial)
    public void generate() {
      SplittableRandom random = new SplittableRandom(11);
      records = new Record[RECORDS];
      Map<String, dev.mlops.data.FeatureType> schema = new LinkedHashMap<>();
      for (int f = 0; f < FEATURES; f++) {
        schema.put("f" + f, dev.mlops.data.FeatureType.NUMERIC);
      }
      for (int i = 0; i < RECORDS; i++) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int f = 0; f < FEATURES; f++) {
          values.put("f" + f, random.nextGaussian() * (1 + f));
        }
        records[i] = Record.of(values);
      }
      builder = Profiles.builder(schema, ProfileConfig.defaults());
    }

    Record nextRecord() {
      Record r = records[next];
      next = (next + 1) & (RECORDS - 1);
      return r;
    }
  }

  /** Per-record update of a 20-feature numeric profile. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public ProfileBuilder updateRecord(RecordStream stream) {
    return stream.builder.update(stream.nextRecord());
  }
}
