package dev.mlops.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.Dataset;
import dev.mlops.data.DatasetVersion;
import dev.mlops.data.FeatureType;
import dev.mlops.data.NumericColumn;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatasetFingerprintTest {
  private final Dataset data = SpecValidatorTest.clean();

  private Dataset reversed(Dataset d) {
    int[] rows = new int[d.rowCount()];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = rows.length - 1 - i;
    }
    return d.selectRows(rows);
  }

  @Test
  void orderedDigestDependsOnRowOrderUnorderedDoesNot() {
    assertThat(DatasetFingerprint.ordered(data)).isNotEqualTo(DatasetFingerprint.ordered(reversed(data)));
    assertThat(DatasetFingerprint.unordered(data)).isEqualTo(DatasetFingerprint.unordered(reversed(data)));
    assertThat(DatasetFingerprint.ordered(data)).isNotEqualTo(DatasetFingerprint.unordered(data))
        .matches("sha256:[0-9a-f]{64}");
  }

  @Test
  void equalContentGivesEqualDigestsWhateverTheName() {
    Dataset copy = SpecValidatorTest.clean().withName("another name");
    assertThat(DatasetFingerprint.ordered(copy)).isEqualTo(DatasetFingerprint.ordered(data));
    assertThat(DatasetFingerprint.unordered(copy)).isEqualTo(DatasetFingerprint.unordered(data));
  }

  @Test
  void oneChangedCellChangesBothDigests() {
    double[] x = data.numeric("x").toArray();
    x[7] = Math.nextUp(x[7]);
    Dataset changed = data.withColumn(NumericColumn.of("x", x));
    assertThat(DatasetFingerprint.ordered(changed)).isNotEqualTo(DatasetFingerprint.ordered(data));
    assertThat(DatasetFingerprint.unordered(changed)).isNotEqualTo(DatasetFingerprint.unordered(data));
  }

  @Test
  void duplicatedRowChangesTheUnorderedDigest() {
    int[] rows = new int[data.rowCount() + 1];
    for (int i = 0; i < data.rowCount(); i++) {
      rows[i] = i;
    }
    rows[data.rowCount()] = 0;
    assertThat(DatasetFingerprint.unordered(data.selectRows(rows)))
        .isNotEqualTo(DatasetFingerprint.unordered(data));
  }

  @Test
  void typesAndColumnNamesAreCovered() {
    Dataset a = Dataset.of(CategoricalColumn.of("c", "1", "2"));
    Dataset b = Dataset.of(NumericColumn.of("c", FeatureType.INTEGER, 1, 2));
    Dataset c = Dataset.of(CategoricalColumn.of("d", "1", "2"));
    assertThat(DatasetFingerprint.ordered(a)).isNotEqualTo(DatasetFingerprint.ordered(b))
        .isNotEqualTo(DatasetFingerprint.ordered(c));
    Dataset missing = Dataset.of(CategoricalColumn.of("c", null, "2"));
    Dataset empty = Dataset.of(CategoricalColumn.of("c", "", "2"));
    assertThat(DatasetFingerprint.ordered(missing)).isNotEqualTo(DatasetFingerprint.ordered(empty));
  }

  @Test
  void versionCarriesDigestSpecHashAndMetadata() {
    Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    DatasetVersion v = DatasetVersioner.of(clock).version(data, SpecValidatorTest.inferred(),
        "data/clean.csv", "nightly-job", Map.of("team", "risk"));
    assertThat(v.name()).isEqualTo("clean");
    assertThat(v.digest()).isEqualTo(DatasetFingerprint.ordered(data));
    assertThat(v.orderSensitive()).isTrue();
    assertThat(v.specHash()).contains(SpecJson.hash(SpecValidatorTest.inferred()));
    assertThat(v.rowCount()).isEqualTo(20);
    assertThat(v.createdAt()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
    assertThat(v.source()).isEqualTo("data/clean.csv");
    assertThat(v.producer()).isEqualTo("nightly-job");
    assertThat(v.tags()).containsEntry("team", "risk");
    DatasetVersion unordered = DatasetVersioner.of(clock, false)
        .version(reversed(data), "s", "p", Map.of());
    assertThat(unordered.digest()).isEqualTo(DatasetFingerprint.unordered(data));
    assertThat(unordered.specHash()).isEmpty();
  }
}
