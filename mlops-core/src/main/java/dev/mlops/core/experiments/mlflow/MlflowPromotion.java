package dev.mlops.core.experiments.mlflow;

import dev.mlops.StoreException;
import dev.mlops.deployment.GatesEvaluated;
import dev.mlops.deployment.RolloutTransition;
import dev.mlops.events.EventPublisher;
import dev.mlops.events.RolloutEvent;
import dev.mlops.events.Subscription;
import dev.mlops.scoping.ObjectiveVerdict;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Ties a rollout's outcome to the MLflow Model Registry: when the rollout publishes
 * {@link RolloutTransition.Kind#PROMOTED}, {@code @champion} moves to the candidate's version
 * with audit tags (previous version, time, the gates of every judged step and the promotion's
 * reason), through {@link MlflowModelRegistry#promote}. A rollback or an abort leaves the
 * registry untouched. The registry call runs on the thread that publishes the event (the
 * controller's, for its synchronous publisher); a failure is kept in {@link #failure()} rather
 * than thrown into the rollout, whose outcome stands either way, so the host can retry with
 * {@link MlflowModelRegistry#promote}. Thread-safe.
 */
public final class MlflowPromotion implements AutoCloseable {
  private final MlflowModelRegistry registry;
  private final String model;
  private final String candidateVersion;
  private final StringJoiner gates = new StringJoiner("; ");
  private final Subscription subscription;
  private Optional<String> previousChampion = Optional.empty();
  private boolean promoted;
  private StoreException failure;

  private MlflowPromotion(MlflowModelRegistry registry, EventPublisher<RolloutEvent> events, String model,
      String candidateVersion) {
    this.registry = registry;
    this.model = model;
    this.candidateVersion = candidateVersion;
    this.subscription = events.onEvent(this::accept);
  }

  /**
   * Listens to {@code events} (e.g. {@code RolloutController.events()}) and promotes
   * {@code candidateVersion} of {@code model} when the rollout is promoted.
   */
  public static MlflowPromotion onPromoted(MlflowModelRegistry registry, EventPublisher<RolloutEvent> events,
      String model, String candidateVersion) {
    return new MlflowPromotion(Objects.requireNonNull(registry, "registry"), Objects.requireNonNull(events, "events"),
        Objects.requireNonNull(model, "model"), Objects.requireNonNull(candidateVersion, "candidateVersion"));
  }

  /**
   * Same as {@link #onPromoted(MlflowModelRegistry, EventPublisher, String, String)} with the
   * version {@code candidate} was resolved to.
   */
  public static MlflowPromotion onPromoted(MlflowModelRegistry registry, EventPublisher<RolloutEvent> events,
      MlflowModelVersion candidate) {
    return onPromoted(registry, events, candidate.model(), candidate.version());
  }

  private synchronized void accept(RolloutEvent event) {
    if (event instanceof GatesEvaluated g) {
      StringJoiner step = new StringJoiner(", ", "step " + g.step() + " " + g.overall() + " (", ")");
      for (ObjectiveVerdict v : g.verdicts()) {
        step.add(v.reason());
      }
      gates.add(step.toString());
    } else if (event instanceof RolloutTransition t && t.kind() == RolloutTransition.Kind.PROMOTED && !promoted) {
      try {
        previousChampion = registry.promote(model, candidateVersion, gates + (gates.length() > 0 ? "; " : "")
            + "promoted: " + t.reason());
        promoted = true;
        failure = null;
      } catch (StoreException e) {
        failure = e;
      }
    }
  }

  /** Returns whether {@code @champion} was moved to the candidate. */
  public synchronized boolean promoted() {
    return promoted;
  }

  /** Returns the version {@code @champion} pointed at before the promotion, if it was set. */
  public synchronized Optional<String> previousChampion() {
    return previousChampion;
  }

  /** Returns why the registry could not be updated on promotion, if it could not. */
  public synchronized Optional<StoreException> failure() {
    return Optional.ofNullable(failure);
  }

  /** Stops listening. */
  @Override
  public void close() {
    subscription.close();
  }
}
