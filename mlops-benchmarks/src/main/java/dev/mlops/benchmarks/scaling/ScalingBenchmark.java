package dev.mlops.benchmarks.scaling;

import dev.mlops.benchmarks.PeerData;
import dev.mlops.benchmarks.RunStores;
import dev.mlops.core.data.SpecInference;
import dev.mlops.core.data.SpecValidator;
import dev.mlops.core.drift.StatisticalDriftDetector;
import dev.mlops.core.drift.streaming.StreamingDetectors;
import dev.mlops.core.evaluation.Evaluation;
import dev.mlops.core.evaluation.EvaluationData;
import dev.mlops.core.experiments.FileTracker;
import dev.mlops.core.profile.Profiles;
import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.Column;
import dev.mlops.data.Dataset;
import dev.mlops.data.NumericColumn;
import dev.mlops.drift.DriftReport;
import dev.mlops.drift.StreamingDriftDetector;
import dev.mlops.evaluation.ClassificationReport;
import dev.mlops.experiments.RunQuery;
import dev.mlops.experiments.RunRecord;
import dev.mlops.data.ValidationReport;
import dev.mlops.profile.DatasetProfile;
import java.util.ArrayList;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The main operations over input sizes {@code size} = 10³ … 10⁷ (rows, updates or runs; capped
 * where the setup or a call would not finish in seconds on 2 cores), for the log–log plots that
 * {@code ScalingPlot} draws from this benchmark's JSON. Expected complexity per operation:
 *
 * <ul>
 *   <li>{@code driftReport}: a default report on 2 numeric + 1 categorical columns, rows 10³ …
 *       10⁷: O(n) (radix sorts, binned distances);
 *   <li>{@code validate}: a 5-column dataset against its inferred spec, rows 10³ … 10⁷: O(n);
 *   <li>{@code adwinUpdates}: {@code size} ADWIN updates on N(0, 1), 10³ … 10⁷: O(n log n) at
 *       worst (the window's buckets grow as log n), nearly O(n);
 *   <li>{@code profileMerge}: merging two 5-column profiles each built over {@code size} rows:
 *       O(1) in rows (the sketches are bounded), 10³ … 10⁷;
 *   <li>{@code trackerSearch}: a two-clause filter and order-by over {@code size} finished runs
 *       of an open store, 10² … 10⁴: O(n log n) (a directory listing, a scan, a sort of the
 *       matches);
 *   <li>{@code evaluation}: the full binary classification report, rows 10³ … 10⁷: O(n log n)
 *       (ROC-AUC and average precision sort the scores).
 * </ul>
 *
 * Run: {@code java -jar mlops-benchmarks/target/benchmarks.jar ScalingBenchmark -f 1 -wi 1 -i 3
 * -w 1 -r 1 -rf json -rff mlops-benchmarks/results/scaling.json}, then {@code ScalingPlot}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx6g")
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
public class ScalingBenchmark {
  private static final int NUMERIC = 5;

  static Dataset numeric(int rows, int columns, long seed, double shift) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Column> out = new ArrayList<>();
    for (int c = 0; c < columns; c++) {
      double[] v = new double[rows];
      for (int i = 0; i < rows; i++) {
        v[i] = (c + 1) * (r.nextDouble() + r.nextDouble() - 1) + shift;
      }
      out.add(NumericColumn.of("n" + c, v));
    }
    return Dataset.of("scaling", out);
  }

  /** Reference and current data with 2 numeric and 1 categorical column. */
  @State(Scope.Benchmark)
  public static class DriftData {
    @Param({"1000", "10000", "100000", "1000000", "10000000"})
    int size;

    Dataset reference;
    Dataset current;
    final StatisticalDriftDetector detector = StatisticalDriftDetector.defaults();

    @Setup(Level.Trial)
    public void generate() {
      reference = withCategory(numeric(size, 2, 1, 0), 3);
      current = withCategory(numeric(size, 2, 2, 0.05), 4);
    }

    private Dataset withCategory(Dataset numeric, long seed) {
      SplittableRandom r = new SplittableRandom(seed);
      int[] codes = new int[size];
      for (int i = 0; i < size; i++) {
        codes[i] = r.nextInt(10);
      }
      List<Column> columns = new ArrayList<>(numeric.columns());
      columns.add(CategoricalColumn.ofCodes("k", codes,
          List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j")));
      return Dataset.of(numeric.name(), columns);
    }
  }

  @Benchmark
  public DriftReport driftReport(DriftData d) {
    return d.detector.detect(d.reference, d.current);
  }

  /** A numeric dataset and a validator of its inferred spec. */
  @State(Scope.Benchmark)
  public static class ValidationData {
    @Param({"1000", "10000", "100000", "1000000", "10000000"})
    int size;

    Dataset data;
    SpecValidator validator;

    @Setup(Level.Trial)
    public void generate() {
      data = numeric(size, NUMERIC, 5, 0);
      validator = SpecValidator.of(SpecInference.infer(data));
    }
  }

  @Benchmark
  public ValidationReport validate(ValidationData d) {
    return d.validator.validate(d.data);
  }

  /** A stationary N(0, 1) stream of {@code size} values. */
  @State(Scope.Benchmark)
  public static class DetectorData {
    @Param({"1000", "10000", "100000", "1000000", "10000000"})
    int size;

    double[] values;

    @Setup(Level.Trial)
    public void generate() {
      SplittableRandom r = new SplittableRandom(42);
      values = new double[size];
      for (int i = 0; i < size; i++) {
        values[i] = r.nextDouble() + r.nextDouble() + r.nextDouble() - 1.5;
      }
    }
  }

  /** A fresh ADWIN fed the whole stream, so its window grows to {@code size} values. */
  @Benchmark
  public long adwinUpdates(DetectorData d) {
    StreamingDriftDetector adwin = StreamingDetectors.create("adwin", Map.of());
    long drifts = 0;
    for (double v : d.values) {
      drifts += adwin.add(v).ordinal();
    }
    return drifts;
  }

  /** Two profiles of {@code size} rows each. */
  @State(Scope.Benchmark)
  public static class ProfileData {
    @Param({"1000", "10000", "100000", "1000000", "10000000"})
    int size;

    DatasetProfile left;
    DatasetProfile right;

    @Setup(Level.Trial)
    public void generate() {
      left = Profiles.of(numeric(size, NUMERIC, 7, 0));
      right = Profiles.of(numeric(size, NUMERIC, 8, 0));
    }
  }

  @Benchmark
  public DatasetProfile profileMerge(ProfileData d) {
    return d.left.merge(d.right);
  }

  /**
   * An open store of {@code size} finished runs ({@link RunStores#finished}, built once per machine
   * and size). Sizes stop at 10⁴: every run is fsynced when it ends, so creating 10⁴ runs already
   * takes a minute or more here.
   */
  @State(Scope.Benchmark)
  public static class StoreData {
    @Param({"100", "1000", "10000"})
    int size;

    FileTracker tracker;

    @Setup(Level.Trial)
    public void open() {
      tracker = FileTracker.open(RunStores.config(RunStores.finished(size)));
      // the open store has read every run file once, as in a long-running service
      tracker.searchRuns(List.of("bench"), "", List.of(), RunQuery.MAX_RESULTS_LIMIT);
    }

    @TearDown(Level.Trial)
    public void close() {
      tracker.close();
    }
  }

  @Benchmark
  public List<RunRecord> trackerSearch(StoreData d) {
    return d.tracker.searchRuns(List.of("bench"), RunStores.FILTER, List.of("metrics.rmse ASC"), 1000);
  }

  /** Scored binary examples ({@link PeerData#scoredExamples}). */
  @State(Scope.Benchmark)
  public static class EvaluationRows {
    @Param({"1000", "10000", "100000", "1000000", "10000000"})
    int size;

    EvaluationData data;

    @Setup(Level.Trial)
    public void generate() {
      boolean[] positive = new boolean[size];
      double[] scores = new double[size];
      PeerData.scoredExamples(positive, scores, new double[size]);
      List<String> actual = new ArrayList<>(size);
      List<String> predicted = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        actual.add(positive[i] ? "pos" : "neg");
        predicted.add(scores[i] >= 0.5 ? "pos" : "neg");
      }
      data = EvaluationData.builder().actual(actual).predicted(predicted).scores(scores, "pos").build();
    }
  }

  @Benchmark
  public ClassificationReport evaluation(EvaluationRows d) {
    return Evaluation.classification(d.data);
  }
}
