package dev.mlops.cli.demo;

import dev.mlops.core.data.CsvReader;
import dev.mlops.data.Column;
import dev.mlops.data.Dataset;
import dev.mlops.data.FeatureType;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Reads the bundled Breast Cancer Wisconsin CSV and prints its shape and column types. */
final class LoadDatasetStep implements DemoStep {
  static final String RESOURCE = "/dev/mlops/cli/datasets/breast_cancer_wisconsin.csv";

  @Override
  public String title() {
    return "Data: read the bundled Breast Cancer Wisconsin (Diagnostic) dataset";
  }

  @Override
  public void run(DemoContext context) throws Exception {
    Dataset data;
    try (InputStream in = Objects.requireNonNull(
            LoadDatasetStep.class.getResourceAsStream(RESOURCE), RESOURCE);
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      data = CsvReader.defaults().read(reader, "breast_cancer_wisconsin.csv");
    }
    context.put(DemoContext.DATASET, data);
    var out = context.out();
    out.printf("%s: %d rows x %d columns (UCI, CC BY 4.0)%n",
        data.name(), data.rowCount(), data.columnCount());
    Map<FeatureType, Integer> byType = new EnumMap<>(FeatureType.class);
    for (Column c : data.columns()) {
      byType.merge(c.type(), 1, Integer::sum);
    }
    out.printf("column types: %s%n", byType);
    Map<String, Integer> labels = new TreeMap<>();
    var diagnosis = data.categorical("diagnosis");
    long[] counts = diagnosis.categoryCounts();
    for (int code = 0; code < counts.length; code++) {
      labels.put(diagnosis.categories().get(code), (int) counts[code]);
    }
    out.printf("label 'diagnosis': %s%n", labels);
  }
}
