package dev.mlops.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.data.ClassBalance;
import dev.mlops.core.data.CsvReader;
import dev.mlops.core.data.DatasetSplitter;
import dev.mlops.core.data.InferenceConfig;
import dev.mlops.core.data.SpecInference;
import dev.mlops.core.data.SpecJson;
import dev.mlops.core.data.SpecValidator;
import dev.mlops.data.Dataset;
import dev.mlops.data.DatasetSpec;
import dev.mlops.data.DatasetSplit;
import dev.mlops.data.Record;
import dev.mlops.data.SplitFractions;
import dev.mlops.data.ValidationReport;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The data example of docs/data.md, compiled and checked. */
class DataExampleTest {

  @Test
  void inferValidateAndSplit() throws Exception {
    Dataset data;
    try (Reader in = new InputStreamReader(getClass().getResourceAsStream(
        "/dev/mlops/cli/datasets/breast_cancer_wisconsin.csv"), StandardCharsets.UTF_8)) {
      data = CsvReader.defaults().read(in, "breast_cancer_wisconsin.csv");
    }
    // --- example start
    DatasetSpec spec = SpecInference.infer(data,
        InferenceConfig.builder().labelColumn("diagnosis").idColumn("id").build());
    String json = SpecJson.write(spec);                       // review, edit, commit
    SpecValidator validator = SpecValidator.of(SpecJson.read(json, "spec.json"));

    ValidationReport report = validator.validate(data);       // whole dataset
    ValidationReport request = validator.validate(Record.of(Map.of(
        "id", 9001, "mean_radius", 250.0)));                   // one serving request

    DatasetSplit split = DatasetSplitter.stratified(
        data, "diagnosis", SplitFractions.defaults(), 42L);
    var balance = ClassBalance.balance(split, "diagnosis");
    // --- example end
    assertThat(report.valid()).isTrue();
    assertThat(request.violationsOf("mean_radius")).hasSize(1);
    assertThat(split.test().rowCount()).isEqualTo(57);
    assertThat(balance.largestDeviation()).isLessThan(0.01);
  }
}
