package dev.mlops.testkit.deployment;

import dev.mlops.ModelInferenceException;
import dev.mlops.deployment.DeploymentStrategy;
import dev.mlops.model.Arm;
import dev.mlops.model.Model;
import dev.mlops.model.PredictionOutcome;
import dev.mlops.model.PredictionRequest;
import dev.mlops.time.MlopsClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A scripted {@link DeploymentStrategy}: chosen routing keys go to a chosen arm, a share of the
 * other keys goes to the candidate by a stable hash of the key, the rest (and every request
 * without a key) to the primary.
 *
 * <pre>{@code
 * DeploymentStrategy routing = FakeDeploymentStrategy.builder(primary, candidate)
 *     .candidateShare(0.10)              // 10 % of keys, the same keys every run
 *     .route("tester-1", Arm.CANDIDATE)  // this key always sees the candidate
 *     .clock(testClock)                  // serve() measures latency with it
 *     .build();
 * }</pre>
 *
 * <p>The share uses FNV-1a (64 bits) over the key's UTF-8 bytes, not {@link String#hashCode()},
 * so which keys are in it is fixed by the key alone. {@link #serve} never throws for a failing
 * model: the failure is the outcome. Immutable and thread-safe when the models are.
 */
public final class FakeDeploymentStrategy implements DeploymentStrategy {
  /** The strategy's name: {@value}. */
  public static final String NAME = "fake";

  private final Model primary;
  private final Model candidate;
  private final double candidateShare;
  private final Map<String, Arm> pinned;
  private final MlopsClock clock;

  private FakeDeploymentStrategy(Builder b) {
    this.primary = b.primary;
    this.candidate = b.candidate;
    this.candidateShare = b.candidateShare;
    this.pinned = Map.copyOf(b.pinned);
    this.clock = b.clock;
  }

  /** Starts a strategy that sends every request to {@code primary}. */
  public static Builder builder(Model primary, Model candidate) {
    return new Builder(primary, candidate);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Arm route(PredictionRequest request) {
    Objects.requireNonNull(request, "request");
    if (request.routingKey().isEmpty()) {
      return Arm.PRIMARY;
    }
    String key = request.routingKey().get();
    Arm arm = pinned.get(key);
    if (arm != null) {
      return arm;
    }
    return bucket(key) < candidateShare ? Arm.CANDIDATE : Arm.PRIMARY;
  }

  @Override
  public PredictionOutcome serve(PredictionRequest request) {
    Arm arm = route(request);
    Model model = arm == Arm.CANDIDATE ? candidate : primary;
    long start = clock.monotonicTime();
    try {
      var p = model.predict(request);
      return new PredictionOutcome.Success(request, model.name(), model.version(), arm, since(start), p);
    } catch (ModelInferenceException e) {
      return new PredictionOutcome.Failure(request, model.name(), model.version(), arm, since(start), e);
    }
  }

  private Duration since(long start) {
    return Duration.ofNanos(Math.max(0, clock.monotonicTime() - start));
  }

  /** Returns where a key falls in [0, 1), from FNV-1a over its UTF-8 bytes. */
  static double bucket(String key) {
    long h = 0xcbf29ce484222325L;
    for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return (h >>> 11) * 0x1.0p-53;
  }

  @Override
  public String toString() {
    return "FakeDeploymentStrategy[" + primary.version() + " / " + candidate.version() + " at "
        + candidateShare + ", pinned " + pinned.keySet() + "]";
  }

  /** Collects the routing script. Not thread-safe. */
  public static final class Builder {
    private final Model primary;
    private final Model candidate;
    private double candidateShare;
    private final Map<String, Arm> pinned = new LinkedHashMap<>();
    private MlopsClock clock = MlopsClock.system();

    private Builder(Model primary, Model candidate) {
      this.primary = Objects.requireNonNull(primary, "primary");
      this.candidate = Objects.requireNonNull(candidate, "candidate");
    }

    /**
     * Sends a share of the keys (by a stable hash) to the candidate.
     *
     * @throws IllegalArgumentException if {@code share} is outside [0, 1]
     */
    public Builder candidateShare(double share) {
      if (!(share >= 0 && share <= 1)) {
        throw new IllegalArgumentException("share must be in [0, 1], was " + share);
      }
      this.candidateShare = share;
      return this;
    }

    /**
     * Always sends {@code routingKey} to {@code arm}.
     *
     * @throws IllegalArgumentException if {@code arm} is {@link Arm#SHADOW}
     */
    public Builder route(String routingKey, Arm arm) {
      if (arm == Arm.SHADOW) {
        throw new IllegalArgumentException("a request is answered by PRIMARY or CANDIDATE, never SHADOW");
      }
      pinned.put(Objects.requireNonNull(routingKey, "routingKey"), Objects.requireNonNull(arm, "arm"));
      return this;
    }

    /** Sets the clock {@link FakeDeploymentStrategy#serve} times calls with (default: system). */
    public Builder clock(MlopsClock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /** Builds the strategy. */
    public FakeDeploymentStrategy build() {
      return new FakeDeploymentStrategy(this);
    }
  }
}
