package dev.mlops.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path dir;

  @Test
  void writesTheWholeContent() throws IOException {
    Path file = dir.resolve("spec.json");
    AtomicFiles.writeString(file, "{\"a\":1}\n");
    AtomicFiles.writeString(file, "{\"b\":2}\n");
    assertThat(Files.readString(file)).isEqualTo("{\"b\":2}\n");
    assertThat(listing()).containsExactly("spec.json");
  }

  @Test
  void aFailureHalfWayLeavesTheOldFileAndNoTemporaryFile() throws IOException {
    Path file = dir.resolve("report.html");
    Files.writeString(file, "old, complete report");
    assertThatThrownBy(() -> AtomicFiles.write(file, (OutputStream out) -> {
      out.write(new byte[100_000]);
      throw new IOException("No space left on device");
    }))
        .isInstanceOf(FileSystemException.class)
        .hasMessage(file + ": cannot write: no space left on device");
    assertThat(Files.readString(file)).isEqualTo("old, complete report");
    assertThat(listing()).containsExactly("report.html");
  }

  @Test
  void aRendererBugLeavesTheOldFileAndNoTemporaryFile() throws IOException {
    Path file = dir.resolve("out.csv");
    Files.writeString(file, "a\n1\n");
    assertThatThrownBy(() -> AtomicFiles.writeText(file, w -> {
      w.write("a\n2\n");
      throw new ArithmeticException("/ by zero");
    })).isInstanceOf(ArithmeticException.class);
    assertThat(Files.readString(file)).isEqualTo("a\n1\n");
    assertThat(listing()).containsExactly("out.csv");
  }

  @Test
  void newFilesGetTheDefaultModeNotOwnerOnly() throws IOException {
    Path reference = dir.resolve("plain.txt");
    Files.writeString(reference, "made the ordinary way");
    Path file = dir.resolve("atomic.txt");
    AtomicFiles.write(file, "x".getBytes(StandardCharsets.UTF_8));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo(PosixFilePermissions.toString(Files.getPosixFilePermissions(reference)));
  }

  @Test
  void createsMissingParentFolders() throws IOException {
    Path file = dir.resolve("a/b/spec.json");
    AtomicFiles.writeString(file, "{}");
    assertThat(Files.readString(file)).isEqualTo("{}");
  }

  @Test
  void refusesToReplaceAFolder() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("taken"));
    assertThatThrownBy(() -> AtomicFiles.writeString(folder, "x"))
        .isInstanceOf(FileSystemException.class)
        .hasMessage(folder + ": cannot write: is a directory");
    assertThat(Files.isDirectory(folder)).isTrue();
  }

  @Test
  void aParentThatIsAFileIsNamed() throws IOException {
    Files.writeString(dir.resolve("plain"), "x");
    Path file = dir.resolve("plain/spec.json");
    assertThatThrownBy(() -> AtomicFiles.writeString(file, "{}"))
        .isInstanceOf(FileSystemException.class)
        .hasMessage(file + ": cannot write: " + dir.resolve("plain") + " is a file, not a folder");
  }

  private java.util.List<String> listing() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
