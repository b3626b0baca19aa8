package dev.mlops.core.deployment;

import dev.mlops.core.model.PredictionOutcomes;
import dev.mlops.deployment.DeploymentStrategy;
import dev.mlops.model.Arm;
import dev.mlops.model.Model;
import dev.mlops.model.PredictionOutcome;
import dev.mlops.model.PredictionRequest;
import dev.mlops.time.MlopsClock;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Blue-green: both models are loaded, one serves everything, and {@link #switchTo} moves all
 * traffic to the other in one atomic step; the previous one stays loaded (warm) so that
 * {@link #rollback()} is instant. Blue is {@link Arm#PRIMARY}, green {@link Arm#CANDIDATE}.
 *
 * <p>Thread-safe: the active side is one atomic reference read once per request. The strategy
 * does not close the models; their owner does.
 */
public final class BlueGreenStrategy implements DeploymentStrategy {
  private final Model blue;
  private final Model green;
  private final MlopsClock clock;
  private final AtomicReference<Arm> active = new AtomicReference<>(Arm.PRIMARY);
  private final AtomicReference<Arm> previous = new AtomicReference<>(Arm.PRIMARY);

  private BlueGreenStrategy(Model blue, Model green, MlopsClock clock) {
    this.blue = Objects.requireNonNull(blue, "blue");
    this.green = Objects.requireNonNull(green, "green");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Blue ({@code primary}) serves; green ({@code candidate}) waits warm. */
  public static BlueGreenStrategy of(Model primary, Model candidate, MlopsClock clock) {
    return new BlueGreenStrategy(primary, candidate, clock);
  }

  @Override
  public String name() {
    return "blue-green";
  }

  @Override
  public Arm route(PredictionRequest request) {
    return active.get();
  }

  @Override
  public PredictionOutcome serve(PredictionRequest request) {
    Arm arm = active.get();
    return PredictionOutcomes.invoke(arm == Arm.PRIMARY ? blue : green, request, arm, clock);
  }

  /** Returns the model serving now. */
  public Model active() {
    return active.get() == Arm.PRIMARY ? blue : green;
  }

  /** Returns the loaded model not serving now. */
  public Model standby() {
    return active.get() == Arm.PRIMARY ? green : blue;
  }

  /**
   * Sends all traffic to one side, atomically.
   *
   * @param arm {@link Arm#PRIMARY} (blue) or {@link Arm#CANDIDATE} (green)
   * @throws IllegalArgumentException for {@link Arm#SHADOW}
   */
  public synchronized void switchTo(Arm arm) {
    if (arm == Arm.SHADOW) {
      throw new IllegalArgumentException("blue-green switches between PRIMARY and CANDIDATE, not SHADOW");
    }
    previous.set(active.getAndSet(Objects.requireNonNull(arm, "arm")));
  }

  /** Switches back to the side that served before the last {@link #switchTo}. */
  public synchronized void rollback() {
    active.set(previous.get());
  }
}
