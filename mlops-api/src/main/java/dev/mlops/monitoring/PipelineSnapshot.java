package dev.mlops.monitoring;

import java.util.List;
import java.util.Objects;

/**
 * The state of every step of a monitored pipeline, in pipeline order, so a change upstream is
 * seen at the step where it starts.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the pipeline's name
 * @param steps one snapshot per step, in order
 */
public record PipelineSnapshot(String name, List<MonitorSnapshot> steps) {

  /** Copies the list. */
  public PipelineSnapshot {
    Objects.requireNonNull(name, "name");
    steps = List.copyOf(steps);
  }
}
