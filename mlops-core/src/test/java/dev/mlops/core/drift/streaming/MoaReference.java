package dev.mlops.core.drift.streaming;

import dev.mlops.drift.DriftState;
import dev.mlops.drift.StreamingDriftDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import moa.classifiers.core.driftdetection.AbstractChangeDetector;
import moa.classifiers.core.driftdetection.ChangeDetector;

/**
 * Runs MOA 2024.07's detectors (test scope only: MOA is GPL-3.0 and never ships with mlops) and
 * ours on the same stream and records where each flagged a drift or sat in a warning zone.
 */
final class MoaReference {
  private MoaReference() {}

  /** Drift and warning indices (0-based) of one run. */
  record Trace(List<Long> drifts, List<Long> warnings) {}

  static Trace moa(Supplier<? extends AbstractChangeDetector> factory, double[] stream) {
    AbstractChangeDetector d = factory.get();
    d.prepareForUse();
    ChangeDetector c = d;
    List<Long> drifts = new ArrayList<>();
    List<Long> warnings = new ArrayList<>();
    for (int i = 0; i < stream.length; i++) {
      c.input(stream[i]);
      if (c.getChange()) {
        drifts.add((long) i);
      }
      // Two-sided HDDM can raise both flags at once; our state is one value, and DRIFT wins.
      if (c.getWarningZone() && !c.getChange()) {
        warnings.add((long) i);
      }
    }
    return new Trace(drifts, warnings);
  }

  static Trace ours(StreamingDriftDetector d, double[] stream) {
    List<Long> drifts = new ArrayList<>();
    List<Long> warnings = new ArrayList<>();
    for (int i = 0; i < stream.length; i++) {
      DriftState s = d.add(stream[i]);
      if (s == DriftState.DRIFT) {
        drifts.add((long) i);
      }
      if (s == DriftState.WARNING) {
        warnings.add((long) i);
      }
    }
    return new Trace(drifts, warnings);
  }
}
