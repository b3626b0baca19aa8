package dev.mlops.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.Dataset;
import dev.mlops.data.NumericColumn;
import dev.mlops.profile.DatasetProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Every profile survives both layouts byte for byte, and the two layouts hold the same state. */
class ProfileCodecProperties {
  private static final ProfileConfig SMALL = ProfileConfig.builder().quantileAccuracy(16)
      .frequentItems(8).distinctPrecision(6).build();

  /** Values of every kind the files must carry: ±0, extremes, NaN, ±Inf, odd strings. */
  private static DatasetProfile profile(long seed, int rows) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] special = {0.0, -0.0, Double.MIN_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE,
        Double.NaN, Double.POSITIVE_INFINITY, 1e-300, 0.1, Math.PI};
    double[] x = new double[rows];
    List<String> c = new ArrayList<>();
    String[] words = {"a", "é", "\"quoted\"", "line\nbreak", "", "𝄞", "tab\t", "z"};
    for (int i = 0; i < rows; i++) {
      x[i] = r.nextInt(4) == 0 ? special[r.nextInt(special.length)] : r.nextGaussian() * 1e6;
      c.add(r.nextInt(10) == 0 ? null : words[r.nextInt(words.length)] + r.nextInt(3));
    }
    return Profiles.of(Dataset.of(NumericColumn.of("x", x), CategoricalColumn.of("c", c)), SMALL);
  }

  @Test
  void bothLayoutsRoundTripToTheByte() {
    qt().withExamples(60).forAll(longs().all(), integers().between(0, 600)).checkAssert((seed, n) -> {
      DatasetProfile p = profile(seed, n);
      String json = ProfileCodec.toJson(p);
      byte[] binary = ProfileCodec.toBinary(p);
      DatasetProfile fromJson = ProfileCodec.fromJson(json, "p.json");
      DatasetProfile fromBinary = ProfileCodec.fromBinary(binary, "p.bin");
      assertThat(ProfileCodec.toJson(fromJson)).isEqualTo(json);
      assertThat(ProfileCodec.toBinary(fromBinary)).isEqualTo(binary);
      assertThat(ProfileCodec.toBinary(fromJson)).isEqualTo(binary);
      assertThat(ProfileCodec.toJson(fromBinary)).isEqualTo(json);
    });
  }
}
