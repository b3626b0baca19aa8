package dev.mlops.testkit.deployment;

import dev.mlops.deployment.DeploymentStrategy;
import dev.mlops.deployment.RoutingDecision;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A scripted {@link DeploymentStrategy}: chosen keys go to chosen versions, a share of the other
 * keys goes to a candidate by a stable hash of the key, and the rest to the stable version;
 * shadow versions receive a copy of every request.
 *
 * <pre>{@code
 * DeploymentStrategy routing = FakeDeploymentStrategy.serving("v1")
 *     .candidate("v2", 0.10)          // 10 % of keys, the same keys every run
 *     .route("tester-1", "v2")        // this key always sees v2
 *     .shadow("v3")
 *     .build();
 * }</pre>
 *
 * <p>The share uses a hash of the key's UTF-8 bytes (FNV-1a, 64 bits), not {@link
 * String#hashCode()}, so which keys are in the candidate's share is fixed by the key alone.
 * Immutable and thread-safe.
 */
public final class FakeDeploymentStrategy implements DeploymentStrategy {
  /** The strategy's name: {@value}. */
  public static final String NAME = "fake";

  private final String stable;
  private final String candidate;
  private final double candidateShare;
  private final Map<String, String> pinned;
  private final List<String> shadows;

  private FakeDeploymentStrategy(Builder b) {
    this.stable = b.stable;
    this.candidate = b.candidate;
    this.candidateShare = b.candidateShare;
    this.pinned = Map.copyOf(b.pinned);
    this.shadows = List.copyOf(b.shadows);
  }

  /** Starts a strategy that sends every key to {@code stableVersion}. */
  public static Builder serving(String stableVersion) {
    return new Builder(stableVersion);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public RoutingDecision route(String routingKey) {
    Objects.requireNonNull(routingKey, "routingKey");
    String version;
    String reason;
    if (pinned.containsKey(routingKey)) {
      version = pinned.get(routingKey);
      reason = "key '" + routingKey + "' is pinned to " + version;
    } else {
      double bucket = bucket(routingKey);
      boolean toCandidate = candidate != null && bucket < candidateShare;
      version = toCandidate ? candidate : stable;
      reason = String.format(java.util.Locale.ROOT, "bucket %.4f %s candidate share %.4f",
          bucket, toCandidate ? "<" : ">=", candidateShare);
    }
    List<String> copies = shadows.stream().filter(s -> !s.equals(version)).toList();
    return new RoutingDecision(version, copies, reason);
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
    return "FakeDeploymentStrategy[stable " + stable + ", candidate " + candidate + " at "
        + candidateShare + ", pinned " + pinned.keySet() + ", shadows " + shadows + "]";
  }

  /** Collects the routing script. Not thread-safe. */
  public static final class Builder {
    private final String stable;
    private String candidate;
    private double candidateShare;
    private final Map<String, String> pinned = new LinkedHashMap<>();
    private final List<String> shadows = new ArrayList<>();

    private Builder(String stable) {
      this.stable = requireVersion(stable, "stableVersion");
    }

    /**
     * Sends a share of the keys (by a stable hash) to {@code version}.
     *
     * @throws IllegalArgumentException if {@code share} is outside [0, 1]
     */
    public Builder candidate(String version, double share) {
      if (!(share >= 0 && share <= 1)) {
        throw new IllegalArgumentException("share must be in [0, 1], was " + share);
      }
      this.candidate = requireVersion(version, "version");
      this.candidateShare = share;
      return this;
    }

    /** Always sends {@code routingKey} to {@code version}. */
    public Builder route(String routingKey, String version) {
      pinned.put(Objects.requireNonNull(routingKey, "routingKey"), requireVersion(version, "version"));
      return this;
    }

    /** Sends a copy of every request to {@code version} (except where it serves). */
    public Builder shadow(String version) {
      shadows.add(requireVersion(version, "version"));
      return this;
    }

    /** Builds the strategy. */
    public FakeDeploymentStrategy build() {
      return new FakeDeploymentStrategy(this);
    }

    private static String requireVersion(String version, String what) {
      if (version == null || version.isBlank()) {
        throw new IllegalArgumentException(what + " must not be blank, was '" + version + "'");
      }
      return version;
    }
  }
}
