package dev.mlops.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.data.Dataset;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CsvWriter#write(Dataset, Path)} as a file writer: atomic, ordinary file mode. */
class CsvWriterFilesTest {
  @TempDir Path dir;

  private final Dataset data =
      CsvReader.defaults().read(new StringReader("id,name\n1,a\n2,b\n"), "small.csv");

  @Test
  void writtenFilesGetTheDefaultModeNotOwnerOnly() throws IOException {
    Path reference = Files.writeString(dir.resolve("plain.csv"), "made the ordinary way");
    Path file = dir.resolve("out.csv");
    CsvWriter.defaults().write(data, file);
    // 0644 under the usual 022 umask; createTempFile's 0600 leaked into predict and split outputs.
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo(PosixFilePermissions.toString(Files.getPosixFilePermissions(reference)));
    assertThat(Files.readString(file)).isEqualTo("id,name\n1,a\n2,b\n");
  }

  @Test
  void replacingAFileLeavesNoTemporaryFile() throws IOException {
    Path file = dir.resolve("out.csv");
    CsvWriter.defaults().write(data, file);
    CsvWriter.defaults().write(data, file);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("out.csv");
    }
  }
}
