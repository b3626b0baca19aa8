package dev.mlops.profile;

import java.util.Map;
import java.util.Optional;

/**
 * The profile of a numeric column: exact count, missing and infinite counts, minimum, maximum,
 * mean and variance of the finite values, and a quantile sketch of them with a stated rank-error
 * bound. While a column holds few distinct values their exact counts are kept too, so small
 * domains (flags, ratings) are compared exactly.
 *
 * <p>Timestamps are profiled as epoch milliseconds. Infinite values are counted, never sketched.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface NumericProfile extends ColumnProfile {

  /** Returns the number of +Inf and −Inf values (present, but neither sketched nor in moments). */
  long infiniteCount();

  /** Returns the number of finite values: those in the moments and the sketch. */
  default long finiteCount() {
    return presentCount() - infiniteCount();
  }

  /** Returns the smallest finite value; NaN when there is none. */
  double min();

  /** Returns the largest finite value; NaN when there is none. */
  double max();

  /** Returns the mean of the finite values; NaN when there is none. */
  double mean();

  /** Returns the population variance (ddof = 0) of the finite values; NaN when there is none. */
  double variance();

  /**
   * Returns an estimate of the {@code q}-quantile of the finite values: a value whose rank is
   * within {@link #rankError()} of {@code q}, clamped to [{@link #min()}, {@link #max()}].
   *
   * @param q a probability in [0, 1]
   * @return the estimate; NaN when there is no finite value
   * @throws IllegalArgumentException if {@code q} is not in [0, 1]
   */
  double quantile(double q);

  /**
   * Returns an estimate of the share of finite values {@code <= x}; within {@link #rankError()} of
   * the true share.
   */
  double cdf(double x);

  /**
   * Returns the values at which the estimated {@link #cdf} steps, ascending and distinct: every
   * supremum over x of an expression in the CDF is reached at one of them.
   */
  double[] stepPoints();

  /**
   * Returns a bound on the error of {@link #cdf} and of the ranks of {@link #quantile}, as a
   * share of {@link #finiteCount()}: with probability at least {@link #rankErrorConfidence()} the
   * estimate is within it at every x simultaneously. 0 while the sketch holds every value.
   */
  double rankError();

  /** Returns the probability with which {@link #rankError()} holds, e.g. 0.995. */
  double rankErrorConfidence();

  /**
   * Returns the exact counts of the finite values while there are at most a few distinct ones
   * (ascending by value), empty once there were more.
   */
  Optional<Map<Double, Long>> smallDomain();
}
