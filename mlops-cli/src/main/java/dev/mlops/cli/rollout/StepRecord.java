package dev.mlops.cli.rollout;

import dev.mlops.scoping.ObjectiveVerdict;
import java.util.List;

/**
 * What a replay saw at one step: its traffic split, the requests served while the rollout was at
 * it, and the verdicts of its last gate evaluation (empty when never judged). Mutable, used on the
 * replay's single thread.
 */
final class StepRecord {
  final int index;
  final int weightBps;
  final boolean shadow;
  long requests;
  List<ObjectiveVerdict> gates = List.of();

  StepRecord(int index, int weightBps, boolean shadow) {
    this.index = index;
    this.weightBps = weightBps;
    this.shadow = shadow;
  }
}
