package dev.mlops.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.data.CsvReader;
import dev.mlops.data.Dataset;
import dev.mlops.data.FeatureType;
import dev.mlops.scoping.KeyMetrics;
import dev.mlops.scoping.Objectives;
import java.io.StringReader;
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
