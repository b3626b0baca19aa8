package dev.mlops.benchmarks.experiments;

import dev.mlops.benchmarks.RunStores;
import dev.mlops.core.experiments.FileTracker;
import dev.mlops.experiments.RunQuery;
import dev.mlops.experiments.RunRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
 * Search over {@code runs} finished runs with a two-clause MLflow filter and an order-by.
 * {@code storeSearch} goes through an open store (it re-lists the run directories on every
 * search, re-reads only runs still running); {@code coldOpenAndSearch} opens the store first, so
 * it reads every run file; the peer {@code handWrittenPredicate} filters and sorts the same
 * records in memory with plain Java, the floor for any filter engine. Run: {@code java -jar
 * mlops-benchmarks/target/benchmarks.jar RunSearchBenchmark -f 1 -wi 2 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class RunSearchBenchmark {
  @Param({"10000"})
  int runs;

  private Path dir;
  private FileTracker tracker;
  private List<RunRecord> records;

  @Setup(Level.Trial)
  public void openStore() {
    dir = RunStores.finished(runs);
    tracker = FileTracker.open(RunStores.config(dir));
    records = tracker.searchRuns(List.of("bench"), "", List.of(), RunQuery.MAX_RESULTS_LIMIT);
  }

  @TearDown(Level.Trial)
  public void close() {
    tracker.close();
  }

  @Benchmark
  public List<RunRecord> storeSearch() {
    return tracker.searchRuns(List.of("bench"), RunStores.FILTER, List.of("metrics.rmse ASC"), 1000);
  }

  @Benchmark
  public List<RunRecord> coldOpenAndSearch() {
    try (FileTracker cold = FileTracker.open(RunStores.config(dir))) {
      return cold.searchRuns(List.of("bench"), RunStores.FILTER, List.of("metrics.rmse ASC"), 1000);
    }
  }

  @Benchmark
  public List<RunRecord> handWrittenPredicate() {
    List<RunRecord> out = new ArrayList<>();
    for (RunRecord r : records) {
      var rmse = r.latestMetrics().get("rmse");
      if (rmse != null && rmse.value() < 0.5 && "tree".equals(r.params().get("model"))) {
        out.add(r);
      }
    }
    out.sort(Comparator.comparingDouble((RunRecord r) -> r.latestMetrics().get("rmse").value()));
    return out.size() > 1000 ? out.subList(0, 1000) : out;
  }
}
