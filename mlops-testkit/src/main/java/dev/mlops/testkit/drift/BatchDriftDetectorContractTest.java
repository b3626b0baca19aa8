package dev.mlops.testkit.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.Dataset;
import dev.mlops.data.NumericColumn;
import dev.mlops.drift.BatchDriftDetector;
import dev.mlops.drift.ColumnDrift;
import dev.mlops.drift.ColumnStatus;
import dev.mlops.drift.DriftReport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link BatchDriftDetector} must do: find no drift between a dataset and itself, find
 * a strong shift in the column that moved and in no untouched column, report counts that agree
 * with its columns, skip a column one side lacks with a reason, and give the same report every
 * time and from every thread.
 *
 * <pre>{@code
 * class MyDetectorContractTest extends BatchDriftDetectorContractTest {
 *   protected BatchDriftDetector detector() { return MyDetector.defaults(); }
 * }
 * }</pre>
 *
 * <p>The data come from a {@link DriftScenario} (seed {@value #SEED}): {@value #ROWS} rows of
 * two normal features, a categorical one and a label; the shifted copy moves
 * {@value DriftScenario#X1} by {@value #SHIFT} standard deviations and leaves every other column
 * as it was. JUnit creates one instance per test method; this class keeps no shared state.
 */
public abstract class BatchDriftDetectorContractTest {
  /** Seed of the kit's data: {@value}. */
  protected static final long SEED = 20_260_102L;
  /** Rows of the reference: {@value}. */
  protected static final int ROWS = 500;
  /** Shift of the moved column, in standard deviations: {@value}. */
  protected static final double SHIFT = 1.5;
  /** Threads the concurrency check detects from: {@value}. */
  protected static final int THREADS = 4;

  /** Creates the kit; subclasses are instantiated by JUnit. */
  protected BatchDriftDetectorContractTest() {}

  /**
   * Returns the detector under test.
   *
   * @return a detector; the kit may call it from several threads
   */
  protected abstract BatchDriftDetector detector();

  /** Returns the reference dataset of every check. */
  protected Dataset reference() {
    return DriftScenario.builder(SEED).rows(ROWS).build().data();
  }

  @Test
  void aDatasetDoesNotDriftFromItself() {
    DriftReport report = detector().detect(reference(), reference());
    new DriftReportAssert(report).hasNoDrift();
    assertThat(report.columnsTested()).as("columns tested").isPositive();
  }

  @Test
  void findsTheShiftedColumnAndNoUntouchedOne() {
    Dataset reference = reference();
    NumericColumn x1 = reference.numeric(DriftScenario.X1);
    double[] moved = x1.toArray();
    for (int i = 0; i < moved.length; i++) {
      moved[i] += SHIFT;
    }
    Dataset current = reference.withColumn(NumericColumn.of(DriftScenario.X1, moved));
    DriftReport report = detector().detect(reference, current);
    new DriftReportAssert(report).driftedColumns(DriftScenario.X1);
  }

  @Test
  void theCountsAgreeWithTheColumns() {
    Dataset reference = reference();
    Dataset current = DriftScenario.builder(SEED + 1).rows(ROWS).changeAt(1)
        .covariateShift(DriftScenario.X2, SHIFT).build().data();
    DriftReport report = detector().detect(reference, current);
    long drifted = report.columns().stream().filter(ColumnDrift::drifted).count();
    long tested = report.columns().stream().filter(c -> c.status() == ColumnStatus.OK).count();
    assertThat(report.driftedColumns()).as("driftedColumns").isEqualTo(drifted);
    assertThat(report.columnsTested()).as("columnsTested").isEqualTo(tested);
    assertThat(report.datasetDrift()).as("datasetDrift with %d of %d drifted at share %s",
        drifted, tested, report.driftShare())
        .isEqualTo(tested > 0 && (double) drifted / tested >= report.driftShare());
  }

  @Test
  void aColumnOnOneSideOnlyIsSkippedWithAReason() {
    Dataset reference = reference().withColumn(CategoricalColumn.of("only_in_reference", repeat("x", ROWS)));
    DriftReport report = detector().detect(reference, reference());
    ColumnDrift only = report.columns().stream().filter(c -> c.name().equals("only_in_reference"))
        .findFirst().orElseThrow(() -> new AssertionError(
            "the report leaves out the column the current data lacks: " + report.columns()));
    assertThat(only.status()).as("status of a column the current data lacks").isEqualTo(ColumnStatus.SKIPPED);
    assertThat(only.reason()).as("reason").isPresent();
  }

  @Test
  void givesTheSameReportEveryTimeAndFromEveryThread() throws Exception {
    BatchDriftDetector d = detector();
    Dataset reference = reference();
    Dataset current = DriftScenario.builder(SEED + 2).rows(ROWS).changeAt(1)
        .covariateShift(DriftScenario.X1, SHIFT / 3).build().data();
    DriftReport first = d.detect(reference, current);
    assertThat(d.detect(reference, current)).as("the second report").isEqualTo(first);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<DriftReport>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        futures.add(pool.submit(() -> d.detect(reference, current)));
      }
      for (Future<DriftReport> f : futures) {
        assertThat(f.get(1, TimeUnit.MINUTES)).as("a concurrent report").isEqualTo(first);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<String> repeat(String value, int n) {
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(value);
    }
    return out;
  }
}
