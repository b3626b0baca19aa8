package dev.mlops.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.cli.MlopsCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * Runs {@code ./mlops demo} in-process into {@code target/demo-runs/<name>}, once per name and
 * test JVM, so the determinism and browser tests share runs instead of repeating the demo.
 * Thread-safe (synchronized); surefire runs the test classes of this module in one JVM.
 */
public final class DemoRuns {
  /** The seed the tests use; not the default 42, so the default is not the only seed that works. */
  public static final long SEED = 7;
  private static final Map<String, Result> RUNS = new HashMap<>();

  /** A finished demo: its folder and what it printed. */
  public record Result(Path dir, String output) {}

  private DemoRuns() {}

  /** Returns the demo run with this name, running it on first use. */
  public static synchronized Result run(String name) {
    return RUNS.computeIfAbsent(name, DemoRuns::execute);
  }

  private static Result execute(String name) {
    Path dir = Path.of("target", "demo-runs", name).toAbsolutePath();
    deleteTree(dir);
    return runInto(dir);
  }

  /** Runs the demo into a folder as it is, e.g. one an earlier run filled. */
  public static Result runInto(Path dir) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = MlopsCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute("demo", "--out", dir.toString(), "--seed", Long.toString(SEED));
    assertThat(code).as("demo exit code; stderr: %s", err).isZero();
    return new Result(dir, out.toString());
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
