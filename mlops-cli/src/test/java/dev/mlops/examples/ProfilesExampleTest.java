package dev.mlops.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.core.drift.ProfileDriftDetector;
import dev.mlops.core.profile.ProfileBuilder;
import dev.mlops.core.profile.ProfileCodec;
import dev.mlops.core.profile.ProfileConfig;
import dev.mlops.core.profile.Profiles;
import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.Dataset;
import dev.mlops.data.FeatureType;
import dev.mlops.data.NumericColumn;
import dev.mlops.data.Record;
import dev.mlops.profile.DatasetProfile;
import dev.mlops.profile.NumericProfile;
import dev.mlops.profile.ProfileDrift;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example of docs/profiles.md, kept compiling and true. */
class ProfilesExampleTest {

  @Test
  void profiles(@TempDir Path dir) {
    Dataset training = Dataset.of(
        NumericColumn.of("minutes", 12, 15, 11, 14, 13, 12, 16, 15, 13, 14),
        CategoricalColumn.of("zone", "n", "s", "n", "n", "s", "n", "s", "n", "s", "n"));
    Path file = dir.resolve("training.json");

    // docs: profiles
    DatasetProfile reference = Profiles.of(training);               // a dataset, column by column
    ProfileCodec.write(reference, file, ProfileCodec.Format.JSON);  // or BINARY; atomic

    Map<String, FeatureType> schema = new LinkedHashMap<>();
    schema.put("minutes", FeatureType.NUMERIC);
    schema.put("zone", FeatureType.CATEGORICAL);
    ProfileBuilder host1 = Profiles.builder(schema, ProfileConfig.defaults());
    ProfileBuilder host2 = Profiles.builder(schema, ProfileConfig.defaults());
    host1.update(Record.of(Map.of("minutes", 25, "zone", "n")));   // one record at a time
    host2.update(Record.of(Map.of("minutes", 27, "zone", "e")));
    DatasetProfile today = host1.build().merge(host2.build());      // exact counts

    ProfileDrift drift = ProfileDriftDetector.defaults()
        .detect(ProfileCodec.read(file), today);                    // BatchDriftConfig rules
    NumericProfile minutes = (NumericProfile) today.find("minutes").orElseThrow();
    double median = minutes.quantile(0.5);                          // 26.0

    assertThat(today.rowCount()).isEqualTo(2);
    assertThat(median).isEqualTo(26.0);
    assertThat(drift.report().columns().get(0).drifted()).isTrue();
    assertThat(drift.report().columns().get(1).newCategories()).containsExactly("e");
    assertThat(drift.bound("minutes").orElseThrow().exact()).isTrue();
  }
}
