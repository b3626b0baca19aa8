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

  /** Issue 12 item 2: distinct integers beyond 2^53 stay distinct. */
  @Test
  void integersBeyondTwoToThe53AreReadAsStringsNotMergedDoubles() {
    Dataset d = read("id\n9007199254740992\n9007199254740993\n12345678901234567890\n");
    assertThat(d.column("id").type()).isEqualTo(FeatureType.CATEGORICAL);
    assertThat(d.row(1).get("id")).isEqualTo("9007199254740993");
    assertThat(d.row(2).get("id")).isEqualTo("12345678901234567890");
    assertThat(read("id\n9007199254740992\n-42\n").column("id").type())
        .isEqualTo(FeatureType.INTEGER);
    assertThatThrownBy(() -> CsvReader.builder().type("id", FeatureType.INTEGER).build()
            .read(new StringReader("id\n1\n9007199254740993\n"), "ids.csv"))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("ids.csv, line 3, column 1")
        .hasMessageContaining("an integer within ±2^53");
  }

  /** Issue 12 item 6: a stray token is reported, and can be declared missing. */
  @Test
  void aFewNonNumericValuesAreReportedAndNaTokensAreMissing() {
    String csv = "x,y\n1,a\nn/a,b\n3,c\n4,d\n5,e\n6,f\n7,g\n8,h\n9,i\n10,j\n11,k\n";
    CsvReader.Result plain = CsvReader.defaults().readWithReport(new StringReader(csv), "t.csv");
    assertThat(plain.dataset().column("x").type()).isEqualTo(FeatureType.CATEGORICAL);
    assertThat(plain.downgrades()).singleElement().satisfies(g -> {
      assertThat(g.column()).isEqualTo("x");
      assertThat(g.numericType()).isEqualTo(FeatureType.INTEGER);
      assertThat(g.examples()).containsExactly("n/a");
      assertThat(g.message()).contains("column 'x'", "1 of 11 values", "'n/a'");
    });
    CsvReader.Result na = CsvReader.builder().naValues(java.util.Set.of("n/a")).build()
        .readWithReport(new StringReader(csv), "t.csv");
    assertThat(na.downgrades()).isEmpty();
    assertThat(na.dataset().column("x").type()).isEqualTo(FeatureType.INTEGER);
    assertThat(na.dataset().column("x").isMissing(1)).isTrue();
    assertThat(na.dataset().column("y").type()).isEqualTo(FeatureType.CATEGORICAL);
    assertThatThrownBy(() -> CsvReader.builder().naValues(java.util.Set.of("")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Issue 12 item 6: lenient reading makes a wrong-typed cell missing and reports it. */
  @Test
  void lenientReadingReportsWrongTypedCellsAsMissing() {
    String csv = "x,y\n1.5,a\nabc,b\n2,c\n";
    CsvReader.Builder declared = CsvReader.builder().type("x", FeatureType.NUMERIC);
    assertThatThrownBy(() -> declared.build().read(new StringReader(csv), "t.csv"))
        .hasMessageContaining("t.csv, line 3, column 1 ('x')");
    CsvReader.Result r = declared.lenient(true).build().readWithReport(new StringReader(csv), "t.csv");
    assertThat(r.dataset().numeric("x").toArray()).containsExactly(1.5, Double.NaN, 2.0);
    assertThat(r.invalidCellCount()).isEqualTo(1);
    assertThat(r.invalidCells()).containsExactly(
        new CsvReader.InvalidCell(3, 1, 1, "x", "abc", FeatureType.NUMERIC));
    assertThat(r.invalidCells().get(0).message())
        .isEqualTo("line 3 (row 1), column 1 'x': 'abc' is not NUMERIC; read as missing");
  }

  /** Issue 12 item 6: blank lines at the end are ignored, as pandas does; not in the middle. */
  @Test
  void blankTrailingLinesAreIgnored() {
    Dataset d = read("a,b\n1,2\n3,4\n\n\r\n\n");
    assertThat(d.rowCount()).isEqualTo(2);
    assertThatThrownBy(() -> read("a,b\n1,2\n\n3,4\n"))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("line 3")
        .hasMessageContaining("a blank line before more data");
    assertThat(read("a\n1\n\n").rowCount()).isEqualTo(2);
  }

  /** Issue 12 item 10: the true line, column and the byte of invalid UTF-8. */
  @Test
  void invalidUtf8NamesTheTrueLineColumnAndByte(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("big.csv");
    try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
      out.write("id,name\n".getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < 200_000; i++) {
        out.write((i + ",caf\u00e9\n").getBytes(StandardCharsets.UTF_8));
      }
      out.write("200000,caf".getBytes(StandardCharsets.UTF_8));
      out.write(0xE9);
      out.write('\n');
    }
    assertThatThrownBy(() -> CsvReader.defaults().read(file))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("line 200002, column 2 ('name')")
        .hasMessageContaining("invalid UTF-8 byte 0xE9");
  }

  /** Issue 12 item 10: a folder is named as one, not as a failure at line 1. */
  @Test
  void aDirectoryIsNamedAsOne(@TempDir Path dir) {
    assertThatThrownBy(() -> CsvReader.defaults().read(dir))
        .isInstanceOf(java.io.UncheckedIOException.class)
        .hasMessage("cannot read " + dir + ": is a directory");
    assertThatThrownBy(() -> CsvReader.defaults().read(dir.resolve("absent.csv")))
        .hasMessage("cannot read " + dir.resolve("absent.csv") + ": no such file");
  }

  /** Streaming rows keep each cell's original text. */
  @Test
  void openedRowsKeepTheOriginalText(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("rows.csv");
    Files.writeString(file, "zip,x\n00501,1.50\n\"\",n/a\n\n");
    try (CsvRows rows = CsvReader.builder().naValues(java.util.Set.of("n/a")).build().open(file)) {
      assertThat(rows.header()).containsExactly("zip", "x");
      assertThat(rows.next()).isTrue();
      assertThat(rows.text(0)).isEqualTo("00501");
      assertThat(rows.text(1)).isEqualTo("1.50");
      assertThat(rows.value(1, FeatureType.NUMERIC)).isEqualTo(1.5);
      assertThat(rows.next()).isTrue();
      assertThat(rows.line()).isEqualTo(3);
      assertThat(rows.quoted(0)).isTrue();
      assertThat(rows.isMissing(0)).isFalse();
      assertThat(rows.isMissing(1)).isTrue();
      assertThat(rows.value(1, FeatureType.NUMERIC)).isNull();
      assertThat(rows.next()).isFalse();
    }
  }
}
