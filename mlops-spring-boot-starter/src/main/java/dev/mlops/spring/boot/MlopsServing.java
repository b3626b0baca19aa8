package dev.mlops.spring.boot;

import dev.mlops.core.deployment.RolloutController;
import dev.mlops.core.feedback.PredictionLogger;
import dev.mlops.core.model.PredictionOutcomes;
import dev.mlops.model.Arm;
import dev.mlops.model.PredictionOutcome;
import dev.mlops.model.PredictionRequest;
import dev.mlops.time.MlopsClock;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an application's request handlers score: {@link #serve(PredictionRequest)} goes through
 * the rollout when one is configured (so its canary weight, gates and manual controls apply) and
 * to the only declared model otherwise; {@link #serve(String, PredictionRequest)} asks one model.
 * Every served outcome is also given to the prediction log when one is enabled. Never throws for
 * a failing model: the outcome says so.
 *
 * <p>Thread-safe: it holds no state of its own.
 */
public final class MlopsServing {
  private final MlopsModels models;
  private final Optional<RolloutController> rollout;
  private final Optional<PredictionLogger> log;
  private final MlopsClock clock;

  /**
   * Creates the front.
   *
   * @param models the models
   * @param rollout the rollout, when one is configured
   * @param log the prediction log, when one is enabled
   * @param clock the clock that measures the latency of calls outside the rollout
   */
  public MlopsServing(MlopsModels models, Optional<RolloutController> rollout,
      Optional<PredictionLogger> log, MlopsClock clock) {
    this.models = Objects.requireNonNull(models, "models");
    this.rollout = Objects.requireNonNull(rollout, "rollout");
    this.log = Objects.requireNonNull(log, "log");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Serves a request through the rollout, or by the only model.
   *
   * @throws IllegalStateException when there is no rollout and not exactly one model
   */
  public PredictionOutcome serve(PredictionRequest request) {
    Objects.requireNonNull(request, "request");
    if (rollout.isPresent()) {
      return logged(rollout.get().serve(request));
    }
    if (models.keys().size() != 1) {
      throw new IllegalStateException("no rollout is configured and there are "
          + models.keys().size() + " models " + models.keys()
          + "; name the model with serve(key, request)");
    }
    return serve(models.keys().iterator().next(), request);
  }

  /**
   * Serves a request by one model, as the primary arm.
   *
   * @throws IllegalStateException if the model failed to load
   * @throws java.util.NoSuchElementException if there is no such model
   */
  public PredictionOutcome serve(String key, PredictionRequest request) {
    Objects.requireNonNull(request, "request");
    return logged(PredictionOutcomes.invoke(models.require(key), request, Arm.PRIMARY, clock));
  }

  private PredictionOutcome logged(PredictionOutcome outcome) {
    log.ifPresent(l -> l.log(outcome));
    return outcome;
  }
}
