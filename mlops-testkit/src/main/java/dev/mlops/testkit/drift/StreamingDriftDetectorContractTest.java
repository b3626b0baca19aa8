package dev.mlops.testkit.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.drift.DetectorSnapshot;
import dev.mlops.drift.DriftSignal;
import dev.mlops.drift.DriftState;
import dev.mlops.drift.StreamingDriftDetector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * What every {@link StreamingDriftDetector} must do: start empty, count what it sees, agree
 * between {@code add} and {@code update}, forget everything on {@code reset}, survive a snapshot
 * and restore exactly (a restored detector continues as the original would, and taking the
 * snapshot changes nothing), and flag a clear change in a 0/1 error stream within its delay and
 * not before it.
 *
 * <pre>{@code
 * class AdwinContractTest extends StreamingDriftDetectorContractTest {
 *   protected StreamingDriftDetector detector() { return AdwinDetector.defaults(); }
 *   protected StreamingDriftDetector restore(DetectorSnapshot s) { return AdwinDetector.restore(s); }
 * }
 * }</pre>
 *
 * <p>The change stream is 0/1 with an error rate of {@value #RATE_BEFORE} before index
 * {@link #changeIndex()} and {@value #RATE_AFTER} after, seeded ({@value #SEED}); override
 * {@link #changingStream()} for a detector of other values (a feature). JUnit creates one
 * instance per test method; this class keeps no shared state.
 */
public abstract class StreamingDriftDetectorContractTest {
  /** Seed of the default streams: {@value}. */
  protected static final long SEED = 20_260_101L;
  /** Error rate before the change of the default stream: {@value}. */
  protected static final double RATE_BEFORE = 0.1;
  /** Error rate after the change of the default stream: {@value}. */
  protected static final double RATE_AFTER = 0.6;

  /** Creates the kit; subclasses are instantiated by JUnit. */
  protected StreamingDriftDetectorContractTest() {}

  /**
   * Returns a new detector; every call returns one of the same configuration.
   *
   * @return the detector under test
   */
  protected abstract StreamingDriftDetector detector();

  /**
   * Rebuilds a detector from a snapshot, through the implementation's restore entry point.
   *
   * @param snapshot a snapshot of a detector from {@link #detector()}
   * @return the restored detector
   */
  protected abstract StreamingDriftDetector restore(DetectorSnapshot snapshot);

  /** Returns where the default stream changes: {@code 1000}. */
  protected int changeIndex() {
    return 1000;
  }

  /** Returns how many values after the change the detector must flag it within: {@code 300}. */
  protected int maxDetectionDelay() {
    return 300;
  }

  /** Returns the stream with a change at {@link #changeIndex()}; 2000 values by default. */
  protected double[] changingStream() {
    SplittableRandom random = new SplittableRandom(SEED);
    double[] out = new double[2 * changeIndex()];
    for (int i = 0; i < out.length; i++) {
      out[i] = random.nextDouble() < (i < changeIndex() ? RATE_BEFORE : RATE_AFTER) ? 1 : 0;
    }
    return out;
  }

  @Test
  void aNewDetectorHasSeenNothing() {
    StreamingDriftDetector d = detector();
    assertThat(d.name()).as("name").isNotBlank();
    assertThat(d.count()).as("count").isZero();
    assertThat(d.state()).as("state").isEqualTo(DriftState.NONE);
    assertThatThrownBy(d::lastSignal).as("lastSignal before any value")
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void countsAndIndexesEveryValue() {
    StreamingDriftDetector d = detector();
    double[] stream = changingStream();
    for (int i = 0; i < stream.length; i++) {
      DriftSignal s = d.update(stream[i]);
      assertThat(s.index()).as("index of value %d", i).isEqualTo(i);
      assertThat(d.count()).as("count after value %d", i).isEqualTo(i + 1);
      assertThat(d.lastSignal()).as("lastSignal after value %d", i).isEqualTo(s);
      assertThat(d.state()).as("state after value %d", i).isEqualTo(s.state());
    }
  }

  @Test
  void addAndUpdateAgree() {
    StreamingDriftDetector adding = detector();
    StreamingDriftDetector updating = detector();
    double[] stream = changingStream();
    for (int i = 0; i < stream.length; i++) {
      DriftState state = adding.add(stream[i]);
      assertThat(state).as("add's state at %d against update's", i)
          .isEqualTo(updating.update(stream[i]).state());
    }
  }

  @Test
  void resetForgetsEverything() {
    StreamingDriftDetector d = detector();
    double[] stream = changingStream();
    feed(d, stream);
    d.reset();
    assertThat(d.count()).as("count after reset").isZero();
    assertThat(d.state()).as("state after reset").isEqualTo(DriftState.NONE);
    assertThatThrownBy(d::lastSignal).as("lastSignal after reset")
        .isInstanceOf(IllegalStateException.class);
    assertThat(feed(d, stream)).as("signals after reset against a new detector's")
        .isEqualTo(feed(detector(), stream));
  }

  @Test
  void aRestoredDetectorContinuesExactlyAsTheOriginal() {
    double[] stream = changingStream();
    int[] cuts = {1, changeIndex() / 2, changeIndex() + maxDetectionDelay() / 2, stream.length - 1};
    List<DriftSignal> uninterrupted = feed(detector(), stream);
    for (int cut : cuts) {
      StreamingDriftDetector original = detector();
      List<DriftSignal> head = feed(original, Arrays.copyOfRange(stream, 0, cut));
      DetectorSnapshot snapshot = original.snapshot();
      assertThat(snapshot.detectorType()).as("snapshot type").isNotBlank();
      assertThat(snapshot.json()).as("snapshot document").contains(snapshot.detectorType());
      StreamingDriftDetector restored = restore(snapshot);
      assertThat(restored.count()).as("count restored at %d", cut).isEqualTo(cut);
      assertThat(restored.state()).as("state restored at %d", cut).isEqualTo(original.state());
      assertThat(restored.lastSignal()).as("lastSignal restored at %d", cut).isEqualTo(original.lastSignal());
      double[] tail = Arrays.copyOfRange(stream, cut, stream.length);
      List<DriftSignal> fromOriginal = new ArrayList<>(head);
      fromOriginal.addAll(feed(original, tail));
      assertThat(fromOriginal).as("the original after a snapshot at %d", cut).isEqualTo(uninterrupted);
      assertThat(feed(restored, tail)).as("the detector restored at %d", cut)
          .isEqualTo(uninterrupted.subList(cut, stream.length));
    }
  }

  @Test
  void flagsTheChangeWithinItsDelayAndNotBefore() {
    new StreamingDetectorAssert(detector()).fedWith(changingStream())
        .detectsWithin(maxDetectionDelay()).of(changeIndex());
  }

  private static List<DriftSignal> feed(StreamingDriftDetector d, double[] values) {
    List<DriftSignal> out = new ArrayList<>(values.length);
    for (double v : values) {
      out.add(d.update(v));
    }
    return out;
  }
}
