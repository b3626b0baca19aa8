package dev.mlops.scoping;

import java.util.Locale;
import java.util.OptionalDouble;

/** Turns one objective and its measurements into a verdict with a reason. Stateless. */
final class Gate {
  private Gate() {}

  static ObjectiveVerdict judge(Objective o, Measurement candidate, Measurement baseline) {
    Measurement base = o.isRelative() ? baseline : null;
    OptionalDouble c = candidate == null ? OptionalDouble.empty() : OptionalDouble.of(candidate.value());
    OptionalDouble b = base == null ? OptionalDouble.empty() : OptionalDouble.of(base.value());
    long n = candidate == null ? 0 : candidate.samples();
    long bn = base == null ? 0 : base.samples();
    double threshold = threshold(o, base);
    String problem = problem(o, candidate, base);
    if (problem != null) {
      String known = Double.isNaN(threshold) ? ""
          : String.format(Locale.ROOT, "; threshold %s %s", o.direction().symbol(), threshold);
      return new ObjectiveVerdict(o, Verdict.INCONCLUSIVE, c, b, threshold, n, bn,
          o.metric() + ": inconclusive, " + problem + known);
    }
    boolean met = o.isMetBy(candidate.value(), o.isRelative() ? base.value() : Double.NaN);
    Verdict v = met ? Verdict.PASS : Verdict.FAIL;
    String reason = String.format(Locale.ROOT, "%s: %s, %s (n=%d) %s %s%s",
        o.metric(), v, candidate.value(), n, met ? o.direction().symbol() : negated(o),
        threshold, thresholdSource(o, base));
    return new ObjectiveVerdict(o, v, c, b, threshold, n, bn, reason);
  }

  private static double threshold(Objective o, Measurement base) {
    if (!o.isRelative()) {
      return o.target();
    }
    return base == null ? Double.NaN : o.threshold(base.value());
  }

  private static String problem(Objective o, Measurement candidate, Measurement base) {
    if (candidate == null) {
      return "not measured";
    }
    if (Double.isNaN(candidate.value())) {
      return String.format(Locale.ROOT, "value is NaN (n=%d)", candidate.samples());
    }
    if (candidate.samples() < o.minSamples()) {
      return String.format(Locale.ROOT, "%d samples, needs %d (value %s)",
          candidate.samples(), o.minSamples(), candidate.value());
    }
    if (!o.isRelative()) {
      return null;
    }
    if (base == null) {
      return "baseline not measured";
    }
    if (Double.isNaN(base.value())) {
      return String.format(Locale.ROOT, "baseline value is NaN (n=%d)", base.samples());
    }
    if (base.samples() < o.minSamples()) {
      return String.format(Locale.ROOT, "baseline has %d samples, needs %d (value %s)",
          base.samples(), o.minSamples(), base.value());
    }
    return null;
  }

  private static String negated(Objective o) {
    return o.direction() == Objective.Direction.AT_LEAST ? "<" : ">";
  }

  private static String thresholdSource(Objective o, Measurement base) {
    switch (o.reference()) {
      case FACTOR:
        return String.format(Locale.ROOT, " (%s x baseline %s, n=%d)",
            o.target(), base.value(), base.samples());
      case MARGIN:
        return String.format(Locale.ROOT, " (baseline %s %s %s, n=%d)",
            base.value(), o.target() < 0 ? "-" : "+", Math.abs(o.target()), base.samples());
      default:
        return "";
    }
  }
}
