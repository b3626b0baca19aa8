package dev.mlops.deployment;

import java.util.List;
import java.util.Objects;

/**
 * Where one request goes.
 *
 * <p>Immutable and thread-safe.
 *
 * @param servingVersion the model version whose prediction is returned to the caller
 * @param shadowVersions versions that also receive the request, with their predictions only
 *     recorded (shadow mode)
 * @param reason a human-readable explanation, e.g. "canary bucket 7 &lt; 10"
 */
public record RoutingDecision(String servingVersion, List<String> shadowVersions, String reason) {

  /** Copies the list and checks arguments. */
  public RoutingDecision {
    Objects.requireNonNull(servingVersion, "servingVersion");
    shadowVersions = List.copyOf(shadowVersions);
    Objects.requireNonNull(reason, "reason");
    if (shadowVersions.contains(servingVersion)) {
      throw new IllegalArgumentException(
          "version '" + servingVersion + "' cannot both serve and shadow");
    }
  }

  /** A decision with no shadow copy. */
  public static RoutingDecision serve(String version, String reason) {
    return new RoutingDecision(version, List.of(), reason);
  }
}
