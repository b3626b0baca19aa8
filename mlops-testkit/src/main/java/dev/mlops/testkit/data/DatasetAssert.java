package dev.mlops.testkit.data;

import dev.mlops.data.Column;
import dev.mlops.data.Dataset;
import dev.mlops.data.FeatureType;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on a {@link Dataset}; start with
 * {@link dev.mlops.testkit.MlopsAssertions#assertThat(Dataset)}. Not thread-safe (one per
 * assertion chain).
 */
public final class DatasetAssert extends AbstractAssert<DatasetAssert, Dataset> {

  /** Creates assertions on {@code actual}. */
  public DatasetAssert(Dataset actual) {
    super(actual, DatasetAssert.class);
  }

  /** Verifies the number of rows. */
  public DatasetAssert hasRowCount(int expected) {
    isNotNull();
    if (actual.rowCount() != expected) {
      failWithMessage("Expected dataset '%s' to have %d rows but it has %d",
          actual.name(), expected, actual.rowCount());
    }
    return this;
  }

  /** Verifies the column names, in order. */
  public DatasetAssert hasColumns(String... expected) {
    isNotNull();
    if (!actual.columnNames().equals(List.of(expected))) {
      failWithMessage("Expected dataset '%s' to have columns %s but it has %s",
          actual.name(), List.of(expected), actual.columnNames());
    }
    return this;
  }

  /** Verifies that a column exists with a type. */
  public DatasetAssert hasColumnOfType(String column, FeatureType expected) {
    isNotNull();
    Optional<Column> c = actual.find(column);
    if (c.isEmpty()) {
      failWithMessage("Expected dataset '%s' to have column '%s' but it has %s",
          actual.name(), column, actual.columnNames());
    } else if (c.get().type() != expected) {
      failWithMessage("Expected column '%s' of dataset '%s' to be %s but it is %s",
          column, actual.name(), expected, c.get().type());
    }
    return this;
  }

  /** Verifies that a column has no missing value. */
  public DatasetAssert hasNoMissingValuesIn(String column) {
    hasColumn(column);
    Column c = actual.column(column);
    if (c.missingCount() > 0) {
      int first = 0;
      while (!c.isMissing(first)) {
        first++;
      }
      failWithMessage("Expected no missing values in column '%s' but found %d, first at row %d",
          column, c.missingCount(), first);
    }
    return this;
  }

  private void hasColumn(String column) {
    isNotNull();
    if (actual.find(column).isEmpty()) {
      failWithMessage("Expected dataset '%s' to have column '%s' but it has %s",
          actual.name(), column, actual.columnNames());
    }
  }
}
