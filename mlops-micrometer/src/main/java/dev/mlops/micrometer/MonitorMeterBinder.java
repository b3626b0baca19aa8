package dev.mlops.micrometer;

import dev.mlops.FailureKind;
import dev.mlops.core.monitoring.ModelMonitor;
import dev.mlops.monitoring.FeatureDrift;
import dev.mlops.monitoring.FeatureStats;
import dev.mlops.monitoring.MonitorSnapshot;
import dev.mlops.monitoring.WindowSummary;
import dev.mlops.scoping.KeyMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Publishes a {@link ModelMonitor} to a Micrometer {@link MeterRegistry}, in the manner of
 * resilience4j-micrometer: every meter reads the monitor's own counters when the registry asks,
 * so binding adds nothing to the prediction path. Meter names follow the metric vocabulary
 * ({@link KeyMetrics#meterName}, {@code docs/metrics.md}); every meter carries the tags
 * {@code model.name}, {@code model.version} and {@code arm}.
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>Name</th><th>Type</th><th>Extra tags</th></tr>
 *   <tr><td>{@code mlops.predictions}</td><td>function counter</td><td></td></tr>
 *   <tr><td>{@code mlops.errors}</td><td>function counter</td><td>{@code kind}</td></tr>
 *   <tr><td>{@code mlops.latency}</td><td>function timer (count, total)</td><td></td></tr>
 *   <tr><td>{@code mlops.latency}</td><td>time gauge, percentile since start</td>
 *       <td>{@code quantile} 0.5, 0.9, 0.99</td></tr>
 *   <tr><td>{@code mlops.in_flight}</td><td>gauge</td><td></td></tr>
 *   <tr><td>{@code mlops.input.missing}</td><td>function counter</td><td>{@code feature}</td></tr>
 *   <tr><td>{@code mlops.input.out_of_spec}</td><td>function counter</td><td>{@code feature}</td></tr>
 *   <tr><td>{@code mlops.input.unknown_categories}</td><td>function counter</td>
 *       <td>{@code feature}</td></tr>
 *   <tr><td>{@code mlops.input.unknown_features}</td><td>function counter</td><td></td></tr>
 *   <tr><td>{@code mlops.output.class}</td><td>function counter</td><td>{@code class}</td></tr>
 *   <tr><td>{@code mlops.output.null}</td><td>function counter</td><td></td></tr>
 *   <tr><td>{@code mlops.drift.score}</td><td>gauge, last closed window</td>
 *       <td>{@code feature}, {@code detector}</td></tr>
 *   <tr><td>{@code mlops.drift.detected}</td><td>gauge (0/1), last closed window</td>
 *       <td>{@code feature}, {@code detector}</td></tr>
 *   <tr><td>{@code mlops.error.rate}</td><td>gauge, last closed window</td><td></td></tr>
 *   <tr><td>{@code mlops.throughput.qps}</td><td>gauge, last closed window</td><td></td></tr>
 *   <tr><td>{@code mlops.alerts}</td><td>function counter</td><td></td></tr>
 *   <tr><td>{@code mlops.jvm.heap.used}</td><td>gauge, bytes</td><td></td></tr>
 *   <tr><td>{@code mlops.system.load.average}</td><td>gauge</td><td></td></tr>
 * </table>
 *
 * Classes are those the model declares (plus {@code (other)}); a class first seen later is
 * counted by the monitor's snapshot but gets no meter of its own. One scrape reads one snapshot:
 * snapshots are reused for {@link #DEFAULT_REFRESH} so the registry's many meter reads cost one.
 *
 * <p>Thread-safe.
 */
public final class MonitorMeterBinder implements MeterBinder {
  /** Default time a snapshot is reused across meter reads: 100 ms (one scrape). */
  public static final Duration DEFAULT_REFRESH = Duration.ofMillis(100);

  private static final List<Double> QUANTILES = List.of(0.5, 0.9, 0.99);

  private final ModelMonitor monitor;
  private final long refreshNanos;
  private MonitorSnapshot cached;
  private long cachedAt;

  private MonitorMeterBinder(ModelMonitor monitor, Duration refresh) {
    this.monitor = monitor;
    this.refreshNanos = refresh.toNanos();
  }

  /** A binder reusing snapshots for {@link #DEFAULT_REFRESH}. */
  public static MonitorMeterBinder of(ModelMonitor monitor) {
    return of(monitor, DEFAULT_REFRESH);
  }

  /**
   * A binder reusing snapshots for {@code refresh}; {@link Duration#ZERO} reads a fresh snapshot
   * for every meter.
   *
   * @throws IllegalArgumentException if {@code refresh} is negative
   */
  public static MonitorMeterBinder of(ModelMonitor monitor, Duration refresh) {
    Objects.requireNonNull(monitor, "monitor");
    Objects.requireNonNull(refresh, "refresh");
    if (refresh.isNegative()) {
      throw new IllegalArgumentException("refresh must not be negative, was " + refresh);
    }
    return new MonitorMeterBinder(monitor, refresh);
  }

  private synchronized MonitorSnapshot snapshot() {
    long now = System.nanoTime();
    if (cached == null || refreshNanos == 0 || now - cachedAt >= refreshNanos) {
      cached = monitor.snapshot();
      cachedAt = now;
    }
    return cached;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Objects.requireNonNull(registry, "registry");
    Tags tags = Tags.of(Tag.of("model.name", monitor.name()),
        Tag.of("model.version", monitor.version()),
        Tag.of("arm", monitor.config().arm().name().toLowerCase(java.util.Locale.ROOT)));
    counter(registry, "mlops.predictions", tags, "predictions recorded",
        b -> b.snapshot().predictions());
    for (FailureKind kind : FailureKind.values()) {
      counter(registry, "mlops.errors", tags.and(KeyMetrics.TAG_KIND, kind.name()),
          "failed predictions", b -> b.snapshot().errorsByKind().getOrDefault(kind, 0L));
    }
    FunctionTimer.builder(meter(KeyMetrics.LATENCY_P99_MS), this,
            b -> b.snapshot().predictions(),
            b -> b.snapshot().latencyTotalNanos(), TimeUnit.NANOSECONDS)
        .tags(tags).description("caller-measured prediction latency").register(registry);
    for (double q : QUANTILES) {
      TimeGauge.builder(meter(KeyMetrics.LATENCY_P99_MS), this, TimeUnit.MILLISECONDS,
              b -> nanToZero(quantile(b.snapshot(), q)))
          .tags(tags.and("quantile", Double.toString(q)))
          .description("latency percentile since the monitor started").register(registry);
    }
    gauge(registry, "mlops.in_flight", tags, b -> b.snapshot().inFlight());
    for (String feature : monitor.featureNames()) {
      Tags f = tags.and(KeyMetrics.TAG_FEATURE, feature);
      counter(registry, "mlops.input.missing", f, "requests missing the feature",
          b -> stats(b, feature).missing());
      counter(registry, "mlops.input.out_of_spec", f, "values outside the spec",
          b -> stats(b, feature).outOfSpec());
      counter(registry, "mlops.input.unknown_categories", f, "values outside the domain",
          b -> stats(b, feature).unknownCategories());
    }
    counter(registry, "mlops.input.unknown_features", tags,
        "requests with a feature the spec does not know", b -> b.snapshot().unknownFeatures());
    for (String c : monitor.snapshot().classCounts().keySet()) {
      counter(registry, "mlops.output.class", tags.and(KeyMetrics.TAG_CLASS, c),
          "predictions of the class", b -> b.snapshot().classCounts().getOrDefault(c, 0L));
    }
    counter(registry, "mlops.output.null", tags, "predictions without usable output",
        b -> b.snapshot().nullOutputs());
    for (Map.Entry<String, String> e : monitor.driftDetectors().entrySet()) {
      String feature = e.getKey();
      Tags d = tags.and(KeyMetrics.TAG_FEATURE, feature).and("detector", e.getValue());
      gauge(registry, KeyMetrics.meterName(KeyMetrics.DRIFT_SCORE), d,
          b -> drift(b, feature, false));
      gauge(registry, KeyMetrics.meterName(KeyMetrics.DRIFT_DETECTED), d,
          b -> drift(b, feature, true));
    }
    gauge(registry, KeyMetrics.meterName(KeyMetrics.ERROR_RATE), tags,
        b -> lastWindow(b, WindowSummary::errorRate));
    gauge(registry, KeyMetrics.meterName(KeyMetrics.THROUGHPUT_QPS), tags,
        b -> lastWindow(b, WindowSummary::throughputQps));
    counter(registry, "mlops.alerts", tags, "alerts raised", b -> b.snapshot().alerts());
    gauge(registry, "mlops.jvm.heap.used", tags, b -> b.snapshot().heapUsedBytes());
    gauge(registry, "mlops.system.load.average", tags, b -> b.snapshot().systemLoadAverage());
  }

  private static String meter(String metric) {
    return KeyMetrics.meterName(metric);
  }

  private void counter(MeterRegistry registry, String name, Tags tags, String description,
      ToDoubleFunction<MonitorMeterBinder> f) {
    FunctionCounter.builder(name, this, f).tags(tags).description(description)
        .register(registry);
  }

  private void gauge(MeterRegistry registry, String name, Tags tags,
      ToDoubleFunction<MonitorMeterBinder> f) {
    Gauge.builder(name, this, f).tags(tags).strongReference(true).register(registry);
  }

  private static FeatureStats stats(MonitorMeterBinder b, String feature) {
    return b.snapshot().features().get(feature);
  }

  private static double quantile(MonitorSnapshot s, double q) {
    return q == 0.5 ? s.latencyP50Ms() : q == 0.9 ? s.latencyP90Ms() : s.latencyP99Ms();
  }

  private static double nanToZero(double v) {
    return Double.isNaN(v) ? 0 : v;
  }

  private static double drift(MonitorMeterBinder b, String feature, boolean detected) {
    List<WindowSummary> windows = b.snapshot().windows();
    if (windows.isEmpty()) {
      return Double.NaN;
    }
    FeatureDrift d = windows.get(windows.size() - 1).drift().get(feature);
    if (d == null) {
      return Double.NaN;
    }
    return detected ? (d.drifted() ? 1 : 0) : d.score();
  }

  private static double lastWindow(MonitorMeterBinder b, ToDoubleFunction<WindowSummary> f) {
    List<WindowSummary> windows = b.snapshot().windows();
    return windows.isEmpty() ? Double.NaN : f.applyAsDouble(windows.get(windows.size() - 1));
  }
}
