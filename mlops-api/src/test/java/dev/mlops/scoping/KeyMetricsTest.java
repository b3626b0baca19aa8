package dev.mlops.scoping;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

class KeyMetricsTest {

  @Test
  void mapsNamesToMeters() {
    assertThat(KeyMetrics.meterName(KeyMetrics.LATENCY_P99_MS)).isEqualTo("mlops.latency");
    assertThat(KeyMetrics.meterName(KeyMetrics.LATENCY_P50_MS)).isEqualTo("mlops.latency");
    assertThat(KeyMetrics.meterName(KeyMetrics.ERROR_RATE)).isEqualTo("mlops.error.rate");
    assertThat(KeyMetrics.meterName(KeyMetrics.THROUGHPUT_QPS)).isEqualTo("mlops.throughput.qps");
    assertThat(KeyMetrics.meterName("r2")).isEqualTo("mlops.r2");
  }

  @Test
  void taggedKeysAreSafeForStoresWithoutTags() {
    assertThat(KeyMetrics.taggedKey(KeyMetrics.RECALL, KeyMetrics.TAG_CLASS, "Malignant tumour"))
        .isEqualTo("recall.class.malignant_tumour");
    // Turkish dotted capital I must not become a non-ASCII letter
    assertThat(KeyMetrics.taggedKey("precision", "class", "ISTANBUL"))
        .isEqualTo("precision.class.istanbul");
  }

  @Test
  void everyNameIsAValidObjectiveMetric() throws IllegalAccessException {
    for (Field f : KeyMetrics.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && !f.getName().startsWith("TAG_")
          && !f.getName().equals("METER_PREFIX")) {
        String name = (String) f.get(null);
        assertThat(Objective.atLeast(name, 0).metric()).isEqualTo(name);
      }
    }
  }
}
