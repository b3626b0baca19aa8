package dev.mlops.cli.feedback;

import dev.mlops.core.data.CsvReader;
import dev.mlops.data.Dataset;
import dev.mlops.data.FeatureType;
import dev.mlops.data.Record;
import dev.mlops.feedback.GroundTruth;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads a CSV of delayed labels: an id column and a label column, both read as text. */
final class LabelsFile {
  private LabelsFile() {}

  /**
   * Reads the labels in file order (the arrival order: a later row for the same id wins).
   *
   * @throws IllegalArgumentException naming the file and the missing column
   */
  static List<GroundTruth> read(Path file, String idColumn, String labelColumn, Instant arrivedAt) {
    Dataset data = CsvReader.builder().type(idColumn, FeatureType.CATEGORICAL)
        .type(labelColumn, FeatureType.CATEGORICAL).build().read(file);
    for (String c : List.of(idColumn, labelColumn)) {
      if (data.find(c).isEmpty()) {
        throw new IllegalArgumentException(
            file + ": no column '" + c + "'; columns: " + data.columnNames());
      }
    }
    List<GroundTruth> out = new ArrayList<>(data.rowCount());
    for (int i = 0; i < data.rowCount(); i++) {
      Record r = data.row(i);
      String id = r.getString(idColumn);
      String label = r.getString(labelColumn);
      if (id == null || id.isBlank() || label == null) {
        throw new IllegalArgumentException(file + ":" + (i + 2) + ": '" + idColumn + "' and '"
            + labelColumn + "' must not be empty");
      }
      out.add(new GroundTruth(id, label, arrivedAt));
    }
    return out;
  }
}
