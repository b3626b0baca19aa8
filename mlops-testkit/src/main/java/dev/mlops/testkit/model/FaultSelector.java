package dev.mlops.testkit.model;

import dev.mlops.data.Record;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * Which calls a {@link FaultyModel} spoils: all of them, a seeded fraction of calls, a seeded
 * fraction of inputs (the same record is always spoiled or always spared), or a segment of
 * inputs. Selectors combine with {@link #and}.
 *
 * <p>Implementations must be thread-safe and, for a given record and call index, deterministic.
 */
@FunctionalInterface
public interface FaultSelector {

  /**
   * Returns whether the call is spoiled.
   *
   * @param record the record of the call
   * @param callIndex 0-based index of the call on the faulty model
   */
  boolean affects(Record record, long callIndex);

  /** Returns a selector that spoils a call when this one and {@code other} both do. */
  default FaultSelector and(FaultSelector other) {
    Objects.requireNonNull(other, "other");
    return (r, i) -> affects(r, i) && other.affects(r, i);
  }

  /** Spoils every call. */
  static FaultSelector all() {
    return (r, i) -> true;
  }

  /**
   * Spoils each call with probability {@code fraction}, decided from the seed and the call
   * index alone, so from one thread the spoiled calls repeat exactly for a seed.
   *
   * @throws IllegalArgumentException if {@code fraction} is outside [0, 1]
   */
  static FaultSelector fractionOfCalls(double fraction, long seed) {
    checkFraction(fraction);
    return (r, i) -> new SplittableRandom(seed + 0x9E3779B97F4A7C15L * i).nextDouble() < fraction;
  }

  /**
   * Spoils each distinct input with probability {@code fraction}, decided from the seed and the
   * record's values, so the same record is spoiled on every call or never.
   *
   * @throws IllegalArgumentException if {@code fraction} is outside [0, 1]
   */
  static FaultSelector fractionOfInputs(double fraction, long seed) {
    checkFraction(fraction);
    return (r, i) ->
        new SplittableRandom(seed ^ (0xBF58476D1CE4E5B9L * r.toMap().hashCode())).nextDouble() < fraction;
  }

  /** Spoils the calls whose record is in a segment, e.g. {@code r -> "Oslo".equals(r.get("city"))}. */
  static FaultSelector segment(Predicate<Record> segment) {
    Objects.requireNonNull(segment, "segment");
    return (r, i) -> segment.test(r);
  }

  private static void checkFraction(double fraction) {
    if (!(fraction >= 0 && fraction <= 1)) {
      throw new IllegalArgumentException("fraction must be in [0, 1], was " + fraction);
    }
  }
}
