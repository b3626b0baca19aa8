package dev.mlops.data;

import java.util.Objects;

/**
 * A dataset divided into train, dev and test parts. Each part keeps the columns of the original
 * and its rows in their original order.
 *
 * <p>Immutable and thread-safe.
 *
 * @param train the training rows
 * @param dev the dev (validation) rows; may be empty
 * @param test the test rows; may be empty
 */
public record DatasetSplit(Dataset train, Dataset dev, Dataset test) {

  /** Checks arguments. */
  public DatasetSplit {
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(dev, "dev");
    Objects.requireNonNull(test, "test");
  }

  /** Returns one part. */
  public Dataset part(Split split) {
    return switch (split) {
      case TRAIN -> train;
      case DEV -> dev;
      case TEST -> test;
    };
  }

  /** Returns the total number of rows over the three parts. */
  public long totalRows() {
    return (long) train.rowCount() + dev.rowCount() + test.rowCount();
  }
}
