package dev.mlops.core.drift.streaming;

import dev.mlops.core.events.EventDispatcher;
import dev.mlops.core.events.EventDispatchers;
import dev.mlops.drift.DetectorReset;
import dev.mlops.drift.DetectorSnapshot;
import dev.mlops.drift.DriftFlagged;
import dev.mlops.drift.DriftSignal;
import dev.mlops.drift.DriftState;
import dev.mlops.drift.StreamingDriftDetector;
import dev.mlops.drift.WarningEntered;
import dev.mlops.events.DriftEvent;
import dev.mlops.events.EventPublisher;
import dev.mlops.time.MlopsClock;
import java.util.Objects;

/**
 * Wraps a streaming detector so that it announces what it concludes: a {@link DriftFlagged} for
 * every drift, a {@link WarningEntered} when a warning zone begins, a {@link DetectorReset} on
 * {@link #reset()}. Values that change nothing publish nothing, so {@link #add(double)} stays
 * allocation-free between events.
 *
 * <pre>{@code
 * PublishingDetector errors = PublishingDetector.synchronous(new AdwinDetector(),
 *     "checkout-model.errors", MlopsClock.system());
 * errors.events().onEvent(DriftFlagged.class, e -> retrainer.schedule(e.signal().changeStart()));
 * }</pre>
 *
 * <p>Not thread-safe, like the detector it wraps (see {@link StreamingDriftDetector}); its
 * {@link #events()} publisher is.
 */
public final class PublishingDetector implements StreamingDriftDetector {
  private final StreamingDriftDetector delegate;
  private final String source;
  private final MlopsClock clock;
  private final EventDispatcher<DriftEvent> dispatcher;

  /**
   * Wraps {@code delegate}, publishing into {@code dispatcher}.
   *
   * @param delegate the detector
   * @param source the name events carry, e.g. {@code "checkout-model.errors"}
   * @param clock where event times come from
   * @param dispatcher where events go (synchronous or asynchronous, see {@link EventDispatchers})
   */
  public PublishingDetector(StreamingDriftDetector delegate, String source, MlopsClock clock,
      EventDispatcher<DriftEvent> dispatcher) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.source = Objects.requireNonNull(source, "source");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
  }

  /** Wraps {@code delegate}, delivering events on the thread that feeds the detector. */
  public static PublishingDetector synchronous(StreamingDriftDetector delegate, String source,
      MlopsClock clock) {
    return new PublishingDetector(delegate, source, clock,
        EventDispatchers.synchronous(source, clock));
  }

  /** Returns where this detector's events can be consumed. */
  public EventPublisher<DriftEvent> events() {
    return dispatcher;
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public DriftState add(double value) {
    DriftState before = delegate.state();
    DriftState after = delegate.add(value);
    if (after == DriftState.DRIFT) {
      dispatcher.publish(new DriftFlagged(clock.instant(), source, delegate.lastSignal()));
    } else if (after == DriftState.WARNING && before != DriftState.WARNING) {
      dispatcher.publish(new WarningEntered(clock.instant(), source, delegate.lastSignal()));
    }
    return after;
  }

  @Override
  public DriftSignal lastSignal() {
    return delegate.lastSignal();
  }

  @Override
  public DriftState state() {
    return delegate.state();
  }

  @Override
  public long count() {
    return delegate.count();
  }

  @Override
  public void reset() {
    long seen = delegate.count();
    delegate.reset();
    dispatcher.publish(new DetectorReset(clock.instant(), source, seen));
  }

  @Override
  public DetectorSnapshot snapshot() {
    return delegate.snapshot();
  }
}
