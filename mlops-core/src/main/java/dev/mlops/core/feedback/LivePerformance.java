package dev.mlops.core.feedback;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Realized performance per time window and per model version, updated as soon as each label
 * arrives: register it as the {@link LabelJoin}'s listener. A label that replaces an earlier one
 * takes the earlier one back first, so duplicates never count twice. Windows are fixed-length
 * slices of the requests' receive time, aligned to the epoch.
 *
 * <pre>{@code
 * LivePerformance live = LivePerformance.of(Duration.ofHours(1), Optional.of("yes"));
 * LabelJoin join = new LabelJoin(LabelJoinConfig.defaults(), clock, live);
 * ...
 * live.windows();   // [WindowPerformance[version=3, start=..., labeled=812, metrics={accuracy=0.91, ...}]]
 * }</pre>
 *
 * <p>Thread-safe: updates and reads synchronize on it.
 */
public final class LivePerformance implements LabelJoin.Listener {
  private record Key(String version, long windowIndex) {}

  private final Duration window;
  private final Optional<String> positiveClass;
  private final Map<Key, PerformanceTally> tallies = new TreeMap<>(
      Comparator.comparing(Key::version).thenComparingLong(Key::windowIndex));

  private LivePerformance(Duration window, Optional<String> positiveClass) {
    this.window = window;
    this.positiveClass = positiveClass;
  }

  /**
   * Creates an empty tracker.
   *
   * @param window the window length
   * @param positiveClass the positive class of a binary classifier (empty: the second class of
   *     the model's probabilities)
   * @throws IllegalArgumentException if the window is not positive
   */
  public static LivePerformance of(Duration window, Optional<String> positiveClass) {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(positiveClass, "positiveClass");
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window must be positive, was " + window);
    }
    return new LivePerformance(window, positiveClass);
  }

  @Override
  public synchronized void joined(JoinedPrediction joined, Optional<JoinedPrediction> replaced) {
    replaced.ifPresent(r -> tally(r).remove(r));
    tally(joined).add(joined);
  }

  private PerformanceTally tally(JoinedPrediction p) {
    long index = Math.floorDiv(p.receivedAt().toEpochMilli(), window.toMillis());
    return tallies.computeIfAbsent(new Key(p.modelVersion(), index),
        k -> new PerformanceTally(positiveClass));
  }

  /** Returns every window with labels, by version and then time. */
  public synchronized List<WindowPerformance> windows() {
    List<WindowPerformance> out = new ArrayList<>();
    tallies.forEach((k, t) -> {
      if (t.count() > 0) {
        Instant start = Instant.ofEpochMilli(k.windowIndex() * window.toMillis());
        out.add(new WindowPerformance(k.version(), start, start.plus(window), t.count(), t.metrics()));
      }
    });
    return out;
  }
}
