package dev.mlops.core.evaluation;

import dev.mlops.evaluation.ConfidenceInterval;
import dev.mlops.evaluation.MetricValue;
import dev.mlops.evaluation.SliceConfig;
import dev.mlops.evaluation.SliceReport;
import dev.mlops.evaluation.SliceResult;
import dev.mlops.evaluation.SliceStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Evaluates a metric overall and per slice, with seeded percentile-bootstrap intervals, and flags
 * the slices that are significantly worse than overall: those whose whole interval lies on the
 * worse side of the overall value (performance auditing on key slices, as TensorFlow Model
 * Analysis does per slice).
 *
 * <p>Stateless and thread-safe. Each slice's bootstrap draws from its own stream seeded by the
 * config's seed and the slice's position, so adding a slice leaves the others' intervals as they
 * were.
 */
public final class SliceEvaluator {
  private SliceEvaluator() {}

  /**
   * Evaluates {@code metric} on every slice.
   *
   * @param data the examples
   * @param metric the metric
   * @param slices the slices, reported in this order
   * @param config minimum slice size, bootstrap resamples, level and seed
   * @throws IllegalArgumentException if two slices share a name
   */
  public static SliceReport evaluate(
      EvaluationData data, SliceMetric metric, List<Slice> slices, SliceConfig config) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(config, "config");
    checkDistinctNames(slices);
    int n = data.size();
    int[] all = IntStream.range(0, n).toArray();
    MetricValue overall = metric.compute(data.actual(), data.predicted(), all);
    Optional<ConfidenceInterval> overallInterval =
        overall.isDefined() ? bootstrap(data, metric, all, config, -1) : Optional.empty();
    List<SliceResult> results = new ArrayList<>();
    for (int s = 0; s < slices.size(); s++) {
      Slice slice = slices.get(s);
      int[] rows = slice.rows(data);
      double share = (double) rows.length / n;
      if (rows.length < config.minSliceSize()) {
        results.add(new SliceResult(slice.name(), rows.length, share,
            MetricValue.undefined("slice has " + rows.length + " examples, fewer than minSliceSize "
                + config.minSliceSize()),
            Optional.empty(), SliceStatus.TOO_SMALL));
        continue;
      }
      MetricValue value = metric.compute(data.actual(), data.predicted(), rows);
      if (!value.isDefined()) {
        results.add(new SliceResult(slice.name(), rows.length, share, value, Optional.empty(),
            SliceStatus.METRIC_UNDEFINED));
        continue;
      }
      Optional<ConfidenceInterval> interval = bootstrap(data, metric, rows, config, s);
      boolean worse = overall.isDefined() && interval.isPresent()
          && (metric.higherIsBetter()
              ? interval.get().upper() < overall.value()
              : interval.get().lower() > overall.value());
      results.add(new SliceResult(slice.name(), rows.length, share, value, interval,
          worse ? SliceStatus.SIGNIFICANTLY_WORSE : SliceStatus.OK));
    }
    return new SliceReport(metric.name(), metric.higherIsBetter(), n, overall, overallInterval,
        config.minSliceSize(), config.seed(), results);
  }

  /**
   * Percentile bootstrap: resample the rows with replacement, recompute the metric, take the
   * (1 - level)/2 and (1 + level)/2 quantiles of the resampled values that are defined.
   */
  static Optional<ConfidenceInterval> bootstrap(
      EvaluationData data, SliceMetric metric, int[] rows, SliceConfig config, int stream) {
    SplittableRandom random = new SplittableRandom(config.seed() * 1_000_003L + stream);
    double[] values = new double[config.bootstrapResamples()];
    int defined = 0;
    int[] sample = new int[rows.length];
    for (int b = 0; b < values.length; b++) {
      for (int i = 0; i < sample.length; i++) {
        sample[i] = rows[random.nextInt(rows.length)];
      }
      MetricValue v = metric.compute(data.actual(), data.predicted(), sample);
      if (v.isDefined()) {
        values[defined++] = v.value();
      }
    }
    if (defined == 0) {
      return Optional.empty();
    }
    double[] sorted = Arrays.copyOf(values, defined);
    Arrays.sort(sorted);
    double alpha = (1 - config.confidenceLevel()) / 2;
    return Optional.of(new ConfidenceInterval(config.confidenceLevel(),
        NumpyMath.quantileOfSorted(sorted, alpha), NumpyMath.quantileOfSorted(sorted, 1 - alpha)));
  }

  static void checkDistinctNames(List<Slice> slices) {
    Objects.requireNonNull(slices, "slices");
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Slice s : slices) {
      if (!seen.add(s.name())) {
        throw new IllegalArgumentException("two slices are named '" + s.name() + "'");
      }
    }
  }
}
