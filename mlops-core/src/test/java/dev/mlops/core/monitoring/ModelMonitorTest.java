package dev.mlops.core.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.FailureKind;
import dev.mlops.ModelInferenceException;
import dev.mlops.data.CategoricalDomain;
import dev.mlops.data.DatasetSpec;
import dev.mlops.data.FeatureSpec;
import dev.mlops.data.FeatureType;
import dev.mlops.data.LengthBounds;
import dev.mlops.data.NumericRange;
import dev.mlops.data.Record;
import dev.mlops.drift.DriftState;
import dev.mlops.events.MonitorEvent;
import dev.mlops.model.Arm;
import dev.mlops.model.Prediction;
import dev.mlops.model.PredictionOutcome;
import dev.mlops.model.PredictionRequest;
import dev.mlops.monitoring.AlertRaised;
import dev.mlops.monitoring.AlertRule;
import dev.mlops.monitoring.MonitorConfig;
import dev.mlops.monitoring.MonitorSnapshot;
import dev.mlops.monitoring.WindowClosed;
import dev.mlops.monitoring.WindowPolicy;
import dev.mlops.monitoring.WindowSummary;
import dev.mlops.scoping.KeyMetrics;
import dev.mlops.testkit.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ModelMonitorTest {
  private final TestClock clock = TestClock.create();

  private static Record x(double value) {
    return Record.of(Map.of("x", value));
  }

  private ModelMonitor monitor(MonitorConfig config) {
    return ModelMonitor.of(new SignModel(), config, clock);
  }

  private static List<MonitorEvent> collect(ModelMonitor monitor) {
    List<MonitorEvent> events = Collections.synchronizedList(new ArrayList<>());
    monitor.events().onEvent(events::add);
    return events;
  }

  private static <T> List<T> only(List<MonitorEvent> events, Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  @Test
  void predictionsAndFailuresPassThroughUnchanged() {
    ModelMonitor monitor = monitor(MonitorConfig.defaults());
    SignModel plain = new SignModel();

    assertThat(monitor.predict(x(2))).isEqualTo(plain.predict(x(2)));
    assertThat(monitor.predict(PredictionRequest.of(x(-1)))).isEqualTo(plain.predict(x(-1)));
    Record missing = Record.of(Collections.singletonMap("x", null));
    assertThatThrownBy(() -> monitor.predict(missing))
        .isInstanceOf(ModelInferenceException.class)
        .hasMessageContaining("feature x is missing");

    MonitorSnapshot s = monitor.snapshot();
    assertThat(s.predictions()).isEqualTo(3);
    assertThat(s.errorsByKind()).containsExactly(Map.entry(FailureKind.INVALID_INPUT, 1L));
    assertThat(s.classCounts()).containsExactly(Map.entry("neg", 1L), Map.entry("pos", 1L));
    assertThat(s.features().get("x").missing()).isEqualTo(1);
    assertThat(s.inFlight()).isZero();
    assertThat(s.modelName()).isEqualTo("sign");
    assertThat(s.arm()).isEqualTo(Arm.PRIMARY);
    monitor.close();
  }

  @Test
  void closingTheMonitorClosesTheModel() {
    SignModel model = new SignModel();
    ModelMonitor monitor = ModelMonitor.of(model, MonitorConfig.defaults(), clock);
    monitor.close();
    assertThat(model.closed()).isTrue();
  }

  @Test
  void countWindowsCloseEveryNPredictions() {
    ModelMonitor monitor = monitor(MonitorConfig.builder().window(WindowPolicy.ofCount(4)).build());
    List<MonitorEvent> events = collect(monitor);
    for (int i = 0; i < 10; i++) {
      monitor.predict(x(i % 2 == 0 ? 1 : -1));
    }
    monitor.close();

    List<WindowSummary> windows = only(events, WindowClosed.class).stream()
        .map(WindowClosed::window).toList();
    assertThat(windows).extracting(WindowSummary::index).containsExactly(0L, 1L);
    assertThat(windows).extracting(WindowSummary::startRow).containsExactly(0L, 4L);
    assertThat(windows).extracting(WindowSummary::endRow).containsExactly(4L, 8L);
    assertThat(windows.get(0).classShare()).containsEntry("pos", 0.5).containsEntry("neg", 0.5);
    assertThat(monitor.snapshot().windows()).hasSize(2);
  }

  @Test
  void closeWindowFlushesAPartialWindowAndNothingWhenEmpty() {
    ModelMonitor monitor = monitor(MonitorConfig.builder().window(WindowPolicy.ofCount(4)).build());
    for (int i = 0; i < 6; i++) {
      monitor.predict(x(1));
    }
    Optional<WindowSummary> last = monitor.closeWindow();
    assertThat(last).get().extracting(WindowSummary::startRow, WindowSummary::endRow,
        WindowSummary::count).containsExactly(4L, 6L, 2L);
    assertThat(monitor.closeWindow()).isEmpty();
    monitor.close();
  }

  @Test
  void windowOfSizeZeroIsRejectedWithItsValue() {
    assertThatThrownBy(() -> WindowPolicy.ofCount(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("window size must be >= 1 prediction, was 0");
    assertThatThrownBy(() -> WindowPolicy.ofDuration(Duration.ZERO))
        .hasMessage("window duration must be positive, was PT0S");
  }

  @Test
  void latencyIsMeasuredWithTheMonotonicClock() {
    ModelMonitor monitor = ModelMonitor.of(new SignModel() {
      @Override
      public Prediction predict(Record record) {
        clock.advance(Duration.ofMillis(20));
        return super.predict(record);
      }
    }, MonitorConfig.builder().window(WindowPolicy.ofCount(5)).build(), clock);
    for (int i = 0; i < 5; i++) {
      monitor.predict(x(1));
    }
    WindowSummary w = monitor.snapshot().windows().get(0);
    // 20 ms falls in the bucket [19.9, 21.0] ms of the log-linear histogram
    assertThat(w.latencyP99Ms()).isBetween(20.0, 20.0 * 1.125);
    assertThat(w.throughputQps()).isCloseTo(5 / 0.1, within(1e-9));
    monitor.close();
  }

  @Test
  void timeWindowsCloseOnTheInjectedClockAndSkipEmptyOnes() {
    ModelMonitor monitor = monitor(MonitorConfig.builder()
        .window(WindowPolicy.ofDuration(Duration.ofMinutes(1))).build());
    monitor.predict(x(1));
    monitor.predict(x(1));
    clock.advance(Duration.ofSeconds(61));
    monitor.predict(x(-1));              // closes window 0 before it is recorded
    clock.advance(Duration.ofMinutes(5));
    monitor.tick();                      // closes window 1; windows 2..5 were empty

    List<WindowSummary> windows = monitor.snapshot().windows();
    assertThat(windows).extracting(WindowSummary::index).containsExactly(0L, 1L);
    assertThat(windows).extracting(WindowSummary::count).containsExactly(2L, 1L);
    assertThat(windows.get(0).end()).isEqualTo(windows.get(0).start().plusSeconds(60));
    assertThat(windows.get(1).start()).isEqualTo(windows.get(0).end());
    monitor.predict(x(1));
    clock.advance(Duration.ofMinutes(1));
    monitor.tick();
    assertThat(monitor.snapshot().windows()).last().extracting(WindowSummary::index)
        .isEqualTo(6L);
    monitor.close();
  }

  @Test
  void inputIsCheckedAgainstTheGivenSpec() {
    DatasetSpec spec = DatasetSpec.builder()
        .feature(FeatureSpec.builder("x", FeatureType.NUMERIC)
            .range(NumericRange.closed(-10, 10)).build())
        .feature(FeatureSpec.builder("color", FeatureType.CATEGORICAL)
            .domain(CategoricalDomain.of(List.of("red", "blue"))).build())
        .feature(FeatureSpec.builder("note", FeatureType.TEXT).optional()
            .length(new LengthBounds(0, 5)).build())
        .build();
    ModelMonitor monitor = monitor(MonitorConfig.builder().inputSpec(spec)
        .window(WindowPolicy.ofCount(5)).build());
    monitor.predict(Record.of(Map.of("x", 1.0, "color", "red", "note", "hi")));
    monitor.predict(Record.of(Map.of("x", 50.0, "color", "green", "note", "far too long")));
    monitor.predict(Record.of(Map.of("x", Double.POSITIVE_INFINITY, "color", "blue")));
    monitor.predict(Record.of(Map.of("x", 2.0, "color", "red", "note", "ok", "extra", 1.0)));
    Map<String, Object> nulls = new HashMap<>();
    nulls.put("x", 3.0);
    nulls.put("color", null);
    monitor.predict(Record.of(nulls));

    WindowSummary w = monitor.snapshot().windows().get(0);
    assertThat(w.missing()).containsExactly(
        Map.entry("x", 0L), Map.entry("color", 1L), Map.entry("note", 2L));
    assertThat(w.outOfSpec()).containsExactly(
        Map.entry("x", 2L), Map.entry("color", 1L), Map.entry("note", 1L));
    assertThat(w.unknownCategories()).containsEntry("color", 1L);
    assertThat(w.unknownFeatures()).isEqualTo(1);
    assertThat(monitor.snapshot().features().get("note").meanTextLength())
        .hasValue((2 + 12 + 2) / 3.0);
    monitor.close();
  }

  @Test
  void specComesFromTheModelWhenNotGiven() {
    ModelMonitor monitor = monitor(MonitorConfig.defaults());
    monitor.predict(x(11));
    assertThat(monitor.featureNames()).containsExactly("x");
    assertThat(monitor.snapshot().features().get("x").outOfSpec()).isEqualTo(1);
    monitor.close();
  }

  @Test
  void nanAndInfiniteScoresAreCountedAsNullOutputsAndStillReturned() {
    ModelMonitor monitor = monitor(MonitorConfig.builder().window(WindowPolicy.ofCount(3)).build());
    Prediction broken = monitor.predict(x(999));
    Prediction infinite = monitor.predict(x(998));
    monitor.predict(x(1));
    assertThat(broken.score().getAsDouble()).isNaN();
    assertThat(infinite.score().getAsDouble()).isInfinite();
    MonitorSnapshot s = monitor.snapshot();
    assertThat(s.nullOutputs()).isEqualTo(2);
    assertThat(s.windows().get(0).nullOutputs()).isEqualTo(2);
    assertThat(s.confidenceHistogram()).containsExactly(0L, 0L, 0L, 0L, 0L, 0L, 0L, 1L, 0L, 0L);
    monitor.close();
  }

  @Test
  void aRecordThatBreaksWhileRecordingIsCountedAndThePredictionUnaffected() {
    Record hostile = new Record() {
      private int reads;

      @Override
      public List<String> featureNames() {
        throw new IllegalStateException("broken record");
      }

      @Override
      public boolean has(String feature) {
        return true;
      }

      @Override
      public Object get(String feature) {
        reads++;
        return 1.0 * reads;
      }
    };
    ModelMonitor monitor = monitor(MonitorConfig.defaults());
    assertThat(monitor.predict(hostile).label()).hasValue("pos");
    assertThat(monitor.recordingFailures()).isEqualTo(1);
    monitor.close();
  }

  @Test
  void streamingDetectorsAreFedAndReportedPerFeature() {
    ModelMonitor monitor = monitor(MonitorConfig.builder()
        .window(WindowPolicy.ofCount(3))
        .detectors(f -> Optional.of(new ThresholdDetector(5)))
        .rule(AlertRule.above("drift", KeyMetrics.DRIFT_DETECTED, 0.5).coolDown(0))
        .build());
    List<MonitorEvent> events = collect(monitor);
    for (double v : new double[] {1, 2, 3, 1, 7, 2}) {
      monitor.predict(x(v));
    }
    monitor.close();
    List<WindowSummary> windows = monitor.snapshot().windows();
    assertThat(windows.get(0).drift().get("x").drifted()).isFalse();
    assertThat(windows.get(1).drift().get("x").detector()).isEqualTo("threshold");
    assertThat(windows.get(1).drift().get("x").drifted()).isTrue();
    assertThat(windows.get(1).drift().get("x").score()).isEqualTo(2.0);
    assertThat(monitor.snapshot().driftStates()).containsEntry("x", DriftState.NONE);
    List<AlertRaised> alerts = only(events, AlertRaised.class);
    assertThat(alerts).singleElement().satisfies(a -> {
      assertThat(a.window()).isEqualTo(1);
      assertThat(a.row()).isEqualTo(5);
      assertThat(a.subject()).hasValue("x");
      assertThat(a.reason()).isEqualTo(
          "drift.detected[x] = 1.00000 is above the threshold 0.5 in window 1 (rows 3 to 5)");
    });
  }

  @Test
  void recordedOutcomesAndLabelsGiveAccuracy() {
    ModelMonitor monitor = monitor(MonitorConfig.builder().window(WindowPolicy.ofCount(4)).build());
    SignModel model = new SignModel();
    double[] xs = {1, 2, -1, -2};
    String[] truth = {"pos", "neg", "neg", "neg"};
    for (int i = 0; i < xs.length; i++) {
      PredictionRequest r = PredictionRequest.of("r" + i, x(xs[i]));
      Prediction p = model.predict(r);
      monitor.record(new PredictionOutcome.Success(r, "sign", "v1", Arm.PRIMARY,
          Duration.ofMillis(3), p), truth[i]);
    }
    WindowSummary w = monitor.snapshot().windows().get(0);
    assertThat(w.labelled()).isEqualTo(4);
    assertThat(w.accuracy()).hasValue(0.75);
    monitor.close();
  }

  @Test
  void aBlockedListenerNeverBlocksPredictionsAndOverflowIsCounted() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    ModelMonitor monitor = monitor(MonitorConfig.builder()
        .window(WindowPolicy.ofCount(1)).eventCapacity(4).build());
    monitor.events().onEvent(e -> {
      try {
        release.await();
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
      }
    });
    for (int i = 0; i < 100; i++) {
      assertThat(monitor.predict(x(1)).label()).hasValue("pos");
    }
    MonitorSnapshot s = monitor.snapshot();
    assertThat(s.predictions()).isEqualTo(100);
    assertThat(s.droppedEvents()).isGreaterThanOrEqualTo(100 - 4 - 1);
    release.countDown();
    monitor.close();
  }

  @Test
  void aThrowingListenerIsIsolated() {
    ModelMonitor monitor = monitor(MonitorConfig.builder().window(WindowPolicy.ofCount(1)).build());
    monitor.events().onEvent(e -> {
      throw new IllegalStateException("listener bug");
    });
    List<MonitorEvent> events = collect(monitor);
    monitor.predict(x(1));
    monitor.predict(x(2));
    monitor.close();
    assertThat(only(events, WindowClosed.class)).hasSize(2);
    assertThat(monitor.events().consumerFailures()).isEqualTo(2);
  }

  @Test
  void classesBeyondTheLimitAreCountedAsOther() {
    ModelMonitor monitor = ModelMonitor.of(new SignModel() {
      @Override
      public Prediction predict(Record record) {
        String label = "c" + (int) record.getDouble("x");
        return Prediction.classification(label, Map.of(label, 1.0), "v1", Duration.ZERO);
      }
    }, MonitorConfig.builder().maxClasses(3).build(), clock);
    for (int i = 0; i < 5; i++) {
      monitor.predict(x(i));
    }
    assertThat(monitor.snapshot().classCounts())
        .containsEntry("neg", 0L).containsEntry("pos", 0L).containsEntry("c0", 1L)
        .containsEntry(MonitorConfig.OTHER_CLASS, 4L).hasSize(4);
    monitor.close();
  }

  @Test
  void anAlertRuleOnAnUnknownMetricIsRejected() {
    MonitorConfig config = MonitorConfig.builder()
        .rule(AlertRule.above("typo", "latency.p42.ms", 1)).build();
    assertThatThrownBy(() -> monitor(config))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("alert rule 'typo' watches 'latency.p42.ms', which a monitor "
            + "does not measure; use one of [latency.p50.ms, latency.p99.ms");
  }
}
