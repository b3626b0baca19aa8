package dev.mlops.data;

import java.util.List;

/** A live, read-only view of one row of an immutable dataset. */
final class DatasetRow implements Record {
  private final Dataset dataset;
  private final int row;

  DatasetRow(Dataset dataset, int row) {
    this.dataset = dataset;
    this.row = row;
  }

  @Override
  public List<String> featureNames() {
    return dataset.columnNames();
  }

  @Override
  public boolean has(String feature) {
    return dataset.find(feature).isPresent();
  }

  @Override
  public Object get(String feature) {
    return dataset.column(feature).get(row);
  }

  @Override
  public double getDouble(String feature) {
    Column c = dataset.column(feature);
    if (c instanceof NumericColumn n) {
      return n.value(row);
    }
    return Record.super.getDouble(feature);
  }

  @Override
  public String toString() {
    return "Record(row " + row + ")" + toMap();
  }
}
