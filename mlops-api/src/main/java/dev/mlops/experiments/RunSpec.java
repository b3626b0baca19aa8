package dev.mlops.experiments;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What to start: the experiment, the run's name, an optional parent (nested run), the random seed
 * the run uses (recorded as the tag {@code mlops.seed}) and tags to set at start. Immutable and
 * thread-safe.
 *
 * @param experimentName the experiment; created if it does not exist
 * @param runName a human-readable run name
 * @param parentRunId the parent of a nested run, empty for a top-level run
 * @param seed the seed the run uses, empty if none was given
 * @param tags tags set when the run starts; written after the automatically captured ones, so
 *     they win
 */
public record RunSpec(
    String experimentName,
    String runName,
    Optional<String> parentRunId,
    OptionalLong seed,
    Map<String, String> tags) {

  /** Copies the tags and checks arguments. */
  public RunSpec {
    Objects.requireNonNull(experimentName, "experimentName");
    Objects.requireNonNull(runName, "runName");
    Objects.requireNonNull(parentRunId, "parentRunId");
    Objects.requireNonNull(seed, "seed");
    tags = Map.copyOf(tags);
  }

  /** Returns a top-level run spec without seed or tags. */
  public static RunSpec of(String experimentName, String runName) {
    return new RunSpec(experimentName, runName, Optional.empty(), OptionalLong.empty(), Map.of());
  }

  /** Returns a copy that records the given seed. */
  public RunSpec withSeed(long newSeed) {
    return new RunSpec(experimentName, runName, parentRunId, OptionalLong.of(newSeed), tags);
  }

  /** Returns a copy nested under the given parent run. */
  public RunSpec withParent(String parentId) {
    return new RunSpec(
        experimentName, runName, Optional.of(Objects.requireNonNull(parentId, "parentId")), seed, tags);
  }

  /** Returns a copy with the given start tags. */
  public RunSpec withTags(Map<String, String> startTags) {
    return new RunSpec(experimentName, runName, parentRunId, seed, startTags);
  }
}
