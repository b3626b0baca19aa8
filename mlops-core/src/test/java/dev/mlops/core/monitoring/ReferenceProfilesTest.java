package dev.mlops.core.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.DataFormatException;
import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.Dataset;
import dev.mlops.data.NumericColumn;
import dev.mlops.monitoring.FeatureProfile;
import dev.mlops.monitoring.ReferenceProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceProfilesTest {

  @Test
  void numericColumnsGetQuantileBinsAndCategoricalOnesTheirCategories() {
    double[] values = new double[100];
    for (int i = 0; i < 100; i++) {
      values[i] = i;
    }
    Dataset data = Dataset.of(NumericColumn.of("x", values),
        CategoricalColumn.of("c", java.util.Collections.nCopies(100, "a")));
    ReferenceProfile p = ReferenceProfiles.of(data, 4);
    FeatureProfile x = p.feature("x").orElseThrow();
    // numpy.quantile(range(100), [0.25, 0.5, 0.75]) = 24.75, 49.5, 74.25
    assertThat(x.cutPoints()).containsExactly(24.75, 49.5, 74.25);
    assertThat(x.shares()).containsExactly(0.25, 0.25, 0.25, 0.25);
    FeatureProfile c = p.feature("c").orElseThrow();
    assertThat(c.categories()).containsExactly("a");
    assertThat(c.shares()).containsExactly(1.0, 0.0);
  }

  @Test
  void psiOfTheReferenceAgainstItselfIsZeroAndGrowsWithTheShift() {
    List<Double> ref = List.of(0.25, 0.25, 0.25, 0.25);
    assertThat(Psi.of(ref, new long[] {25, 25, 25, 25})).isZero();
    // (0.4-0.25)ln(0.4/0.25)*2 + (0.1-0.25)ln(0.1/0.25)*2
    double expected = 2 * 0.15 * Math.log(1.6) + 2 * 0.15 * Math.log(2.5);
    assertThat(Psi.of(ref, new long[] {40, 40, 10, 10})).isCloseTo(expected, within(1e-12));
    assertThat(Psi.of(ref, new long[] {0, 0, 0, 0})).isNaN();
  }

  @Test
  void jsonRoundTripsExactly(@TempDir Path dir) {
    ReferenceProfile p = new ReferenceProfile(List.of(
        new FeatureProfile("x", List.of(0.1, 1.0 / 3), List.of(), List.of(0.2, 0.5, 0.3)),
        new FeatureProfile("c", List.of(), List.of("a", "b"), List.of(0.6, 0.4, 0.0))));
    Path file = dir.resolve("profile.json");
    ReferenceProfileJson.write(p, file);
    assertThat(ReferenceProfileJson.read(file)).isEqualTo(p);
  }

  @Test
  void aBrokenProfileNamesTheFileAndFeature(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad.json");
    Files.writeString(file, "{\"formatVersion\":1,\"features\":[{\"feature\":\"x\","
        + "\"cutPoints\":[2,1],\"categories\":[],\"shares\":[0.5,0.5,0]}]}");
    assertThatThrownBy(() -> ReferenceProfileJson.read(file))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("'x'")
        .hasMessageContaining("strictly ascending");
    Files.writeString(file, "{\"formatVersion\":9,\"features\":[]}");
    assertThatThrownBy(() -> ReferenceProfileJson.read(file))
        .hasMessageContaining("formatVersion 9 is newer than this release reads (1)");
  }
}
