package dev.mlops.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.DataFormatException;
import dev.mlops.data.Dataset;
import dev.mlops.data.FeatureType;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class JsonLinesReaderTest {

  private static Dataset read(String text) {
    return JsonLinesReader.defaults().read(new StringReader(text), "events.jsonl");
  }

  @Test
  void unionOfKeysWithMissingValuesAndInferredTypes() {
    Dataset d = read("{\"id\":1,\"amount\":2.5,\"ok\":true,\"city\":\"Oslo\"}\n"
        + "\n"
        + "{\"id\":2,\"city\":null,\"at\":\"2024-01-01T00:00:00Z\"}\n");
    assertThat(d.columnNames()).containsExactly("id", "amount", "ok", "city", "at");
    assertThat(d.column("id").type()).isEqualTo(FeatureType.INTEGER);
    assertThat(d.column("amount").type()).isEqualTo(FeatureType.NUMERIC);
    assertThat(d.column("ok").type()).isEqualTo(FeatureType.BOOLEAN);
    assertThat(d.column("city").type()).isEqualTo(FeatureType.CATEGORICAL);
    assertThat(d.column("at").type()).isEqualTo(FeatureType.TIMESTAMP);
    assertThat(d.rowCount()).isEqualTo(2);
    assertThat(d.numeric("amount").value(1)).isNaN();
    assertThat(d.row(1).get("city")).isNull();
  }

  @Test
  void numericLookingStringsStayStrings() {
    Dataset d = read("{\"zip\":\"0042\"}\n{\"zip\":\"17\"}\n");
    assertThat(d.row(0).get("zip")).isEqualTo("0042");
  }

  @Test
  void kindChangeNamesLineAndKey() {
    assertThatThrownBy(() -> read("{\"x\":1}\n{\"x\":\"one\"}\n"))
        .isInstanceOf(DataFormatException.class)
        .hasMessage("events.jsonl, line 2 ('x'): value is a string but earlier lines have a number");
  }

  @Test
  void malformedLinesAreRejectedWithTheirLine() {
    assertThatThrownBy(() -> read("{\"x\":1}\n{\"x\":\n"))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> read("[1,2]\n"))
        .hasMessageContaining("line 1, column 1: expected a JSON object, found array");
    assertThatThrownBy(() -> read("{\"x\":{\"y\":1}}\n"))
        .hasMessageContaining("('x'): nested object values are not supported");
  }

  @Test
  void declaredTypesAreEnforced() {
    JsonLinesReader reader = JsonLinesReader.builder().type("n", FeatureType.INTEGER).build();
    assertThatThrownBy(() -> reader.read(new StringReader("{\"n\":1.5}\n"), "f.jsonl"))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("f.jsonl, line 1 ('n'): expected an integer, found 1.5");
  }

  /** Issue 12 item 10: invalid UTF-8 names its true line and byte. */
  @Test
  void invalidUtf8NamesTheTrueLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path file = dir.resolve("rows.jsonl");
    try (var out = new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(file))) {
      for (int i = 0; i < 50_000; i++) {
        out.write(("{\"id\": " + i + ", \"name\": \"ok\"}\n")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      out.write("{\"id\": 50000, \"name\": \"caf".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      out.write(0xE9);
      out.write("\"}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> JsonLinesReader.defaults().read(file))
        .isInstanceOf(dev.mlops.DataFormatException.class)
        .hasMessageContaining("line 50001")
        .hasMessageContaining("invalid UTF-8 byte 0xE9");
  }
}
