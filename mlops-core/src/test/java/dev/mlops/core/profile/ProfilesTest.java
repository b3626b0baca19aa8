package dev.mlops.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlops.data.BooleanColumn;
import dev.mlops.data.CategoricalColumn;
import dev.mlops.data.Dataset;
import dev.mlops.data.FeatureType;
import dev.mlops.data.NumericColumn;
import dev.mlops.data.Record;
import dev.mlops.data.TimestampColumn;
import dev.mlops.profile.CategoricalProfile;
import dev.mlops.profile.DatasetProfile;
import dev.mlops.profile.ItemCount;
import dev.mlops.profile.NumericProfile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ProfilesTest {

  private static final Dataset SMALL = Dataset.of(
      NumericColumn.of("x", 1, 2, Double.NaN, 4, Double.POSITIVE_INFINITY, -0.0),
      CategoricalColumn.of("city", "a", "b", "a", null, "c", "a"),
      BooleanColumn.of("flag", true, false, null, true, true, true));

  @Test
  void profilesEveryColumnOfADataset() {
    DatasetProfile p = Profiles.of(SMALL);
    assertThat(p.rowCount()).isEqualTo(6);
    assertThat(p.columnNames()).containsExactly("x", "city", "flag");

    NumericProfile x = (NumericProfile) p.find("x").orElseThrow();
    assertThat(x.count()).isEqualTo(6);
    assertThat(x.missingCount()).isEqualTo(1);
    assertThat(x.infiniteCount()).isEqualTo(1);
    assertThat(x.finiteCount()).isEqualTo(4);
    assertThat(x.min()).isEqualTo(0.0);
    assertThat(Double.doubleToRawLongBits(x.min())).as("-0.0 counts as 0.0").isZero();
    assertThat(x.max()).isEqualTo(4.0);
    // numpy: mean([1, 2, 4, 0]) = 1.75, var(ddof=0) = 2.1875
    assertThat(x.mean()).isEqualTo(1.75);
    assertThat(x.variance()).isCloseTo(2.1875, within(1e-15));
    assertThat(x.quantile(0.5)).isEqualTo(1.5);
    assertThat(x.cdf(2)).isEqualTo(0.75);
    assertThat(x.rankError()).isZero();
    assertThat(x.smallDomain()).hasValue(Map.of(0.0, 1L, 1.0, 1L, 2.0, 1L, 4.0, 1L));

    CategoricalProfile city = (CategoricalProfile) p.find("city").orElseThrow();
    assertThat(city.missingCount()).isEqualTo(1);
    assertThat(city.frequentItems()).containsExactly(
        new ItemCount("a", 3), new ItemCount("b", 1), new ItemCount("c", 1));
    assertThat(city.otherCount()).isZero();
    assertThat(city.exact()).isTrue();
    assertThat(city.distinctCount()).isEqualTo(3.0);
    CategoricalProfile flag = (CategoricalProfile) p.find("flag").orElseThrow();
    assertThat(flag.type()).isEqualTo(FeatureType.BOOLEAN);
    assertThat(flag.frequentItems()).containsExactly(
        new ItemCount("true", 4), new ItemCount("false", 1));
  }

  @Test
  void recordByRecordGivesTheSameProfileAsTheDataset() {
    ProfileBuilder b = Profiles.builder(SMALL, ProfileConfig.defaults());
    for (Record r : SMALL.rows()) {
      b.update(r);
    }
    assertThat(ProfileCodec.toJson(b.build())).isEqualTo(ProfileCodec.toJson(Profiles.of(SMALL)));
  }

  @Test
  void aFeatureMissingFromARecordCountsAsMissing() {
    Map<String, FeatureType> schema = new LinkedHashMap<>();
    schema.put("x", FeatureType.NUMERIC);
    schema.put("s", FeatureType.CATEGORICAL);
    ProfileBuilder b = Profiles.builder(schema, ProfileConfig.defaults());
    b.update(Record.of(Map.of("x", 3)));
    b.update(Record.of(Map.of("s", "k")));
    DatasetProfile p = b.build();
    assertThat(p.find("x").orElseThrow().missingCount()).isEqualTo(1);
    assertThat(p.find("s").orElseThrow().missingCount()).isEqualTo(1);
    assertThat(b.rowCount()).isEqualTo(2);
  }

  @Test
  void aWordInANumericFeatureIsATypedErrorAndChangesNothing() {
    Map<String, FeatureType> schema = new LinkedHashMap<>();
    schema.put("s", FeatureType.CATEGORICAL);
    schema.put("x", FeatureType.NUMERIC);
    ProfileBuilder b = Profiles.builder(schema, ProfileConfig.defaults());
    Map<String, Object> bad = new HashMap<>();
    bad.put("s", "k");
    bad.put("x", "twelve");
    assertThatThrownBy(() -> b.update(Record.of(bad)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("feature 'x' is profiled as numeric but the record holds String 'twelve'");
    assertThat(b.build().find("s").orElseThrow().count()).isZero();
  }

  @Test
  void timestampsAreProfiledAsEpochMilliseconds() {
    Dataset d = Dataset.of(TimestampColumn.of("t", Instant.ofEpochMilli(1000), null,
        Instant.ofEpochMilli(3000)));
    NumericProfile t = (NumericProfile) Profiles.of(d).find("t").orElseThrow();
    assertThat(t.type()).isEqualTo(FeatureType.TIMESTAMP);
    assertThat(t.mean()).isEqualTo(2000.0);
    assertThat(t.missingCount()).isEqualTo(1);
  }

  @Test
  void aColumnWithManyValuesKeepsItsTopItemsAndCountsTheRestAsOther() {
    List<String> values = new ArrayList<>();
    SplittableRandom r = new SplittableRandom(1);
    for (int i = 0; i < 20_000; i++) {
      // "hot" 30% of the time, else one of 5000 rare values
      values.add(r.nextDouble() < 0.3 ? "hot" : "v" + r.nextInt(5000));
    }
    DatasetProfile p = Profiles.of(Dataset.of(CategoricalColumn.of("c", values)),
        ProfileConfig.builder().frequentItems(16).build());
    CategoricalProfile c = (CategoricalProfile) p.find("c").orElseThrow();
    long hot = values.stream().filter("hot"::equals).count();
    assertThat(c.frequentItems().get(0).item()).isEqualTo("hot");
    assertThat(c.frequentItems().get(0).count()).isBetween(hot - c.maxCountError(), hot);
    assertThat(c.frequentItems()).hasSizeLessThanOrEqualTo(16);
    long listed = c.frequentItems().stream().mapToLong(ItemCount::count).sum();
    assertThat(listed + c.otherCount()).isEqualTo(20_000);
    assertThat(c.exact()).isFalse();
    long distinct = values.stream().distinct().count();
    assertThat(c.distinctCount()).isCloseTo(distinct, within(distinct * 4 * c.distinctRelativeError()));
  }

  @Test
  void aNumericColumnWithManyValuesDropsItsSmallDomain() {
    double[] v = new double[100];
    for (int i = 0; i < v.length; i++) {
      v[i] = i;
    }
    NumericProfile x = (NumericProfile) Profiles.of(Dataset.of(NumericColumn.of("x", v)))
        .find("x").orElseThrow();
    assertThat(x.smallDomain()).isEmpty();
    assertThat(x.quantile(0.25)).isEqualTo(24.75);
  }

  @Test
  void quantileRejectsProbabilitiesOutsideTheUnitInterval() {
    NumericProfile x = (NumericProfile) Profiles.of(SMALL).find("x").orElseThrow();
    assertThatThrownBy(() -> x.quantile(1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("quantile must be in [0, 1], was 1.5");
  }

  @Test
  void mergingColumnsOfClashingTypesNamesTheColumn() {
    DatasetProfile a = Profiles.of(Dataset.of(NumericColumn.of("c", 1, 2)));
    DatasetProfile b = Profiles.of(Dataset.of(CategoricalColumn.of("c", "x")));
    assertThatThrownBy(() -> a.merge(b))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("column 'c' is NUMERIC in one profile and CATEGORICAL in the other;"
            + " profiles merge only columns of compatible types");
  }

  @Test
  void mergingProfilesOfOtherSketchSettingsIsRefused() {
    DatasetProfile a = Profiles.of(SMALL);
    DatasetProfile b = Profiles.of(SMALL, ProfileConfig.builder().quantileAccuracy(64).build());
    assertThatThrownBy(() -> a.merge(b))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("profiles built with different sketch settings cannot merge");
  }

  @Test
  void mergeWidensIntegerToNumericAndKeepsOneSidedColumns() {
    DatasetProfile a = Profiles.of(Dataset.of(NumericColumn.of("n", FeatureType.INTEGER, 1, 2),
        NumericColumn.of("only", 5, 6)));
    DatasetProfile b = Profiles.of(Dataset.of(NumericColumn.of("n", 2.5)));
    DatasetProfile m = a.merge(b);
    assertThat(m.rowCount()).isEqualTo(3);
    assertThat(m.find("n").orElseThrow().type()).isEqualTo(FeatureType.NUMERIC);
    assertThat(m.find("n").orElseThrow().count()).isEqualTo(3);
    assertThat(m.find("only").orElseThrow().count()).isEqualTo(2);
  }

  @Test
  void configRejectsOutOfRangeSettings() {
    assertThatThrownBy(() -> ProfileConfig.builder().quantileAccuracy(4).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("quantileAccuracy must be in [8, 65536], was 4");
    assertThatThrownBy(() -> ProfileConfig.builder().distinctPrecision(30).build())
        .hasMessage("distinctPrecision must be in [4, 18], was 30");
  }
}
