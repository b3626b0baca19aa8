package dev.mlops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The exit-code table of the README: the same meaning in every command. */
class ExitCodesTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  /** A subcommand that fails the way a bug or the JVM would. */
  @Command(name = "fail")
  static final class Fail implements Callable<Integer> {
    @CommandLine.Option(names = "--with")
    String with;

    @Override
    public Integer call() {
      switch (with) {
        case "arithmetic" -> {
          return 1 / (with.length() - with.length());
        }
        case "oom" -> throw new OutOfMemoryError("Java heap space");
        default -> throw new IllegalStateException("unreachable state " + with);
      }
    }
  }

  private int run(String... args) {
    CommandLine cl = MlopsCommand.commandLine();
    cl.addSubcommand("fail", new Fail());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return MlopsCommand.execute(cl, args);
  }

  @Test
  void anArithmeticBugIsOneLineAndExit70() {
    assertThat(run("fail", "--with", "arithmetic")).isEqualTo(MlopsCommand.EXIT_INTERNAL_ERROR)
        .isEqualTo(70);
    assertThat(err.toString())
        .startsWith("mlops fail: internal error: java.lang.ArithmeticException: / by zero at ")
        .contains("rerun with --debug")
        .doesNotContain("\tat ")
        .hasLineCount(1);
  }

  @Test
  void debugAddsTheStackTrace() {
    assertThat(run("fail", "--with", "arithmetic", "--debug")).isEqualTo(70);
    assertThat(err.toString()).contains("\tat dev.mlops.cli.ExitCodesTest$Fail.call")
        .doesNotContain("rerun with --debug");
  }

  @Test
  void outOfMemoryIsOneLineAndExit70() {
    assertThat(run("fail", "--with", "oom")).isEqualTo(70);
    assertThat(err.toString())
        .isEqualTo("mlops fail: out of memory (Java heap space); give Java more heap, e.g."
            + " MLOPS_JAVA_OPTS=-Xmx4g ./mlops ...\n".replace("\n", System.lineSeparator()));
  }

  @Test
  void anotherUnexpectedExceptionIsExit70Too() {
    assertThat(run("fail", "--with", "other")).isEqualTo(70);
    assertThat(err.toString()).startsWith("mlops fail: internal error: "
        + "java.lang.IllegalStateException: unreachable state other at ");
  }

  @Test
  void splitIntoAnExistingFileIsAnInputErrorNotAStackTrace() throws IOException {
    Path data = dir.resolve("d.csv");
    Files.writeString(data, "x,y\n1,a\n2,b\n3,a\n4,b\n5,a\n6,b\n7,a\n8,b\n9,a\n10,b\n");
    Path taken = Files.writeString(dir.resolve("taken"), "keep me");
    assertThat(run("split", "--data", data.toString(), "--label", "y", "--seed", "1",
        "--out", taken.toString())).isEqualTo(MlopsCommand.EXIT_INPUT_ERROR);
    assertThat(err.toString()).isEqualTo("mlops split: --out " + taken + " is a file; split writes"
        + " train.csv, dev.csv, test.csv and balance.json into a folder" + System.lineSeparator());
    assertThat(Files.readString(taken)).isEqualTo("keep me");
  }

  @Test
  void aMissingInputFileIsExit2InEveryCommand() {
    Path missing = dir.resolve("missing.csv");
    assertThat(run("infer-spec", "--data", missing.toString())).isEqualTo(2);
    assertThat(run("drift", "--reference", missing.toString(), "--current", missing.toString()))
        .isEqualTo(2);
    assertThat(err.toString()).doesNotContain("\tat ").hasLineCount(2);
  }

  @Test
  void usageErrorsAreExit2() {
    assertThat(run("validate", "--no-such-option")).isEqualTo(2);
  }
}
