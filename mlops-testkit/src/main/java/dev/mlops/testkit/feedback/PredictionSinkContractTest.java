package dev.mlops.testkit.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.mlops.FailureKind;
import dev.mlops.feedback.LoggedPrediction;
import dev.mlops.feedback.PredictionSink;
import dev.mlops.model.Arm;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PredictionSink} must do for the prediction logger: nothing it acknowledged
 * (an {@code accept} that returned) is lost — after {@code flush} and after {@code close} the
 * store holds every record, in order, equal to what was given, strings, doubles ({@code -0.0},
 * infinities, the last bit), instants (to the nanosecond), missing values and map order included;
 * a closed sink refuses records with an exception (the logger counts those) instead of dropping
 * them silently; and, when the sink may be shared between loggers, writers on several threads lose
 * nothing.
 *
 * <pre>{@code
 * class KafkaSinkContractTest extends PredictionSinkContractTest {
 *   protected PredictionSink newSink() { return new KafkaSink(producer, topic); }
 *   protected List<LoggedPrediction> readBack() { return consumeAll(topic); }
 * }
 * }</pre>
 *
 * <p>JUnit creates one instance per test method; each test opens one sink with {@link #newSink()}
 * and reads the store with {@link #readBack()}, so both must address a store that is empty when
 * the test starts (a fresh temporary folder, table or topic per instance). The kit closes its sink
 * after each test.
 */
public abstract class PredictionSinkContractTest {
  /** Threads the shared-sink check writes from: {@value}. */
  protected static final int THREADS = 4;
  /** Records each of those threads writes: {@value}. */
  protected static final int RECORDS_PER_THREAD = 250;

  private PredictionSink sink;

  /** Creates the kit; subclasses are instantiated by JUnit. */
  protected PredictionSinkContractTest() {}

  /**
   * Returns a new sink on this test's store, which is empty before the first call.
   *
   * @return the sink under test
   * @throws Exception if it cannot be opened
   */
  protected abstract PredictionSink newSink() throws Exception;

  /**
   * Reads every record the store holds, from the store itself (not from what the sink kept in
   * memory), in the order they were stored.
   *
   * @return the stored records
   * @throws Exception if the store cannot be read
   */
  protected abstract List<LoggedPrediction> readBack() throws Exception;

  /**
   * Returns whether one sink may be shared between loggers, which call it from their own threads;
   * {@code false} by default, as {@link PredictionSink} promises one caller at a time. When
   * {@code true} the kit writes to one sink from {@value #THREADS} threads.
   *
   * @return whether the sink is thread-safe
   */
  protected boolean sharedBetweenLoggers() {
    return false;
  }

  private PredictionSink sink() throws Exception {
    if (sink == null) {
      sink = newSink();
    }
    return sink;
  }

  @AfterEach
  void closeSink() throws Exception {
    if (sink != null) {
      sink.close();
    }
  }

  /** Record {@code i}: a classifier's answer, a regressor's or a failure, with varied inputs. */
  static LoggedPrediction record(String writer, int i) {
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("z_last_inserted_first", (double) i);
    inputs.put("amount", i * 0.1 + 0.2);
    inputs.put("city", i % 3 == 0 ? "İstanbul" : "Oslo");
    inputs.put("vip", i % 2 == 0);
    inputs.put("seen", Instant.ofEpochSecond(1_767_225_600L + i, 123_456_789));
    inputs.put("missing", null);
    Instant at = Instant.parse("2026-01-01T00:00:00Z").plusNanos(1_000_001L * i);
    Duration latency = Duration.ofNanos(1_234_567L + i);
    String id = writer + "-" + i;
    return switch (i % 3) {
      case 0 -> new LoggedPrediction(id, at, "churn", "4", Arm.PRIMARY, inputs, Optional.of(i % 2 == 0 ? "yes" : "no"),
          OptionalDouble.of(0.7 + i * 1e-9), Map.of("yes", 0.7 + i * 1e-9), Optional.empty(), latency);
      case 1 -> new LoggedPrediction(id, at, "churn", "5-rc.1", Arm.CANDIDATE, inputs, Optional.empty(),
          OptionalDouble.of(-1.5e-300 * i), Map.of(), Optional.empty(), latency);
      default -> new LoggedPrediction(id, at, "churn", "4", Arm.SHADOW, inputs, Optional.empty(),
          OptionalDouble.empty(), Map.of(), Optional.of(FailureKind.TIMEOUT), latency);
    };
  }

  /** Values that lossy encodings get wrong: they must come back exactly. */
  static LoggedPrediction tricky() {
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("quote \"\\ /\n\t", "line\nbreak \u0000 \u2028 \"quoted\" \\ é 日本 😀");
    inputs.put("negative_zero", -0.0);
    inputs.put("tiny", Double.MIN_VALUE);
    inputs.put("huge", Double.MAX_VALUE);
    inputs.put("third", 1.0 / 3.0);
    inputs.put("up", Double.POSITIVE_INFINITY);
    inputs.put("down", Double.NEGATIVE_INFINITY);
    inputs.put("before_epoch", Instant.parse("1969-12-31T23:59:59.999999999Z"));
    inputs.put("gone", null);
    Map<String, Double> probabilities = new LinkedHashMap<>();
    probabilities.put("zeta", 0.1 + 0.2);
    probabilities.put("alpha", 1 - (0.1 + 0.2));
    return new LoggedPrediction("req \"1\" ✓", Instant.parse("2026-03-29T01:30:00.000000001Z"), "m/ø", "v 1",
        Arm.CANDIDATE, inputs, Optional.of("zeta"), OptionalDouble.of(0.1 + 0.2), probabilities, Optional.empty(),
        Duration.ofNanos(1));
  }

  @Test
  void aNewStoreIsEmptyAndAnEmptyFlushKeepsItSo() throws Exception {
    sink().flush();
    assertThat(readBack()).as("records in a store nobody wrote to").isEmpty();
  }

  @Test
  void aFlushMakesEveryAcceptedRecordReadableInOrder() throws Exception {
    List<LoggedPrediction> written = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      written.add(record("w", i));
      sink().accept(written.get(i));
    }
    sink().flush();
    assertThat(readBack()).as("records read back after flush").containsExactlyElementsOf(written);
  }

  @Test
  void valuesComeBackExactly() throws Exception {
    LoggedPrediction tricky = tricky();
    sink().accept(tricky);
    sink().flush();
    List<LoggedPrediction> back = readBack();
    assertThat(back).as("records read back").hasSize(1);
    LoggedPrediction read = back.get(0);
    assertThat(read.inputs()).as("inputs, in order").containsExactlyEntriesOf(tricky.inputs());
    assertThat(Double.doubleToRawLongBits((Double) read.inputs().get("negative_zero")))
        .as("bits of -0.0").isEqualTo(Double.doubleToRawLongBits(-0.0));
    assertThat(read.probabilities()).as("probabilities, in order").containsExactlyEntriesOf(tricky.probabilities());
    assertThat(read).as("the whole record").isEqualTo(tricky);
  }

  @Test
  void closeKeepsWhatWasAcceptedWithoutAFlush() throws Exception {
    List<LoggedPrediction> written = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      written.add(record("w", i));
      sink().accept(written.get(i));
    }
    sink().close();
    assertThat(readBack()).as("records read back after close, without flush").containsExactlyElementsOf(written);
  }

  @Test
  void aClosedSinkRefusesRecordsInsteadOfDroppingThem() throws Exception {
    sink().accept(record("w", 0));
    sink().close();
    Throwable refused = catchThrowable(() -> sink().accept(record("w", 1)));
    assertThat(refused).as("accept after close must throw, so that the logger counts the record").isNotNull();
    assertThat(readBack()).as("records read back").containsExactly(record("w", 0));
  }

  @Test
  void closingTwiceIsHarmless() throws Exception {
    sink().accept(record("w", 0));
    sink().close();
    sink().close();
    assertThat(readBack()).as("records read back after a second close").containsExactly(record("w", 0));
  }

  @Test
  void aSharedSinkLosesNothingFromConcurrentWriters() throws Exception {
    assumeThat(sharedBetweenLoggers()).as("the sink may be shared between loggers").isTrue();
    PredictionSink shared = sink();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> writers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        String writer = "t" + t;
        writers.add(pool.submit(() -> {
          for (int i = 0; i < RECORDS_PER_THREAD; i++) {
            shared.accept(record(writer, i));
          }
          return null;
        }));
      }
      for (Future<?> w : writers) {
        w.get(1, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    shared.flush();
    List<LoggedPrediction> back = readBack();
    assertThat(back).as("records from %d threads", THREADS).hasSize(THREADS * RECORDS_PER_THREAD);
    for (int t = 0; t < THREADS; t++) {
      String prefix = "t" + t + "-";
      List<LoggedPrediction> expected = new ArrayList<>();
      for (int i = 0; i < RECORDS_PER_THREAD; i++) {
        expected.add(record("t" + t, i));
      }
      assertThat(back.stream().filter(r -> r.requestId().startsWith(prefix)).toList())
          .as("thread %d's records, in its order", t).containsExactlyElementsOf(expected);
    }
  }
}
