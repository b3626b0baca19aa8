package dev.mlops.core.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops.DataFormatException;
import dev.mlops.labels.Annotation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnnotationCsvTest {
  @TempDir Path dir;

  private Path write(String text) throws IOException {
    Path file = dir.resolve("a.csv");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void readsLabelsAsTextWithOptionalTimestamps() throws IOException {
    Path file = write("doc,who,grade,at\nd1,ann,01,2024-05-01T12:00:00Z\nd1,bob,1,\n");
    List<Annotation> rows = new AnnotationCsv("doc", "who", "grade", Optional.of("at")).read(file);
    assertThat(rows).containsExactly(
        new Annotation("d1", "ann", "01", Optional.of(Instant.parse("2024-05-01T12:00:00Z"))),
        Annotation.of("d1", "bob", "1"));
  }

  @Test
  void missingColumnAndEmptyCellsNameFileLineAndColumn() throws IOException {
    Path noLabel = write("item,annotator,lbl\nx,a,1\n");
    assertThatThrownBy(() -> AnnotationCsv.defaults().read(noLabel))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("a.csv, line 1 ('label'): no column 'label'; the header has"
            + " [item, annotator, lbl]");
    Path empty = write("item,annotator,label\nx,a,1\nx,,2\n");
    assertThatThrownBy(() -> AnnotationCsv.defaults().read(empty))
        .hasMessageContaining("a.csv, line 3, column 2 ('annotator'): empty annotator cell");
    Path badTime = write("item,annotator,label,t\nx,a,1,yesterday\n");
    assertThatThrownBy(() -> new AnnotationCsv("item", "annotator", "label", Optional.of("t"))
        .read(badTime))
        .hasMessageContaining("line 2, column 4 ('t'): 'yesterday' is not an ISO-8601 instant");
  }
}
