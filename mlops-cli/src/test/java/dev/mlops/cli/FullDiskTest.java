package dev.mlops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** On a full disk every {@code --out} keeps the previous file and leaves no temporary file. */
class FullDiskTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = MlopsCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return MlopsCommand.execute(cl, args);
  }

  private Path bundledData() throws IOException {
    Path data = dir.resolve("bc.csv");
    try (InputStream in = getClass().getResourceAsStream(
        "/dev/mlops/cli/datasets/breast_cancer_wisconsin.csv")) {
      Files.copy(in, data);
    }
    return data;
  }

  @Test
  void inferSpecOnAFullDiskKeepsTheOldSpec() throws Exception {
    Path data = bundledData();
    try (SmallDisk disk = SmallDisk.mount(dir.resolve("disk"), 256)) {
      Path spec = dir.resolve("disk/spec.json");
      String old = "{\"formatVersion\":1,\"the\":\"previous, valid spec\"}\n";
      Files.writeString(spec, old);
      disk.fill();
      assertThat(run("infer-spec", "--data", data.toString(), "--out", spec.toString()))
          .isEqualTo(MlopsCommand.EXIT_INPUT_ERROR);
      assertThat(err.toString()).contains(spec.toString()).contains("no space left on device")
          .doesNotContain("\tat ");
      assertThat(Files.readString(spec)).isEqualTo(old);
      assertThat(names(dir.resolve("disk"))).containsExactly("filler", "spec.json");
    }
  }

  @Test
  void driftHtmlOnAFullDiskKeepsTheOldReport() throws Exception {
    Path data = bundledData();
    try (SmallDisk disk = SmallDisk.mount(dir.resolve("disk"), 256)) {
      Path report = dir.resolve("disk/drift.html");
      Files.writeString(report, "<html>previous report</html>");
      disk.fill();
      assertThat(run("drift", "--reference", data.toString(), "--current", data.toString(),
          "--format", "html", "--out", report.toString())).isEqualTo(MlopsCommand.EXIT_INPUT_ERROR);
      assertThat(err.toString()).contains(report.toString()).contains("no space left on device");
      assertThat(Files.readString(report)).isEqualTo("<html>previous report</html>");
      assertThat(names(dir.resolve("disk"))).containsExactly("drift.html", "filler");
    }
  }

  private static java.util.List<String> names(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
