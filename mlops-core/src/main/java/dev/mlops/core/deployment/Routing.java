package dev.mlops.core.deployment;

import dev.mlops.deployment.NoKeyPolicy;
import dev.mlops.model.Arm;
import dev.mlops.model.PredictionRequest;
import java.util.Optional;

/**
 * The canary decision shared by {@link CanaryStrategy} and {@link RolloutController}: a keyed
 * request goes to the candidate when its sticky bucket is below the weight, a keyless one as the
 * {@link NoKeyPolicy} says. Allocation-free.
 *
 * <p>Immutable and thread-safe.
 */
final class Routing {
  private final StickyBuckets buckets;
  private final NoKeyPolicy noKey;
  private final KeylessBuckets keyless;

  Routing(String salt, NoKeyPolicy noKey, long seed) {
    this.buckets = new StickyBuckets(salt);
    this.noKey = noKey;
    this.keyless = new KeylessBuckets(seed);
  }

  String salt() {
    return buckets.salt();
  }

  NoKeyPolicy noKeyPolicy() {
    return noKey;
  }

  Arm route(PredictionRequest request, int weightBps) {
    Optional<String> key = request.routingKey();
    if (key.isPresent()) {
      return weightBps > 0 && buckets.bucket(key.get()) < weightBps ? Arm.CANDIDATE : Arm.PRIMARY;
    }
    switch (noKey) {
      case RANDOM:
        return weightBps > 0 && keyless.next() < weightBps ? Arm.CANDIDATE : Arm.PRIMARY;
      case REJECT:
        throw new IllegalArgumentException("request '" + request.requestId()
            + "' has no routing key, and this canary's policy is REJECT; set one with "
            + "PredictionRequest.builder(features).routingKey(userId)");
      default:
        return Arm.PRIMARY;
    }
  }
}
