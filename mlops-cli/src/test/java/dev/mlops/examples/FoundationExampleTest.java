package dev.mlops.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.data.CsvReader;
import dev.mlops.data.Dataset;
import dev.mlops.data.FeatureType;
import dev.mlops.scoping.KeyMetrics;
import dev.mlops.scoping.Measurement;
import dev.mlops.scoping.ObjectiveVerdict;
import dev.mlops.scoping.Objectives;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's "Scoping" and "Reading data" examples, kept compiling and true. */
class FoundationExampleTest {

  @Test
  void scopingAndReadingData() {
    // README: scoping
    Objectives goals = Objectives.builder()
        .atLeast(KeyMetrics.ACCURACY, 0.95)
        .atMost(KeyMetrics.LATENCY_P99_MS, 50)
        .atLeast(KeyMetrics.THROUGHPUT_QPS, 200)
        .build();
    boolean good = goals.allMet(Map.of("accuracy", 0.97, "latency.p99.ms", 31.0, "throughput.qps", 450.0));

    // README: gates
    Objectives gates = Objectives.builder()
        .atMostRelative(KeyMetrics.LATENCY_P99_MS, 1.2, 500)   // <= 1.2 x primary, on 500 requests
        .atLeastRelative(KeyMetrics.ACCURACY, -0.01, 200)      // >= primary - 0.01, on 200 labels
        .build();
    List<ObjectiveVerdict> verdicts = gates.verdicts(
        Map.of("latency.p99.ms", Measurement.of(61, 800), "accuracy", Measurement.of(0.93, 150)),
        Map.of("latency.p99.ms", Measurement.of(50, 900), "accuracy", Measurement.of(0.92, 900)));
    assertThat(verdicts).extracting(ObjectiveVerdict::reason).containsExactly(
        "latency.p99.ms: FAIL, 61.0 (n=800) > 60.0 (1.2 x baseline 50.0, n=900)",
        "accuracy: inconclusive, 150 samples, needs 200 (value 0.93); threshold >= 0.91");

    // README: reading data
    Dataset data = CsvReader.builder()
        .type("zip", FeatureType.CATEGORICAL)          // declare what inference would get wrong
        .build()
        .read(new StringReader("zip,amount,fraud\n0042,12.5,false\n1000,,true\n"), "payments.csv");
    double amount = data.row(1).getDouble("amount");    // NaN: an empty cell is missing

    assertThat(good).isTrue();
    assertThat(data.column("fraud").type()).isEqualTo(FeatureType.BOOLEAN);
    assertThat(data.row(0).get("zip")).isEqualTo("0042");
    assertThat(amount).isNaN();
  }
}
