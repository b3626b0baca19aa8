package dev.mlops.core.monitoring;

import dev.mlops.FailureKind;
import dev.mlops.ModelInferenceException;
import dev.mlops.core.events.EventDispatcher;
import dev.mlops.core.events.EventDispatchers;
import dev.mlops.data.DatasetSpec;
import dev.mlops.data.FeatureSpec;
import dev.mlops.data.Record;
import dev.mlops.drift.DriftState;
import dev.mlops.events.EventPublisher;
import dev.mlops.events.MonitorEvent;
import dev.mlops.model.Model;
import dev.mlops.model.ModelDescriptor;
import dev.mlops.model.Prediction;
import dev.mlops.model.PredictionOutcome;
import dev.mlops.model.PredictionRequest;
import dev.mlops.monitoring.AlertRaised;
import dev.mlops.monitoring.FeatureProfile;
import dev.mlops.monitoring.FeatureStats;
import dev.mlops.monitoring.MonitorConfig;
import dev.mlops.monitoring.MonitorSnapshot;
import dev.mlops.monitoring.WindowClosed;
import dev.mlops.monitoring.WindowSummary;
import dev.mlops.time.MlopsClock;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A {@link Model} that watches every prediction of the model it wraps: latency (measured around
 * the call with the clock's monotonic time), throughput, in-flight calls, failures by kind; each
 * input feature against the spec (missing, out of spec, unknown categories, text length) and
 * against the reference profile or a streaming drift detector; the output (null or NaN outputs,
 * class mix, confidence). Traffic is cut into windows; each closed window is published as a
 * {@link WindowClosed} event and checked by the alert rules, which publish {@link AlertRaised}.
 *
 * <pre>{@code
 * ModelMonitor monitor = ModelMonitor.of(model, config, MlopsClock.system());
 * monitor.events().onEvent(AlertRaised.class, alert -> pager.send(alert.reason()));
 * Prediction p = monitor.predict(request);     // exactly what the model returns or throws
 * MonitorSnapshot now = monitor.snapshot();
 * }</pre>
 *
 * <p>The model's answers are never changed: a prediction or exception passes through as the
 * model gave it. Recording never throws into the caller (a failure while recording is counted in
 * {@link #recordingFailures()}) and never waits on a listener: events go through a bounded queue
 * to one daemon thread, and a full queue drops the event and counts it. The caller whose
 * prediction closes a window computes that window's summary (a few microseconds per feature).
 *
 * <p>Memory is fixed when the monitor is built and does not grow with traffic: per feature six
 * counters, one counter per reference bin and the detector's own bounded state; a 496-bucket
 * latency histogram; at most {@link MonitorConfig#maxClasses()} class counters; the last
 * {@link MonitorConfig#windowHistory()} window summaries.
 *
 * <p>Thread-safe: counters are {@link LongAdder}s and atomic arrays, each streaming detector is
 * updated under its own lock, windows close under one lock. Under concurrent traffic a prediction
 * recorded while its window closes may be counted in a neighbouring window; window
 * boundaries (every {@code count} predictions) and totals are exact.
 */
public final class ModelMonitor implements Model {
  private static final int CONFIDENCE_BINS = 10;

  private final Model model;
  private final MonitorConfig config;
  private final MlopsClock clock;
  private final String source;
  private final List<FeatureWatch> features;
  private final FeatureWatch[] featureArray;
  private final boolean checksInput;
  private final LatencyHistogram latency = new LatencyHistogram();
  private final LongAdder latencyNanos = new LongAdder();
  private final LongAdder[] errors = adders(FailureKind.values().length);
  private final LongAdder[] confidence = adders(CONFIDENCE_BINS);
  private final LongAdder inFlight = new LongAdder();
  private final LongAdder nullOutputs = new LongAdder();
  private final LongAdder unknownFeatures = new LongAdder();
  private final LongAdder labelled = new LongAdder();
  private final LongAdder correct = new LongAdder();
  private final LongAdder recordingFailures = new LongAdder();
  private final LongAdder alerts = new LongAdder();
  private final Map<String, LongAdder> classes = new ConcurrentHashMap<>();
  private final List<String> classOrder = new ArrayList<>();
  private final AtomicLong rows = new AtomicLong();
  private final EventDispatcher<MonitorEvent> events;

  private final Object windowLock = new Object();
  private final AlertEngine alertEngine;
  private final ArrayDeque<WindowSummary> history = new ArrayDeque<>();
  private final long windowCount;
  private final long windowMillis;
  private volatile long windowEndMillis;
  private Readings windowStart;
  private long windowIndex;

  private ModelMonitor(Model model, MonitorConfig config, MlopsClock clock) {
    this.model = model;
    this.config = config;
    this.clock = clock;
    ModelDescriptor d = model.describe();
    this.source = config.name().orElse(model.name() + ".monitor");
    Optional<DatasetSpec> spec = config.inputSpec().or(d::inputSpec);
    this.checksInput = spec.isPresent();
    List<FeatureWatch> watches = new ArrayList<>();
    for (FeatureSpec f : spec.map(DatasetSpec::features).orElse(List.of())) {
      Optional<FeatureProfile> profile = config.reference().flatMap(r -> r.feature(f.name()));
      watches.add(new FeatureWatch(f, profile,
          f.type().isNumeric() ? config.detectors().create(f) : Optional.empty()));
    }
    this.features = List.copyOf(watches);
    this.featureArray = watches.toArray(new FeatureWatch[0]);
    for (String label : d.classLabels()) {
      if (classOrder.size() < config.maxClasses()) {
        classOrder.add(label);
        classes.put(label, new LongAdder());
      }
    }
    this.alertEngine = new AlertEngine(config.rules());
    this.events = EventDispatchers.asynchronous(source, clock, config.eventCapacity());
    this.windowCount = config.window().count();
    this.windowMillis = config.window().duration().map(java.time.Duration::toMillis).orElse(0L);
    this.windowStart = read();
    this.windowEndMillis = config.window().byTime()
        ? windowStart.time().toEpochMilli() + windowMillis : Long.MAX_VALUE;
  }

  /**
   * Wraps a model in a monitor.
   *
   * @param model the model to watch; the monitor closes it when closed
   * @param config the settings
   * @param clock measures latency (monotonic) and stamps windows and events (wall)
   * @throws IllegalArgumentException if an alert rule watches a metric a monitor does not measure
   *     or a time window is shorter than a millisecond
   */
  public static ModelMonitor of(Model model, MonitorConfig config, MlopsClock clock) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(clock, "clock");
    if (config.window().byTime() && config.window().duration().get().toMillis() < 1) {
      throw new IllegalArgumentException("window duration must be at least 1 ms, was "
          + config.window().duration().get());
    }
    return new ModelMonitor(model, config, clock);
  }

  /** Wraps a model with the default settings and the system clock. */
  public static ModelMonitor of(Model model) {
    return of(model, MonitorConfig.defaults(), MlopsClock.system());
  }

  private static LongAdder[] adders(int n) {
    LongAdder[] out = new LongAdder[n];
    for (int i = 0; i < n; i++) {
      out[i] = new LongAdder();
    }
    return out;
  }

  @Override
  public String name() {
    return model.name();
  }

  @Override
  public String version() {
    return model.version();
  }

  @Override
  public ModelDescriptor describe() {
    return model.describe();
  }

  /** Returns the monitor's name, the source of its events. */
  public String source() {
    return source;
  }

  /** Returns the settings. */
  public MonitorConfig config() {
    return config;
  }

  /**
   * Returns where the monitor publishes {@link WindowClosed} and {@link AlertRaised} events;
   * consumers run on the monitor's own daemon thread, in order.
   */
  public EventPublisher<MonitorEvent> events() {
    return events;
  }

  /** Predicts with the wrapped model and records the call; returns or throws what the model did. */
  @Override
  public Prediction predict(Record record) {
    Objects.requireNonNull(record, "record");
    inFlight.increment();
    long start = clock.monotonicTime();
    Prediction p;
    try {
      p = model.predict(record);
    } catch (RuntimeException e) {
      inFlight.decrement();
      recordSafely(record, null, kindOf(e), clock.monotonicTime() - start, null);
      throw e;
    }
    inFlight.decrement();
    recordSafely(record, p, null, clock.monotonicTime() - start, null);
    return p;
  }

  /** Predicts the request with the wrapped model and records the call, as {@link #predict(Record)}. */
  @Override
  public Prediction predict(PredictionRequest request) {
    Objects.requireNonNull(request, "request");
    inFlight.increment();
    long start = clock.monotonicTime();
    Prediction p;
    try {
      p = model.predict(request);
    } catch (RuntimeException e) {
      inFlight.decrement();
      recordSafely(request.features(), null, kindOf(e), clock.monotonicTime() - start, null);
      throw e;
    }
    inFlight.decrement();
    recordSafely(request.features(), p, null, clock.monotonicTime() - start, null);
    return p;
  }

  /**
   * Records an outcome measured elsewhere (a deployment or a batching front that called the model
   * itself), with its caller-measured latency. Never throws for a well-formed outcome.
   */
  public void record(PredictionOutcome outcome) {
    Objects.requireNonNull(outcome, "outcome");
    recordOutcome(outcome, null);
  }

  /**
   * Records an outcome together with the true label, for accuracy per window (a replay of
   * labelled traffic). Never throws for a well-formed outcome.
   *
   * @param outcome the outcome
   * @param actualLabel the true class
   */
  public void record(PredictionOutcome outcome, String actualLabel) {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(actualLabel, "actualLabel");
    recordOutcome(outcome, actualLabel);
  }

  private void recordOutcome(PredictionOutcome outcome, String actualLabel) {
    FailureKind kind = outcome instanceof PredictionOutcome.Failure f ? f.kind() : null;
    recordSafely(outcome.request().features(), outcome.prediction().orElse(null), kind,
        outcome.latency().toNanos(), actualLabel);
  }

  private static FailureKind kindOf(RuntimeException e) {
    if (e instanceof ModelInferenceException m) {
      return m.kind();
    }
    return e instanceof IllegalArgumentException ? FailureKind.INVALID_INPUT : FailureKind.ENGINE;
  }

  private void recordSafely(
      Record input, Prediction p, FailureKind failure, long nanos, String actualLabel) {
    try {
      observe(input, p, failure, nanos, actualLabel);
    } catch (RuntimeException | StackOverflowError e) {
      // a broken record or detector must never reach the caller; it is counted instead
      recordingFailures.increment();
    }
  }

  private void observe(
      Record input, Prediction p, FailureKind failure, long nanos, String actualLabel) {
    if (windowEndMillis != Long.MAX_VALUE && clock.wallTime() >= windowEndMillis) {
      tick();
    }
    latency.record(nanos);
    latencyNanos.add(nanos);
    if (checksInput) {
      int present = 0;
      for (FeatureWatch w : featureArray) {
        if (w.observe(input)) {
          present++;
        }
      }
      if (input.featureNames().size() > present) {
        unknownFeatures.increment();
      }
    }
    if (failure != null) {
      errors[failure.ordinal()].increment();
    } else {
      observeOutput(p, actualLabel);
    }
    long row = rows.incrementAndGet();
    if (windowEndMillis == Long.MAX_VALUE && row % windowCount == 0) {
      closeCountWindow(row);
    }
  }

  private void observeOutput(Prediction p, String actualLabel) {
    Optional<String> label = p.label();
    OptionalDouble score = p.score();
    boolean finiteScore = score.isEmpty() || Double.isFinite(score.getAsDouble());
    if ((label.isEmpty() && score.isEmpty()) || !finiteScore) {
      nullOutputs.increment();
    }
    if (label.isPresent()) {
      classCounter(label.get()).increment();
    }
    double top = topProbability(p.probabilities());
    if (top >= 0 && top <= 1) {
      confidence[Math.min(CONFIDENCE_BINS - 1, (int) (top * CONFIDENCE_BINS))].increment();
    }
    if (actualLabel != null) {
      labelled.increment();
      if (label.isPresent() && label.get().equals(actualLabel)) {
        correct.increment();
      }
    }
  }

  /** {@link Prediction#confidence()} without its OptionalDouble: NaN when there is none. */
  private static double topProbability(Map<String, Double> probabilities) {
    double top = Double.NaN;
    for (Double v : probabilities.values()) {
      if (v != null && !v.isNaN() && !(top >= v)) {
        top = v;
      }
    }
    return top;
  }

  private LongAdder classCounter(String label) {
    LongAdder a = classes.get(label);
    return a != null ? a : addClass(label);
  }

  private synchronized LongAdder addClass(String label) {
    LongAdder a = classes.get(label);
    if (a != null) {
      return a;
    }
    String key = classOrder.size() < config.maxClasses() ? label : MonitorConfig.OTHER_CLASS;
    return classes.computeIfAbsent(key, k -> {
      classOrder.add(k);
      return new LongAdder();
    });
  }

  /**
   * Closes the time windows that have ended by the clock's wall time; call it from a timer when
   * traffic may stop, so a quiet window still closes. Empty windows are skipped (their indices are
   * counted, but no event is published for them). Does nothing for count windows.
   */
  public void tick() {
    if (windowEndMillis == Long.MAX_VALUE) {
      return;
    }
    synchronized (windowLock) {
      long now = clock.wallTime();
      if (now < windowEndMillis) {
        return;
      }
      Readings r = read();
      Instant end = Instant.ofEpochMilli(windowEndMillis);
      if (r.rows() > windowStart.rows()) {
        close(r, windowStart.rows(), r.rows(), end);
      } else {
        windowIndex++;
      }
      long skipped = (now - windowEndMillis) / windowMillis;
      windowIndex += skipped;
      long next = windowEndMillis + (skipped + 1) * windowMillis;
      windowStart = new Readings(Instant.ofEpochMilli(next - windowMillis), r.rows(), r.errors(),
          r.nullOutputs(), r.unknownFeatures(), r.labelled(), r.correct(), r.latency(),
          r.classes(), r.featureTotals(), r.featureBins());
      windowEndMillis = next;
    }
  }

  private void closeCountWindow(long row) {
    synchronized (windowLock) {
      // windows close in row order even when a later boundary's thread gets the lock first
      while (windowStart.rows() + windowCount <= row) {
        Readings r = read();
        long end = windowStart.rows() + windowCount;
        close(r, windowStart.rows(), end, r.time());
        windowStart = withRows(r, end);
      }
    }
  }

  /**
   * Closes the current window now, even if it is not full or its time has not come (the end of
   * a replay, a shutdown); does nothing when it holds no prediction.
   *
   * @return the closed window, or empty when there was nothing to close
   */
  public Optional<WindowSummary> closeWindow() {
    synchronized (windowLock) {
      Readings r = read();
      if (r.rows() <= windowStart.rows()) {
        return Optional.empty();
      }
      WindowSummary w = close(r, windowStart.rows(), r.rows(), r.time());
      windowStart = r;
      return Optional.of(w);
    }
  }

  private static Readings withRows(Readings r, long rows) {
    return new Readings(r.time(), rows, r.errors(), r.nullOutputs(), r.unknownFeatures(),
        r.labelled(), r.correct(), r.latency(), r.classes(), r.featureTotals(), r.featureBins());
  }

  private WindowSummary close(Readings now, long startRow, long endRow, Instant end) {
    WindowSummary w = WindowAccounting.between(windowStart, now, windowIndex++, startRow, endRow,
        windowStart.time(), end, features, config.psiThreshold());
    history.addLast(w);
    while (history.size() > config.windowHistory()) {
      history.removeFirst();
    }
    Instant time = clock.instant();
    events.publish(new WindowClosed(time, source, w));
    for (AlertRaised a : alertEngine.evaluate(w, time, source)) {
      alerts.increment();
      events.publish(a);
    }
    return w;
  }

  private Readings read() {
    long[] errorCounts = new long[errors.length];
    for (int i = 0; i < errors.length; i++) {
      errorCounts[i] = errors[i].sum();
    }
    long[][] totals = new long[featureArray.length][];
    long[][] bins = new long[featureArray.length][];
    for (int f = 0; f < featureArray.length; f++) {
      totals[f] = featureArray[f].totals();
      bins[f] = featureArray[f].bins();
    }
    return new Readings(clock.instant(), rows.get(), errorCounts, nullOutputs.sum(),
        unknownFeatures.sum(), labelled.sum(), correct.sum(), latency.counts(), classCounts(),
        totals, bins);
  }

  private synchronized Map<String, Long> classCounts() {
    Map<String, Long> out = new LinkedHashMap<>();
    for (String c : classOrder) {
      out.put(c, classes.get(c).sum());
    }
    return out;
  }

  /** Returns how many recordings failed inside the monitor (the prediction was unaffected). */
  public long recordingFailures() {
    return recordingFailures.sum();
  }

  /** Returns the monitor's state now: totals, JVM load, detector states and recent windows. */
  public MonitorSnapshot snapshot() {
    Readings r = read();
    Map<FailureKind, Long> byKind = new EnumMap<>(FailureKind.class);
    for (FailureKind k : FailureKind.values()) {
      if (r.errors()[k.ordinal()] > 0) {
        byKind.put(k, r.errors()[k.ordinal()]);
      }
    }
    Map<String, FeatureStats> stats = new LinkedHashMap<>();
    Map<String, DriftState> states = new LinkedHashMap<>();
    for (FeatureWatch w : features) {
      stats.put(w.name(), w.stats());
      w.detectorState().ifPresent(s -> states.put(w.name(), s));
    }
    List<Long> conf = new ArrayList<>();
    for (LongAdder a : confidence) {
      conf.add(a.sum());
    }
    List<WindowSummary> recent;
    synchronized (windowLock) {
      recent = List.copyOf(history);
    }
    return new MonitorSnapshot(model.name(), model.version(), config.arm(), r.time(), r.rows(),
        inFlight.sum(), byKind, latencyNanos.sum(),
        LatencyHistogram.quantileMillis(r.latency(), 0.50),
        LatencyHistogram.quantileMillis(r.latency(), 0.90),
        LatencyHistogram.quantileMillis(r.latency(), 0.99),
        stats, r.unknownFeatures(), r.classes(), r.nullOutputs(), conf, states,
        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        recent, alerts.sum(), events.droppedEvents());
  }

  /**
   * Returns, per feature with a drift verdict, what judges it: {@code "psi"} when the reference
   * profiles it, else its streaming detector's name; in spec order.
   */
  public Map<String, String> driftDetectors() {
    Map<String, String> out = new LinkedHashMap<>();
    for (FeatureWatch w : features) {
      w.judge().ifPresent(j -> out.put(w.name(), j));
    }
    return out;
  }

  /** Returns the names of the features checked against the spec, in spec order. */
  public List<String> featureNames() {
    return features.stream().map(FeatureWatch::name).toList();
  }

  /**
   * Stops the event thread after delivering what is queued, then closes the wrapped model.
   * Idempotent.
   */
  @Override
  public void close() {
    events.close();
    model.close();
  }
}
