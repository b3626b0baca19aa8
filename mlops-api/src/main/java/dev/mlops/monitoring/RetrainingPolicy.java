package dev.mlops.monitoring;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * What to do when chosen alerts fire: tell a person ({@link Mode#NOTIFY}, manual retraining, the
 * more frequent case in practice) or call the host's {@link RetrainingAction}
 * ({@link Mode#AUTOMATIC}), at most one at a time, no sooner than {@link #coolDown()} after the
 * previous start, and abandoned (interrupted) after {@link #timeout()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param mode notify only, or run the action
 * @param rules names of the alert rules that trigger it; empty for every rule
 * @param coolDown least time between two triggers (monitor clock); not negative
 * @param timeout how long an action may run; positive
 */
public record RetrainingPolicy(Mode mode, Set<String> rules, Duration coolDown, Duration timeout) {

  /** Default cool-down: {@value} hours, about one retraining a day at most. */
  public static final long DEFAULT_COOL_DOWN_HOURS = 24;
  /** Default action timeout: {@value} hours. */
  public static final long DEFAULT_TIMEOUT_HOURS = 2;

  /** Manual or automatic retraining. */
  public enum Mode {
    /** Publish a decision event for a person to act on. */
    NOTIFY,
    /** Run the host's retraining action. */
    AUTOMATIC
  }

  /**
   * Copies and checks.
   *
   * @throws IllegalArgumentException if the cool-down is negative or the timeout not positive
   */
  public RetrainingPolicy {
    Objects.requireNonNull(mode, "mode");
    rules = Set.copyOf(rules);
    Objects.requireNonNull(coolDown, "coolDown");
    Objects.requireNonNull(timeout, "timeout");
    if (coolDown.isNegative()) {
      throw new IllegalArgumentException("coolDown must not be negative, was " + coolDown);
    }
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
  }

  /** Notify on every rule, with the default cool-down. */
  public static RetrainingPolicy notifyOnly() {
    return new RetrainingPolicy(Mode.NOTIFY, Set.of(),
        Duration.ofHours(DEFAULT_COOL_DOWN_HOURS), Duration.ofHours(DEFAULT_TIMEOUT_HOURS));
  }

  /** Run the action on every rule, with the default cool-down and timeout. */
  public static RetrainingPolicy automatic() {
    return new RetrainingPolicy(Mode.AUTOMATIC, Set.of(),
        Duration.ofHours(DEFAULT_COOL_DOWN_HOURS), Duration.ofHours(DEFAULT_TIMEOUT_HOURS));
  }

  /** Returns a copy triggered only by these rules. */
  public RetrainingPolicy onRules(Set<String> names) {
    return new RetrainingPolicy(mode, names, coolDown, timeout);
  }

  /** Returns a copy with this cool-down. */
  public RetrainingPolicy coolDown(Duration value) {
    return new RetrainingPolicy(mode, rules, value, timeout);
  }

  /** Returns a copy with this timeout. */
  public RetrainingPolicy timeout(Duration value) {
    return new RetrainingPolicy(mode, rules, coolDown, value);
  }

  /** Returns whether an alert of this rule triggers the policy. */
  public boolean triggeredBy(String rule) {
    return rules.isEmpty() || rules.contains(rule);
  }
}
