package dev.mlops.testkit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.FailureKind;
import dev.mlops.ModelInferenceException;
import dev.mlops.data.Record;
import dev.mlops.model.Model;
import dev.mlops.model.ModelDescriptor;
import dev.mlops.model.ModelTask;
import dev.mlops.model.Prediction;
import dev.mlops.model.PredictionRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Model} must do, so a serving path, a monitor or a rollout can take any model:
 * it names itself consistently, predicts the same record the same way whether alone, in a batch,
 * as a request or from several threads at once, keeps classifier answers consistent with its
 * descriptor, and after {@code close()} (idempotent) fails every call with
 * {@link FailureKind#CLOSED}.
 *
 * <pre>{@code
 * class MyModelContractTest extends ModelContractTest {
 *   protected Model model() { return MyModel.load(...); }
 *   protected List<Record> validRecords() { return List.of(Record.of(Map.of("age", 31.0))); }
 * }
 * }</pre>
 *
 * <p>Each test calls {@link #model()} once and closes the model itself. JUnit creates one
 * instance per test method; this class keeps no shared state.
 */
public abstract class ModelContractTest {
  /** Threads the concurrency check predicts from: {@value}. */
  protected static final int THREADS = 4;
  /** Tolerance on probabilities summing to one: {@value}. */
  protected static final double PROBABILITY_SUM_TOLERANCE = 1e-4;

  /** Creates the kit; subclasses are instantiated by JUnit. */
  protected ModelContractTest() {}

  /**
   * Returns a new, open model.
   *
   * @return the model under test; the kit closes it
   */
  protected abstract Model model();

  /**
   * Returns records the model predicts without failing.
   *
   * @return at least one record
   */
  protected abstract List<Record> validRecords();

  @Test
  void namesItselfConsistently() {
    try (Model m = model()) {
      assertThat(m.name()).as("name").isNotBlank();
      assertThat(m.version()).as("version").isNotBlank();
      ModelDescriptor d = m.describe();
      assertThat(d.name()).as("describe().name()").isEqualTo(m.name());
      assertThat(d.version()).as("describe().version()").isEqualTo(m.version());
    }
  }

  @Test
  void predictionsCarryTheVersionAndFitTheDescriptor() {
    try (Model m = model()) {
      ModelDescriptor d = m.describe();
      for (Record r : records()) {
        Prediction p = m.predict(r);
        assertThat(p.modelVersion()).as("modelVersion of the prediction of %s", r).isEqualTo(m.version());
        assertThat(p.latency().isNegative()).as("negative latency %s", p.latency()).isFalse();
        if (d.task() == ModelTask.CLASSIFICATION) {
          assertThat(p.label()).as("label of a classifier's prediction of %s", r).isPresent();
          if (!d.classLabels().isEmpty()) {
            assertThat(d.classLabels()).as("class labels").contains(p.label().get());
            if (!p.probabilities().isEmpty()) {
              assertThat(List.copyOf(p.probabilities().keySet())).as("probability classes, in order")
                  .isEqualTo(d.classLabels());
            }
          }
        }
        if (d.task() == ModelTask.REGRESSION) {
          assertThat(p.score()).as("score of a regressor's prediction of %s", r).isPresent();
        }
        if (!p.probabilities().isEmpty()) {
          double sum = p.probabilities().values().stream().mapToDouble(Double::doubleValue).sum();
          assertThat(sum).as("sum of the probabilities of %s", r).isCloseTo(1.0, within(PROBABILITY_SUM_TOLERANCE));
        }
      }
    }
  }

  @Test
  void predictsTheSameRecordTheSameWayEveryWay() {
    try (Model m = model()) {
      List<Record> records = records();
      List<Answer> single = new ArrayList<>();
      for (Record r : records) {
        single.add(Answer.of(m.predict(r)));
      }
      List<Answer> again = new ArrayList<>();
      List<Answer> asRequests = new ArrayList<>();
      for (Record r : records) {
        again.add(Answer.of(m.predict(r)));
        asRequests.add(Answer.of(m.predict(PredictionRequest.of("contract", r))));
      }
      List<Answer> batch = m.predictBatch(records).stream().map(Answer::of).toList();
      assertThat(again).as("predicting again").isEqualTo(single);
      assertThat(asRequests).as("predicting requests").isEqualTo(single);
      assertThat(batch).as("predictBatch").isEqualTo(single);
    }
  }

  @Test
  void concurrentPredictionsAgreeWithSequentialOnes() throws Exception {
    try (Model m = model()) {
      List<Record> records = records();
      List<Answer> sequential = records.stream().map(r -> Answer.of(m.predict(r))).toList();
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      try {
        List<Future<List<Answer>>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          futures.add(pool.submit(() -> records.stream().map(r -> Answer.of(m.predict(r))).toList()));
        }
        for (Future<List<Answer>> f : futures) {
          assertThat(f.get(1, TimeUnit.MINUTES)).as("answers of one thread").isEqualTo(sequential);
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void closeIsIdempotentAndLaterCallsFailAsClosed() {
    Model m = model();
    Record r = records().get(0);
    m.predict(r);
    m.close();
    m.close();
    failsAsClosed("predict", () -> m.predict(r));
    failsAsClosed("predictBatch", () -> m.predictBatch(List.of(r)));
  }

  private static void failsAsClosed(String call, Runnable afterClose) {
    try {
      afterClose.run();
    } catch (ModelInferenceException e) {
      assertThat(e.kind()).as("kind of the failure of %s after close", call).isEqualTo(FailureKind.CLOSED);
      return;
    }
    throw new AssertionError(call + " after close returned instead of failing with FailureKind.CLOSED");
  }

  private List<Record> records() {
    List<Record> records = validRecords();
    assertThat(records).as("validRecords()").isNotEmpty();
    return records;
  }

  /** The parts of a prediction that must repeat (latency may vary). */
  private record Answer(Object label, Object score, Object probabilities, String version) {
    static Answer of(Prediction p) {
      return new Answer(p.label(), p.score(), p.probabilities(), p.modelVersion());
    }
  }
}
