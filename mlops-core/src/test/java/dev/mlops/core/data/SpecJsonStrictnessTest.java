package dev.mlops.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.DataFormatException;
import dev.mlops.data.CategoricalDomain;
import dev.mlops.data.DatasetSpec;
import dev.mlops.data.FeatureSpec;
import dev.mlops.data.FeatureType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The spec format is as strict as docs/data.md says, and reads back whatever it writes. */
class SpecJsonStrictnessTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  private static ObjectNode tree() throws IOException {
    return (ObjectNode) JSON.readTree(SpecJson.write(SpecJsonTest.fullSpec()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"labelColumn", "idColumn"})
  void aMissingNullableTopLevelFieldIsAnError(String field) throws IOException {
    ObjectNode root = tree();
    root.remove(field);
    assertThatThrownBy(() -> SpecJson.read(root.toString(), "spec.json"))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("field '" + field + "': required field is missing; write null when"
            + " there is none");
  }

  @ParameterizedTest
  @ValueSource(strings = {"range", "domain", "length"})
  void aMissingNullableFeatureFieldIsAnError(String field) throws IOException {
    ObjectNode root = tree();
    root.withArray("features").forEach(f -> ((ObjectNode) f).remove(field));
    assertThatThrownBy(() -> SpecJson.read(root.toString(), "spec.json"))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("field 'features[0]." + field + "': required field is missing");
  }

  @ParameterizedTest
  @ValueSource(strings = {"}", "x", "{}", "[1]", "\"more\""})
  void contentAfterTheJsonObjectIsAnError(String trailing) {
    String json = SpecJson.write(SpecJsonTest.fullSpec()) + "\n" + trailing;
    assertThatThrownBy(() -> SpecJson.read(json, "spec.json"))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("spec.json")
        .hasMessageContaining("malformed JSON");
  }

  @ParameterizedTest
  @ValueSource(strings = {"18446744073709551617", "9223372036854775808", "9223372036854775807"})
  void aHugeFormatVersionIsNewerNotWrappedAround(String version) throws IOException {
    String json = SpecJson.write(SpecJsonTest.fullSpec())
        .replace("\"formatVersion\" : 1", "\"formatVersion\" : " + version);
    assertThatThrownBy(() -> SpecJson.read(json, "spec.json"))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("format version " + version + " is newer than this release reads");
  }

  @Test
  void aHugeNegativeFormatVersionIsBelowOne() {
    String json = SpecJson.write(SpecJsonTest.fullSpec())
        .replace("\"formatVersion\" : 1", "\"formatVersion\" : -18446744073709551615");
    assertThatThrownBy(() -> SpecJson.read(json, "spec.json"))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("must be >= 1, was -18446744073709551615");
  }

  @Test
  void aUtf8ByteOrderMarkIsSkipped() throws IOException {
    DatasetSpec spec = SpecJsonTest.fullSpec();
    Path file = dir.resolve("bom.json");
    byte[] body = SpecJson.write(spec).getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[body.length + 3];
    bytes[0] = (byte) 0xEF;
    bytes[1] = (byte) 0xBB;
    bytes[2] = (byte) 0xBF;
    System.arraycopy(body, 0, bytes, 3, body.length);
    Files.write(file, bytes);
    assertThat(SpecJson.read(file)).isEqualTo(spec);
  }

  @Test
  void whatTheWriterWritesTheReaderReadsEvenBeyondJacksonsDefaultStringLimit() {
    // Jackson's default StreamReadConstraints.maxStringLength is 20,000,000 characters.
    String huge = "v".repeat(20_000_001);
    DatasetSpec spec = DatasetSpec.builder()
        .feature(FeatureSpec.builder("blob", FeatureType.CATEGORICAL)
            .domain(new CategoricalDomain(List.of(huge, "small"), 1.0)).build())
        .build();
    Path file = dir.resolve("big.json");
    SpecJson.write(spec, file);
    assertThat(SpecJson.read(file)).isEqualTo(spec);
  }

  @Test
  void writingIntoAMissingFolderCreatesIt() {
    Path file = dir.resolve("specs/2026/spec.json");
    SpecJson.write(SpecJsonTest.fullSpec(), file);
    assertThat(SpecJson.read(file)).isEqualTo(SpecJsonTest.fullSpec());
  }

  @Test
  void aWriteThatCannotHappenNamesTheFileAndTheReason() throws IOException {
    Files.writeString(dir.resolve("specs"), "a file where a folder should be");
    Path file = dir.resolve("specs/spec.json");
    assertThatThrownBy(() -> SpecJson.write(SpecJsonTest.fullSpec(), file))
        .isInstanceOf(java.io.UncheckedIOException.class)
        .hasMessageStartingWith("cannot write spec: " + file + ": cannot write: ");
  }
}
