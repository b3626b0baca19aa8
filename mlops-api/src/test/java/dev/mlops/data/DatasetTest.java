package dev.mlops.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatasetTest {

  private final Dataset data =
      Dataset.of(
          "people",
          List.of(
              NumericColumn.of("age", 31, Double.NaN, 45),
              CategoricalColumn.of("city", "Oslo", null, "Oslo"),
              BooleanColumn.of("member", true, false, null),
              TextColumn.of("note", "hi", "", null),
              TimestampColumn.of("seen", Instant.EPOCH, null, Instant.EPOCH)));

  @Test
  void rowsExposeTypedValuesAndMissingness() {
    Record second = data.row(1);
    assertThat(second.isMissing("age")).isTrue();
    assertThat(second.getDouble("age")).isNaN();
    assertThat(second.get("city")).isNull();
    assertThat(second.get("member")).isEqualTo(false);
    assertThat(second.get("note")).isEqualTo("");
    assertThat(data.row(0).getDouble("age")).isEqualTo(31.0);
    assertThat(data.rows()).hasSize(3);
  }

  @Test
  void categoricalColumnsAreDictionaryEncoded() {
    CategoricalColumn city = data.categorical("city");
    assertThat(city.categories()).containsExactly("Oslo");
    assertThat(city.code(1)).isEqualTo(CategoricalColumn.MISSING_CODE);
    assertThat(city.categoryCounts()).containsExactly(2);
    assertThat(city.missingCount()).isEqualTo(1);
  }

  @Test
  void selectRowsKeepsOrderAndAllowsRepeats() {
    Dataset picked = data.selectRows(new int[] {2, 0, 2});
    assertThat(picked.numeric("age").toArray()).containsExactly(45, 31, 45);
    assertThat(picked.categorical("city").value(1)).isEqualTo("Oslo");
  }

  @Test
  void columnsOfDifferentLengthAreRejectedWithTheirNames() {
    assertThatThrownBy(
            () -> Dataset.of(NumericColumn.of("a", 1, 2), NumericColumn.of("b", 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'b' has 1 rows, expected 2");
  }

  @Test
  void unknownColumnNamesTheAvailableOnes() {
    assertThatThrownBy(() -> data.column("height"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no column 'height'")
        .hasMessageContaining("age");
  }

  @Test
  void integerColumnsRejectFractions() {
    assertThatThrownBy(() -> NumericColumn.of("n", FeatureType.INTEGER, 1, 2.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2.5 at row 1");
  }

  @Test
  void recordOfMapConvertsNumbersAndKeepsOrder() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("b", 1);
    m.put("a", "x");
    m.put("c", null);
    Record r = Record.of(m);
    assertThat(r.featureNames()).containsExactly("b", "a", "c");
    assertThat(r.get("b")).isEqualTo(1.0);
    assertThat(r.isMissing("c")).isTrue();
    assertThatThrownBy(() -> r.get("zzz")).hasMessageContaining("no feature 'zzz'");
    assertThatThrownBy(() -> Record.of(Map.of("x", new Object())))
        .hasMessageContaining("unsupported value type");
  }
}
