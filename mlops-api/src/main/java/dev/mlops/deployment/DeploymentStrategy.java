package dev.mlops.deployment;

import dev.mlops.model.Arm;
import dev.mlops.model.PredictionOutcome;
import dev.mlops.model.PredictionRequest;

/**
 * Routes each request between a primary model (the one in production) and a candidate: all to
 * the primary, a sticky share to a canary, a copy to a shadow, or an atomic switch between blue and
 * green.
 *
 * <pre>{@code
 * PredictionOutcome served = strategy.serve(request);
 * served.prediction().ifPresent(p -> respond(p));
 * }</pre>
 *
 * <p>A candidate's failure never reaches the caller as a failure of the deployment: a canary falls
 * back to the primary, a shadow's result is only observed. The primary's own failure is returned
 * as a {@link PredictionOutcome.Failure}, never thrown.
 *
 * <p>Implementations are thread-safe; a change of weight or version is atomic with respect to
 * in-flight requests (each request is routed by one consistent configuration).
 */
public interface DeploymentStrategy {

  /** Returns the strategy's name, e.g. "canary". */
  String name();

  /**
   * Decides which arm answers a request, without calling a model. Deterministic for a request
   * with a routing key while the configuration holds; allocation-free on the primary path.
   *
   * @param request the request
   * @return {@link Arm#PRIMARY} or {@link Arm#CANDIDATE}; never {@link Arm#SHADOW} (a shadow
   *     copy is made in addition to the primary's answer)
   * @throws IllegalArgumentException if the strategy requires a routing key and the request has
   *     none ({@link NoKeyPolicy#REJECT})
   */
  Arm route(PredictionRequest request);

  /**
   * Routes the request and returns what the answering model came to. Never throws for a failing
   * model.
   *
   * @param request the request
   * @return the outcome returned to the caller, with the {@link Arm} that answered
   * @throws IllegalArgumentException as {@link #route(PredictionRequest)}
   */
  PredictionOutcome serve(PredictionRequest request);
}
