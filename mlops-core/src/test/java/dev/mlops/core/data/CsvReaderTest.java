package dev.mlops.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.DataFormatException;
import dev.mlops.data.Dataset;
import dev.mlops.data.DatasetSpec;
import dev.mlops.data.FeatureSpec;
import dev.mlops.data.FeatureType;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {

  private static Dataset read(String csv) {
    return CsvReader.defaults().read(new StringReader(csv), "test.csv");
  }

  @Test
  void quotedFieldsMayHoldDelimitersQuotesAndLineBreaks() {
    Dataset d = read("name,note\n\"Smith, J\",\"said \"\"hi\"\"\nand left\"\nDoe,plain\n");
    assertThat(d.rowCount()).isEqualTo(2);
    assertThat(d.row(0).get("name")).isEqualTo("Smith, J");
    assertThat(d.row(0).get("note")).isEqualTo("said \"hi\"\nand left");
    assertThat(d.row(1).get("note")).isEqualTo("plain");
  }

  @Test
  void emptyCellsAreMissingAndQuotedEmptyIsAnEmptyString() {
    Dataset d = read("x,c\n1,a\n,\"\"\n3,\n");
    assertThat(d.numeric("x").value(1)).isNaN();
    assertThat(d.row(1).get("c")).isEqualTo("");
    assertThat(d.row(2).get("c")).isNull();
    assertThat(d.column("c").missingCount()).isEqualTo(1);
  }

  @Test
  void raggedRowFailsNamingTheLine() {
    assertThatThrownBy(() -> read("a,b\n1,2\n3\n4,5\n"))
        .isInstanceOf(DataFormatException.class)
        .hasMessage("test.csv, line 3, column 2: row has 1 fields, the header has 2")
        .satisfies(e -> assertThat(((DataFormatException) e).line()).hasValue(3));
  }

  @Test
  void lineNumbersCountLineBreaksInsideQuotes() {
    assertThatThrownBy(() -> read("a,b\n\"x\ny\",2\n3,4,5\n"))
        .isInstanceOf(DataFormatException.class)
        .hasMessageStartingWith("test.csv, line 4,");
  }

  @Test
  void byteOrderMarkIsIgnored() {
    Dataset d = read("\uFEFFid,v\n1,2\n");
    assertThat(d.columnNames()).containsExactly("id", "v");
  }

  @Test
  void crlfAndCrLineEndsAreAccepted() {
    Dataset crlf = read("a,b\r\n1,x\r\n2,\"y\r\nz\"\r\n");
    assertThat(crlf.rowCount()).isEqualTo(2);
    assertThat(crlf.row(0).get("b")).isEqualTo("x");
    assertThat(crlf.row(1).get("b")).isEqualTo("y\r\nz");
    Dataset cr = read("a,b\r1,x\r2,y\r");
    assertThat(cr.numeric("a").toArray()).containsExactly(1, 2);
  }

  @Test
  void unterminatedQuoteFailsNamingWhereItOpened() {
    assertThatThrownBy(() -> read("a,b\n1,\"open\n2,3\n"))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("line 2, column 2 ('b')")
        .hasMessageContaining("unterminated quoted field");
  }

  @Test
  void textAfterClosingQuoteIsRejected() {
    assertThatThrownBy(() -> read("a\n\"x\"y\n"))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("unexpected character 'y' after a closing quote");
  }

  @Test
  void nonNumericValueInDeclaredNumericColumnNamesFileLineColumnAndFeature() {
    CsvReader reader = CsvReader.builder().type("age", FeatureType.NUMERIC).build();
    assertThatThrownBy(() -> reader.read(new StringReader("id,age\n1,30\n2,thirty\n"), "people.csv"))
        .isInstanceOf(DataFormatException.class)
        .hasMessage("people.csv, line 3, column 2 ('age'): expected a number, found 'thirty'");
  }

  @Test
  void specTypesAreUsed() {
    DatasetSpec spec =
        DatasetSpec.builder()
            .feature(FeatureSpec.builder("zip", FeatureType.CATEGORICAL).build())
            .build();
    Dataset d = CsvReader.builder().spec(spec).build().read(new StringReader("zip\n0042\n"), "s");
    assertThat(d.row(0).get("zip")).isEqualTo("0042");
  }

  @Test
  void infersTypes() {
    Dataset d =
        read("i,n,b,t,c\n1,1.5,true,2024-05-01T10:00:00Z,red\n-2,NaN,FALSE,2024-05-02,blue\n3,1e3,,,red\n");
    assertThat(d.column("i").type()).isEqualTo(FeatureType.INTEGER);
    assertThat(d.column("n").type()).isEqualTo(FeatureType.NUMERIC);
    assertThat(d.column("b").type()).isEqualTo(FeatureType.BOOLEAN);
    assertThat(d.column("t").type()).isEqualTo(FeatureType.TIMESTAMP);
    assertThat(d.column("c").type()).isEqualTo(FeatureType.CATEGORICAL);
    assertThat(d.row(1).get("t")).isEqualTo(Instant.parse("2024-05-02T00:00:00Z"));
    assertThat(d.numeric("n").value(2)).isEqualTo(1000.0);
    assertThat(d.numeric("n").value(1)).isNaN();
  }

  @Test
  void javaOnlyNumberFormsAreNotNumbers() {
    Dataset d = read("x\n1d\n0x10\n");
    assertThat(d.column("x").type()).isEqualTo(FeatureType.CATEGORICAL);
  }

  @Test
  void manyDistinctStringsAreText() {
    StringBuilder csv = new StringBuilder("s\n");
    for (int i = 0; i < 20; i++) {
      csv.append("value ").append(i).append('\n');
    }
    Dataset d = CsvReader.builder().maxCategories(10).build().read(new StringReader(csv.toString()), "s");
    assertThat(d.column("s").type()).isEqualTo(FeatureType.TEXT);
  }

  @Test
  void headerProblemsAreReported() {
    assertThatThrownBy(() -> read("a,a\n1,2\n"))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("column 2 ('a'): duplicate column name (also column 1)");
    assertThatThrownBy(() -> read(""))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("no header row");
    assertThatThrownBy(() -> read("a,,c\n"))
        .hasMessageContaining("column 2: empty column name");
  }

  @Test
  void quoteInsideUnquotedFieldIsRejected() {
    assertThatThrownBy(() -> read("a\nab\"c\n"))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("line 2, column 1 ('a'): quote character inside an unquoted field");
  }

  @Test
  void readsFilesInTwoPassesAndNamesTheDatasetAfterTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("small.csv");
    Files.writeString(file, "x,y\n1,a\n2,b\n", StandardCharsets.UTF_8);
    Dataset d = CsvReader.defaults().read(file);
    assertThat(d.name()).isEqualTo("small.csv");
    assertThat(d.numeric("x").toArray()).containsExactly(1, 2);
    assertThatThrownBy(() -> CsvReader.defaults().read(dir.resolve("absent.csv")))
        .hasMessageContaining("absent.csv");
  }

  @Test
  void errorsInFilesNameTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad.csv");
    Files.writeString(file, "x,y\n1,2\n3\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> CsvReader.defaults().read(file))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("bad.csv, line 3");
  }
}
