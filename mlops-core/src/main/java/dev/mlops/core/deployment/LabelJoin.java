package dev.mlops.core.deployment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

/**
 * Joins labels that arrive after the prediction (by request id) to the predictions of the window
 * they were made in: the serving arm's accuracy, and for a shadow copy both arms' accuracy and
 * McNemar's cells. Holds at most {@code capacity} unlabelled predictions; the oldest is forgotten
 * (and counted) when a new one would exceed it. A label for an unknown or forgotten id is counted
 * and ignored; a label that arrives before its prediction is not joined (the prediction log does
 * that kind of join).
 *
 * <p>Thread-safe: one lock guards the table; it is taken only when labels are expected.
 */
final class LabelJoin {
  private static final class Pending {
    final ArmStats primary;
    final String primaryLabel;
    final ArmStats candidate;
    final ShadowComparison comparison;
    boolean candidateAnswered;
    String candidateLabel;
    String truth;

    Pending(ArmStats primary, String primaryLabel, ArmStats candidate, ShadowComparison comparison) {
      this.primary = primary;
      this.primaryLabel = primaryLabel;
      this.candidate = candidate;
      this.comparison = comparison;
    }
  }

  private final int capacity;
  private final LinkedHashMap<String, Pending> pending;
  private final LongAdder forgotten = new LongAdder();
  private final LongAdder unknown = new LongAdder();

  LabelJoin(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("label capacity must be >= 1, was " + capacity);
    }
    this.capacity = capacity;
    this.pending = new LinkedHashMap<>(16, 0.75f, false) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Pending> eldest) {
        if (size() > LabelJoin.this.capacity) {
          forgotten.increment();
          return true;
        }
        return false;
      }
    };
  }

  /** Registers a served prediction: {@code label} of the arm whose stats are {@code served}. */
  synchronized void served(String requestId, ArmStats served, String label) {
    pending.put(requestId, new Pending(served, label, null, null));
  }

  /** Registers a primary prediction whose shadow copy will answer later. */
  synchronized void shadowed(String requestId, ArmStats primary, String primaryLabel,
      ArmStats candidate, ShadowComparison comparison) {
    pending.put(requestId, new Pending(primary, primaryLabel, candidate, comparison));
  }

  /** The shadow copy answered ({@code label} null when it failed or was dropped). */
  synchronized void candidateAnswered(String requestId, String label) {
    Pending p = pending.get(requestId);
    if (p != null && p.candidate != null) {
      p.candidateAnswered = true;
      p.candidateLabel = label;
      score(requestId, p);
    }
  }

  /**
   * Joins a label.
   *
   * @return whether a prediction with that id was waiting
   */
  synchronized boolean label(String requestId, String truth) {
    Objects.requireNonNull(truth, "label");
    Pending p = pending.get(requestId);
    if (p == null) {
      unknown.increment();
      return false;
    }
    p.truth = truth;
    score(requestId, p);
    return true;
  }

  private void score(String requestId, Pending p) {
    if (p.truth == null || (p.candidate != null && !p.candidateAnswered)) {
      return;
    }
    pending.remove(requestId);
    boolean primaryRight = p.truth.equals(p.primaryLabel);
    if (p.primaryLabel != null) {
      p.primary.recordLabel(primaryRight);
    }
    if (p.candidate != null && p.candidateLabel != null) {
      boolean candidateRight = p.truth.equals(p.candidateLabel);
      p.candidate.recordLabel(candidateRight);
      if (p.primaryLabel != null) {
        p.comparison.recordLabelledPair(primaryRight, candidateRight);
      }
    }
  }

  long forgotten() {
    return forgotten.sum();
  }

  long unknown() {
    return unknown.sum();
  }
}
