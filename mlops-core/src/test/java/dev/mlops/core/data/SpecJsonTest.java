package dev.mlops.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.DataFormatException;
import dev.mlops.data.CategoricalDomain;
import dev.mlops.data.DatasetSpec;
import dev.mlops.data.FeatureSpec;
import dev.mlops.data.FeatureType;
import dev.mlops.data.LengthBounds;
import dev.mlops.data.NumericRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecJsonTest {

  static DatasetSpec fullSpec() {
    return DatasetSpec.builder()
        .feature(FeatureSpec.builder("id", FeatureType.INTEGER).unique(true).build())
        .feature(FeatureSpec.builder("x", FeatureType.NUMERIC).minPresence(0.97)
            .range(new NumericRange(Double.NEGATIVE_INFINITY, 0.1 + 0.2, false, true, true, true))
            .build())
        .feature(FeatureSpec.builder("color", FeatureType.CATEGORICAL)
            .domain(new CategoricalDomain(List.of("red", "grün", "\"quoted\""), 0.99))
            .length(new LengthBounds(1, 12)).build())
        .feature(FeatureSpec.builder("note", FeatureType.TEXT).optional()
            .length(new LengthBounds(0, 280)).build())
        .feature(FeatureSpec.builder("flag", FeatureType.BOOLEAN).build())
        .feature(FeatureSpec.builder("at", FeatureType.TIMESTAMP).build())
        .feature(FeatureSpec.builder("y", FeatureType.CATEGORICAL).build())
        .rows(10, 1_000_000)
        .label("y", List.of("no", "yes"))
        .idColumn("id")
        .build();
  }

  @Test
  void roundTripIsExact() {
    DatasetSpec spec = fullSpec();
    String json = SpecJson.write(spec);
    assertThat(SpecJson.read(json, "spec.json")).isEqualTo(spec);
    assertThat(SpecJson.write(SpecJson.read(json, "spec.json"))).isEqualTo(json);
  }

  @Test
  void writesStableFieldNamesAndVersion() {
    DatasetSpec spec = DatasetSpec.builder()
        .feature(FeatureSpec.builder("x", FeatureType.NUMERIC)
            .range(NumericRange.closed(0, 1)).build())
        .build();
    assertThat(SpecJson.write(spec).replaceAll("\\s+", "")).isEqualTo(
        "{\"formatVersion\":1,\"minRows\":0,\"maxRows\":9223372036854775807,\"labelColumn\":null,"
            + "\"labelClasses\":[],\"idColumn\":null,\"features\":[{\"name\":\"x\","
            + "\"type\":\"NUMERIC\",\"minPresence\":1.0,\"unique\":false,\"range\":{\"min\":0.0,"
            + "\"max\":1.0,\"minInclusive\":true,\"maxInclusive\":true,\"nanAllowed\":true,"
            + "\"infinityAllowed\":false},\"domain\":null,\"length\":null}]}");
  }

  @Test
  void hashIsStableAndDistinguishesSpecs() {
    DatasetSpec spec = fullSpec();
    assertThat(SpecJson.hash(spec)).isEqualTo(SpecJson.hash(fullSpec())).startsWith("sha256:")
        .hasSize(7 + 64);
    assertThat(SpecJson.hash(spec.toBuilder().rows(11, 1_000_000).build()))
        .isNotEqualTo(SpecJson.hash(spec));
  }

  @Test
  void unknownFieldIsNamedWithItsPath() {
    String json = SpecJson.write(fullSpec()).replace("\"minInclusive\"", "\"minInclusiv\"");
    assertThatThrownBy(() -> SpecJson.read(json, "spec.json"))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("spec.json")
        .hasMessageContaining("features[1].range.minInclusiv")
        .hasMessageContaining("unknown field 'minInclusiv'");
  }

  @Test
  void unknownTopLevelFieldIsRejected() {
    String json = SpecJson.write(fullSpec()).replaceFirst("\\{", "{\"owner\": \"me\",");
    assertThatThrownBy(() -> SpecJson.read(json, "s.json"))
        .hasMessageContaining("field 'owner'").hasMessageContaining("unknown field");
  }

  @Test
  void newerFormatVersionIsRejectedNamingBothVersions() {
    String json = SpecJson.write(fullSpec()).replace("\"formatVersion\" : 1", "\"formatVersion\" : 2");
    assertThatThrownBy(() -> SpecJson.read(json, "s.json"))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("format version 2 is newer than this release reads (up to 1)");
  }

  @Test
  void missingVersionIsRejected() {
    assertThatThrownBy(() -> SpecJson.read("{\"features\": []}", "s.json"))
        .hasMessageContaining("formatVersion").hasMessageContaining("missing");
  }

  @Test
  void malformedJsonNamesTheLine() {
    assertThatThrownBy(() -> SpecJson.read("{\n\"formatVersion\": 1,\n\"features\": [\n", "s.json"))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("s.json, line ")
        .hasMessageContaining("malformed JSON");
  }

  @Test
  void wrongValueTypeIsNamed() {
    String json = SpecJson.write(fullSpec()).replace("\"unique\" : true", "\"unique\" : \"yes\"");
    assertThatThrownBy(() -> SpecJson.read(json, "s.json"))
        .hasMessageContaining("features[0].unique").hasMessageContaining("expected true or false");
  }

  @Test
  void unknownTypeListsTheTypes() {
    String json = SpecJson.write(fullSpec()).replace("\"TEXT\"", "\"STRING\"");
    assertThatThrownBy(() -> SpecJson.read(json, "s.json"))
        .hasMessageContaining("features[3].type").hasMessageContaining("'STRING'")
        .hasMessageContaining("NUMERIC");
  }

  @Test
  void brokenRuleInsideTheSpecIsNamed() {
    String json = SpecJson.write(fullSpec()).replace("\"minPresence\" : 0.97", "\"minPresence\" : 1.5");
    assertThatThrownBy(() -> SpecJson.read(json, "s.json"))
        .hasMessageContaining("features[1]").hasMessageContaining("minPresence of 'x'")
        .hasMessageContaining("1.5");
  }

  @Test
  void duplicateFieldIsRejected() {
    assertThatThrownBy(() -> SpecJson.read(
        "{\"formatVersion\": 1, \"formatVersion\": 1, \"features\": []}", "s.json"))
        .isInstanceOf(DataFormatException.class).hasMessageContaining("formatVersion");
  }
}
