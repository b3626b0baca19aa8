package dev.mlops.testkit.quicktheories;

import dev.mlops.data.Dataset;
import dev.mlops.data.DatasetSpec;
import dev.mlops.data.Record;
import dev.mlops.data.ViolationKind;
import dev.mlops.testkit.data.DatasetGenerator;
import dev.mlops.testkit.data.Randomness;
import java.util.Objects;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * QuickTheories generators of data for a spec, with the rules of {@link DatasetGenerator}; every
 * choice (row count, value, missing row) is a QuickTheories draw, so a failing property shrinks
 * toward fewer rows and values at the low end of their ranges.
 *
 * <pre>{@code
 * qt().forAll(SpecGens.datasets(spec, 1, 200))
 *     .checkAssert(d -> assertThat(validator.validate(d)).isValid());
 * }</pre>
 *
 * <p>Stateless and thread-safe; so are the generators.
 */
public final class SpecGens {
  private SpecGens() {}

  /**
   * Datasets of {@code minRows..maxRows} rows that conform to {@code spec}.
   *
   * @throws IllegalArgumentException if the row range is empty or outside the spec's bounds
   */
  public static Gen<Dataset> datasets(DatasetSpec spec, int minRows, int maxRows) {
    checkRows(spec, minRows, maxRows);
    DatasetGenerator generator = DatasetGenerator.of(spec, 0);
    return in -> {
      Randomness r = randomness(in);
      return generator.dataset(r, (int) r.between(minRows, maxRows));
    };
  }

  /** Records that conform to {@code spec}'s per-record rules. */
  public static Gen<Record> records(DatasetSpec spec) {
    DatasetGenerator generator = DatasetGenerator.of(spec, 0);
    return in -> generator.record(randomness(in));
  }

  /**
   * Datasets of {@code minRows..maxRows} rows that break {@code spec} in the chosen way on
   * {@code feature}, as {@link DatasetGenerator#violating(int, ViolationKind, String, double)}
   * does.
   *
   * @throws IllegalArgumentException if the row range is empty or outside the spec's bounds, or
   *     the rate is outside (0, 1]
   */
  public static Gen<Dataset> violating(
      DatasetSpec spec, int minRows, int maxRows, ViolationKind kind, String feature, double rate) {
    checkRows(spec, minRows, maxRows);
    Objects.requireNonNull(kind, "kind");
    if (!(rate > 0 && rate <= 1)) {
      throw new IllegalArgumentException("rate must be in (0, 1], was " + rate);
    }
    DatasetGenerator generator = DatasetGenerator.of(spec, 0);
    return in -> {
      Randomness r = randomness(in);
      return generator.violating(r, (int) r.between(minRows, maxRows), kind, feature, rate);
    };
  }

  /** Returns the testkit's randomness drawing from QuickTheories' recorded source. */
  public static Randomness randomness(RandomnessSource in) {
    Objects.requireNonNull(in, "in");
    return (lo, hi) -> in.next(Constraint.between(lo, hi));
  }

  private static void checkRows(DatasetSpec spec, int minRows, int maxRows) {
    Objects.requireNonNull(spec, "spec");
    if (minRows < 0 || maxRows < minRows || minRows < spec.minRows() || maxRows > spec.maxRows()) {
      throw new IllegalArgumentException("rows [" + minRows + ", " + maxRows
          + "] must be a non-empty range inside the spec's bounds [" + spec.minRows() + ", "
          + spec.maxRows() + "]");
    }
  }
}
