package dev.mlops.core.data;

import dev.mlops.data.BooleanColumn;
import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.CategoricalDomain;
import dev.mlops.data.Column;
import dev.mlops.data.Dataset;
import dev.mlops.data.DatasetSpec;
import dev.mlops.data.FeatureSpec;
import dev.mlops.data.FeatureType;
import dev.mlops.data.LengthBounds;
import dev.mlops.data.NumericColumn;
import dev.mlops.data.NumericRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Infers a {@link DatasetSpec} from a {@link Dataset}, in the spirit of TensorFlow Data
 * Validation's {@code infer_schema}: the result describes the data it was inferred from (so
 * validating that data finds nothing) and is meant to be reviewed and edited by a person.
 *
 * <ul>
 *   <li>type: the column's type; a string column with more than
 *       {@link InferenceConfig#maxDomainSize()} distinct values becomes TEXT
 *   <li>presence: 1.0 (required) when no value is missing, else the observed present share
 *       rounded down to 0.01
 *   <li>numeric range: the observed closed range [min, max]; NaN allowed only if some value was
 *       missing, ±Infinity only if observed
 *   <li>categorical domain: the observed values, sorted, all required in the domain (share 1.0)
 *   <li>text length: the observed [shortest, longest]
 *   <li>id column: unique when its values are, and no range or domain (new ids fall outside
 *       any observed range)
 *   <li>label: the observed classes, sorted; the label feature itself gets no range or domain
 *   <li>rows: at least 1 (0 when inferred from an empty dataset), no upper bound
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class SpecInference {
  private SpecInference() {}

  /** Infers a spec with {@link InferenceConfig#defaults()}. */
  public static DatasetSpec infer(Dataset data) {
    return infer(data, InferenceConfig.defaults());
  }

  /**
   * Infers a spec.
   *
   * @throws IllegalArgumentException if the configured label or id column is not in the data
   */
  public static DatasetSpec infer(Dataset data, InferenceConfig config) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(config, "config");
    String label = config.labelColumn().orElse(null);
    String id = config.idColumn().orElse(null);
    if (label != null) {
      data.column(label);
    }
    if (id != null) {
      data.column(id);
    }
    DatasetSpec.Builder spec = DatasetSpec.builder()
        .rows(Math.min(1, data.rowCount()), Long.MAX_VALUE);
    for (Column column : data.columns()) {
      boolean isLabel = column.name().equals(label);
      spec.feature(feature(column, config.maxDomainSize(), isLabel, column.name().equals(id)));
    }
    if (label != null) {
      spec.label(label, distinctSorted(data.column(label)));
    }
    if (id != null) {
      spec.idColumn(id);
    }
    return spec.build();
  }

  private static FeatureSpec feature(Column column, int maxDomain, boolean isLabel, boolean isId) {
    int n = column.size();
    int missing = column.missingCount();
    FeatureType type = column.type();
    List<String> distinct = null;
    if (column instanceof CategoricalColumn || column.type() == FeatureType.TEXT) {
      distinct = distinctSorted(column);
      type = distinct.size() <= maxDomain ? FeatureType.CATEGORICAL : FeatureType.TEXT;
    }
    FeatureSpec.Builder f = FeatureSpec.builder(column.name(), type)
        .minPresence(presence(n, missing));
    // Ids and labels get no value rules: new ids fall outside any observed range, and the
    // label's classes are kept at the dataset level.
    if (!isLabel && !isId) {
      if (column instanceof NumericColumn num) {
        f.range(observedRange(num));
      } else if (type == FeatureType.CATEGORICAL && !(column instanceof BooleanColumn)) {
        f.domain(CategoricalDomain.of(distinct));
      } else if (type == FeatureType.TEXT) {
        f.length(observedLength(distinct));
      }
    }
    if (isId) {
      f.unique(isUnique(column));
    }
    return f.build();
  }

  private static double presence(int n, int missing) {
    if (missing == 0) {
      return 1.0;
    }
    return Math.floor((n - missing) * 100.0 / n) / 100.0;
  }

  private static NumericRange observedRange(NumericColumn num) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    boolean nan = false;
    for (int r = 0; r < num.size(); r++) {
      double v = num.value(r);
      if (v != v) {
        nan = true;
      } else {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    if (min > max) {
      return null; // all missing: nothing observed to bound
    }
    boolean infinite = Double.isInfinite(min) || Double.isInfinite(max);
    return new NumericRange(min, max, true, true, nan, infinite);
  }

  private static LengthBounds observedLength(List<String> distinct) {
    if (distinct.isEmpty()) {
      return null;
    }
    int min = Integer.MAX_VALUE;
    int max = 0;
    for (String s : distinct) {
      min = Math.min(min, s.length());
      max = Math.max(max, s.length());
    }
    return new LengthBounds(min, max);
  }

  private static boolean isUnique(Column column) {
    for (long count : Values.asCategorical(column).categoryCounts()) {
      if (count > 1) {
        return false;
      }
    }
    return true;
  }

  /** Returns the distinct present values of a column as text, sorted. */
  static List<String> distinctSorted(Column column) {
    CategoricalColumn cat = Values.asCategorical(column);
    long[] counts = cat.categoryCounts();
    List<String> out = new ArrayList<>();
    for (int c = 0; c < counts.length; c++) {
      if (counts[c] > 0) {
        out.add(cat.categories().get(c));
      }
    }
    out.sort(null);
    return out;
  }
}
