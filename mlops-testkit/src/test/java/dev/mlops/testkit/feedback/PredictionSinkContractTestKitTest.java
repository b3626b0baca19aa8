package dev.mlops.testkit.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.feedback.LoggedPrediction;
import dev.mlops.feedback.PredictionSink;
import dev.mlops.testkit.KitRunner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sink kit fails a sink that loses unflushed records and one that rounds doubles. */
class PredictionSinkContractTestKitTest {

  /** Buffers until flush; close throws the buffer away; a closed sink ignores records silently. */
  static final class ForgetfulKit extends PredictionSinkContractTest {
    private final List<LoggedPrediction> store = new ArrayList<>();

    @Override
    protected PredictionSink newSink() {
      return new PredictionSink() {
        private final List<LoggedPrediction> buffer = new ArrayList<>();
        private boolean closed;

        @Override
        public void accept(LoggedPrediction record) {
          if (!closed) {
            buffer.add(record);
          }
        }

        @Override
        public void flush() {
          store.addAll(buffer);
          buffer.clear();
        }

        @Override
        public void close() {
          closed = true;
        }
      };
    }

    @Override
    protected List<LoggedPrediction> readBack() {
      return List.copyOf(store);
    }
  }

  /** Stores doubles as floats, as a careless schema would. */
  static final class FloatKit extends PredictionSinkContractTest {
    private final List<LoggedPrediction> store = new ArrayList<>();

    @Override
    protected PredictionSink newSink() {
      return record -> {
        Map<String, Object> inputs = new LinkedHashMap<>();
        record.inputs().forEach((k, v) -> inputs.put(k, v instanceof Double d ? (double) d.floatValue() : v));
        store.add(new LoggedPrediction(record.requestId(), record.receivedAt(), record.modelName(),
            record.modelVersion(), record.arm(), inputs, record.label(), record.score(), record.probabilities(),
            record.failure(), record.latency()));
      };
    }

    @Override
    protected List<LoggedPrediction> readBack() {
      return List.copyOf(store);
    }
  }

  @Test
  void failsASinkThatLosesWhatItAcknowledged() {
    KitRunner.Result result = KitRunner.run(ForgetfulKit.class);
    assertThat(result.failures()).hasSize(3).anySatisfy(f -> assertThat(f)
        .startsWith("closeKeepsWhatWasAcceptedWithoutAFlush()").contains("records read back after close, without flush"));
    assertThat(result.failures()).anySatisfy(f -> assertThat(f)
        .startsWith("aClosedSinkRefusesRecordsInsteadOfDroppingThem()").contains("accept after close must throw"));
    assertThat(result.failures()).anySatisfy(f -> assertThat(f).startsWith("closingTwiceIsHarmless()"));
    assertThat(result.succeeded()).isEqualTo(3);
  }

  @Test
  void failsASinkThatRoundsDoubles() {
    KitRunner.Result result = KitRunner.run(FloatKit.class);
    assertThat(result.failures()).anySatisfy(f -> assertThat(f)
        .startsWith("valuesComeBackExactly()").contains("inputs, in order"));
    assertThat(result.failures()).anySatisfy(f -> assertThat(f)
        .startsWith("aFlushMakesEveryAcceptedRecordReadableInOrder()").contains("records read back after flush"));
  }
}
