package dev.mlops.deployment;

/**
 * Routes each request between model versions: all to the stable version, a share to a canary, a
 * copy to a shadow, or a switch between blue and green. Implementations decide from a routing key
 * (a user or request id) so one key keeps seeing the same version while the split holds.
 *
 * <p>Implementations are thread-safe.
 */
public interface DeploymentStrategy {

  /** Returns the strategy's name, e.g. "canary". */
  String name();

  /**
   * Decides which version serves a request and which, if any, receive a shadow copy.
   *
   * @param routingKey a stable key for the caller or request; the same key gets the same decision
   *     while the strategy's configuration is unchanged
   * @return the routing decision
   */
  RoutingDecision route(String routingKey);
}
