package dev.mlops.testkit.drift;

import dev.mlops.drift.DriftSignal;
import dev.mlops.drift.DriftState;
import dev.mlops.drift.StreamingDriftDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on what a {@link StreamingDriftDetector} flags on a stream; start with
 * {@link dev.mlops.testkit.MlopsAssertions#assertThat(StreamingDriftDetector)}:
 *
 * <pre>{@code
 * DriftScenario s = DriftScenario.builder(7).covariateShift("x1", 2.0).build();
 * assertThat(detector).fedWith(s.stream("x1"))
 *     .detectsWithin(100).of(s.truth().changeIndex());
 * assertThat(otherDetector).fedWith(control.stream("x1")).neverDrifts();
 * }</pre>
 *
 * <p>{@link #fedWith} feeds the stream through {@link StreamingDriftDetector#update} once and
 * keeps every signal; the checks read them. Indices count from the detector's state when fed
 * (a fresh detector: the stream's own indices). Not thread-safe.
 */
public final class StreamingDetectorAssert
    extends AbstractAssert<StreamingDetectorAssert, StreamingDriftDetector> {
  private final List<DriftSignal> signals = new ArrayList<>();
  private boolean fed;

  /** Creates assertions on {@code actual}. */
  public StreamingDetectorAssert(StreamingDriftDetector actual) {
    super(actual, StreamingDetectorAssert.class);
  }

  /** Feeds {@code stream} to the detector, keeping each signal. */
  public StreamingDetectorAssert fedWith(double... stream) {
    isNotNull();
    Objects.requireNonNull(stream, "stream");
    for (double v : stream) {
      signals.add(actual.update(v));
    }
    fed = true;
    return this;
  }

  /** Returns the signals seen so far, one per value fed. */
  public List<DriftSignal> signals() {
    return List.copyOf(signals);
  }

  /** Verifies that no value raised {@link DriftState#DRIFT}. */
  public StreamingDetectorAssert neverDrifts() {
    requireFed();
    OptionalLong first = firstDrift(0);
    if (first.isPresent()) {
      failWithMessage("Expected detector '%s' never to drift on %d values but it drifted at index %d (%s)",
          actual.name(), signals.size(), first.getAsLong(), signalAt(first.getAsLong()));
    }
    return this;
  }

  /** Verifies that no value before {@code index} raised {@link DriftState#DRIFT}. */
  public StreamingDetectorAssert hasNoDriftBefore(long index) {
    requireFed();
    OptionalLong first = firstDrift(0);
    if (first.isPresent() && first.getAsLong() < index) {
      failWithMessage("Expected detector '%s' not to drift before index %d but it drifted at %d (%s): a false alarm",
          actual.name(), index, first.getAsLong(), signalAt(first.getAsLong()));
    }
    return this;
  }

  /**
   * Starts a check that the detector flags a change within {@code delay} values; finish it with
   * {@link Detection#of(long)}.
   *
   * @throws IllegalArgumentException if {@code delay} is negative
   */
  public Detection detectsWithin(long delay) {
    if (delay < 0) {
      throw new IllegalArgumentException("delay must be >= 0, was " + delay);
    }
    return new Detection(delay);
  }

  /** The second half of {@link #detectsWithin(long)}. Not thread-safe. */
  public final class Detection {
    private final long delay;

    private Detection(long delay) {
      this.delay = delay;
    }

    /**
     * Verifies that the first {@link DriftState#DRIFT} is at an index in {@code [changeIndex,
     * changeIndex + delay]}: no false alarm before the change, no miss after it.
     */
    public StreamingDetectorAssert of(long changeIndex) {
      hasNoDriftBefore(changeIndex);
      OptionalLong first = firstDrift(changeIndex);
      if (first.isEmpty() || first.getAsLong() > changeIndex + delay) {
        failWithMessage("Expected detector '%s' to drift within %d values of index %d but it %s",
            actual.name(), delay, changeIndex,
            first.isEmpty() ? "never drifted in " + signals.size() + " values"
                : "first drifted at " + first.getAsLong() + ", " + (first.getAsLong() - changeIndex)
                    + " values after the change (" + signalAt(first.getAsLong()) + ")");
      }
      return StreamingDetectorAssert.this;
    }
  }

  private void requireFed() {
    isNotNull();
    if (!fed) {
      failWithMessage("Feed the detector first: assertThat(detector).fedWith(stream)");
    }
  }

  private OptionalLong firstDrift(long from) {
    for (DriftSignal s : signals) {
      if (s.index() >= from && s.state() == DriftState.DRIFT) {
        return OptionalLong.of(s.index());
      }
    }
    return OptionalLong.empty();
  }

  private DriftSignal signalAt(long index) {
    return signals.stream().filter(s -> s.index() == index).findFirst().orElseThrow();
  }
}
