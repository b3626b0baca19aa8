package dev.mlops.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.DataFormatException;
import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.Dataset;
import dev.mlops.data.NumericColumn;
import dev.mlops.profile.DatasetProfile;
import dev.mlops.profile.NumericProfile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileCodecTest {

  /** Large enough that the sketch compacts and the categories overflow the counters. */
  private static DatasetProfile sample() {
    SplittableRandom r = new SplittableRandom(3);
    double[] x = new double[5000];
    List<String> c = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      x[i] = i % 50 == 0 ? Double.NaN : r.nextGaussian();
      c.add(i % 7 == 0 ? null : "k" + r.nextInt(300));
    }
    x[7] = Double.NEGATIVE_INFINITY;
    return Profiles.of(Dataset.of(NumericColumn.of("x", x), CategoricalColumn.of("c é", c),
        NumericColumn.of("empty", Double.NaN, Double.NaN).withName("empty").select(new int[5000])));
  }

  @Test
  void jsonRoundTripsToTheByte() {
    String json = ProfileCodec.toJson(sample());
    assertThat(json).startsWith("{\"format\":\"mlops-profile\",\"version\":1,");
    assertThat(ProfileCodec.toJson(ProfileCodec.fromJson(json, "p.json"))).isEqualTo(json);
  }

  @Test
  void binaryRoundTripsToTheByteAndHoldsTheSameStateAsJson() {
    DatasetProfile p = sample();
    byte[] bytes = ProfileCodec.toBinary(p);
    DatasetProfile back = ProfileCodec.fromBinary(bytes, "p.bin");
    assertThat(ProfileCodec.toBinary(back)).isEqualTo(bytes);
    assertThat(ProfileCodec.toJson(back)).isEqualTo(ProfileCodec.toJson(p));
    assertThat(bytes.length).isLessThan(ProfileCodec.toJson(p).length());
    NumericProfile x = (NumericProfile) back.find("x").orElseThrow();
    assertThat(x.rankError()).isPositive();
    assertThat(x.quantile(0.3)).isEqualTo(((NumericProfile) p.find("x").orElseThrow()).quantile(0.3));
  }

  @Test
  void filesAreWrittenAtomicallyAndReadInEitherLayout(@TempDir Path dir) {
    DatasetProfile p = sample();
    Path json = dir.resolve("p.json");
    Path bin = dir.resolve("p.bin");
    ProfileCodec.write(p, json, ProfileCodec.Format.JSON);
    ProfileCodec.write(p, bin, ProfileCodec.Format.BINARY);
    assertThat(ProfileCodec.looksLikeProfile(json)).isTrue();
    assertThat(ProfileCodec.looksLikeProfile(bin)).isTrue();
    assertThat(ProfileCodec.toJson(ProfileCodec.read(json))).isEqualTo(ProfileCodec.toJson(p));
    assertThat(ProfileCodec.toJson(ProfileCodec.read(bin))).isEqualTo(ProfileCodec.toJson(p));
    assertThat(dir.toFile().list()).containsExactlyInAnyOrder("p.json", "p.bin");
  }

  @Test
  void aCsvFileIsNotAProfile(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("d.csv");
    Files.writeString(csv, "a,b\n1,2\n");
    assertThat(ProfileCodec.looksLikeProfile(csv)).isFalse();
  }

  @Test
  void aNewerVersionIsRefusedByName() {
    String json = ProfileCodec.toJson(sample()).replace("\"version\":1", "\"version\":2");
    assertThatThrownBy(() -> ProfileCodec.fromJson(json, "p.json"))
        .isInstanceOf(DataFormatException.class)
        .hasMessage("p.json: profile version 2 is not supported; this reader knows versions 1 to 1");
  }

  @Test
  void brokenJsonNamesLineAndColumn() {
    assertThatThrownBy(() -> ProfileCodec.fromJson("{\n \"format\": ]", "p.json"))
        .isInstanceOf(DataFormatException.class)
        .hasMessageStartingWith("p.json, line 2, column 12: not JSON: Unexpected character (']' (code 93))");
  }

  @Test
  void aMissingFieldIsNamedWithItsColumn() {
    String json = ProfileCodec.toJson(sample()).replaceFirst("\"infinite\":1,", "");
    assertThatThrownBy(() -> ProfileCodec.fromJson(json, "p.json"))
        .isInstanceOf(DataFormatException.class)
        .hasMessage("p.json ('x'): field 'infinite' is missing");
  }

  @Test
  void inconsistentCountsAreRefused() {
    String json = ProfileCodec.toJson(sample()).replaceFirst("\"count\":5000,\"missing\":100",
        "\"count\":5000,\"missing\":99");
    assertThatThrownBy(() -> ProfileCodec.fromJson(json, "p.json"))
        .isInstanceOf(DataFormatException.class)
        .hasMessage("p.json ('x'): sketch items weigh 4899 in all but the sketch counts 4900 values");
  }

  @Test
  void aTruncatedBinaryFileSaysSo() {
    byte[] bytes = ProfileCodec.toBinary(sample());
    assertThatThrownBy(() -> ProfileCodec.fromBinary(Arrays.copyOf(bytes, bytes.length - 10), "p.bin"))
        .isInstanceOf(DataFormatException.class)
        .hasMessage("p.bin: the profile ends early (truncated file?)");
    assertThatThrownBy(() -> ProfileCodec.fromBinary("MLPX".getBytes(StandardCharsets.US_ASCII), "p.bin"))
        .hasMessage("p.bin: not a binary profile: it does not start with the bytes MLPF");
  }

  @Test
  void aJsonFileOfAnotherFormatIsNotAProfile() {
    assertThatThrownBy(() -> ProfileCodec.fromJson("{\"datasetDrift\": true}", "r.json"))
        .isInstanceOf(DataFormatException.class)
        .hasMessage("r.json: not a profile: expected a JSON object with \"format\": \"mlops-profile\"");
  }
}
