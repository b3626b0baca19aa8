package dev.mlops.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.core.data.ClassBalance;
import dev.mlops.core.data.CsvReader;
import dev.mlops.core.data.DatasetSplitter;
import dev.mlops.core.data.DatasetVersioner;
import dev.mlops.core.data.InferenceConfig;
import dev.mlops.core.data.Rebalancing;
import dev.mlops.core.data.SpecInference;
import dev.mlops.core.data.SpecJson;
import dev.mlops.core.data.SpecValidator;
import dev.mlops.data.BalanceReport;
import dev.mlops.data.Dataset;
import dev.mlops.data.DatasetSpec;
import dev.mlops.data.DatasetSplit;
import dev.mlops.data.DatasetVersion;
import dev.mlops.data.Record;
import dev.mlops.data.SplitFractions;
import dev.mlops.data.ValidationReport;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  @Test
  void readmeDataExampleAsWritten(@TempDir Path dir) throws Exception {
    Dataset data;
    try (Reader in = new InputStreamReader(getClass().getResourceAsStream(
        "/dev/mlops/cli/datasets/breast_cancer_wisconsin.csv"), StandardCharsets.UTF_8)) {
      data = CsvReader.defaults().read(in, "breast_cancer_wisconsin.csv");
    }
    Record record = data.row(0);
    Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    // README: data, as printed (spec.json under the test's temp folder)
    DatasetSpec spec = SpecInference.infer(data,
        InferenceConfig.builder().labelColumn("diagnosis").idColumn("id").build());
    SpecJson.write(spec, dir.resolve("spec.json"));              // versioned JSON: review, edit, commit
    SpecValidator validator = SpecValidator.of(SpecJson.read(dir.resolve("spec.json")));
    ValidationReport report = validator.validate(data);     // every violation with example rows
    ValidationReport one = validator.validate(record);      // per prediction, no allocation when valid
    DatasetVersion version = DatasetVersioner.of(clock)
        .version(data, spec, "data.csv", "nightly-job", Map.of());   // sha256 digest + spec hash
    DatasetSplit split = DatasetSplitter.stratified(data, "diagnosis", SplitFractions.defaults(), 42L);
    BalanceReport balance = ClassBalance.balance(split, "diagnosis");
    Map<String, Double> weights = Rebalancing.classWeights(data, "diagnosis");

    assertThat(report.valid()).isTrue();
    assertThat(one.valid()).isTrue();
    // the bundled file's digest, as the demo prints it
    assertThat(version.digest()).isEqualTo("sha256:a271dce7bfbdd3a83c618044600ac12bd0328db6f1f9cdc76c635c0ba34be457");
    assertThat(balance.largestDeviation()).isLessThan(0.01);
    // sklearn's balanced weights: n / (k * count): 569 / (2 * 357) and 569 / (2 * 212)
    assertThat(weights.get("benign")).isCloseTo(569.0 / 714, within(1e-12));
    assertThat(weights.get("malignant")).isCloseTo(569.0 / 424, within(1e-12));
  }
}
