package dev.mlops.core.experiments.mlflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** A logging JVM is killed while the server is down: every acknowledged point is on the server. */
class MlflowCrashTest {

  @Test
  void killDashNineWhileTheServerIsDownLosesNoAcknowledgedPoint() throws Exception {
    try (TestMlflowServer server = new TestMlflowServer()) {
      Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xlog:disable",
          "-cp", System.getProperty("java.class.path"), MlflowLoggingChild.class.getName(), server.uri().toString())
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
          PrintStream commands = new PrintStream(p.getOutputStream(), true, StandardCharsets.UTF_8)) {
        String runId = line(in, "RUN ").substring(4);
        commands.println("go");
        assertThat(line(in, "ACK ", "UNSENT ")).isEqualTo("ACK 1499");
        commands.println("go");
        assertThat(line(in, "ACK ", "UNSENT ")).isEqualTo("ACK 2999");
        server.goDown();
        commands.println("go");
        assertThat(line(in, "ACK ", "UNSENT ")).isEqualTo("UNSENT 1500");
        commands.println("go");
        assertThat(line(in, "ACK ", "UNSENT ")).isEqualTo("UNSENT 3000");
        p.destroyForcibly(); // SIGKILL: what was not acknowledged dies with it, and it was told so
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        server.comeBack();
        assertThat(server.points(runId, "m")).isEqualTo(3000);
        MlflowTracker reader = MlflowTracker.connect(MlflowConfig.builder(server.uri()).gitDirectory(null).build());
        assertThat(reader.metricHistory(runId, "m")).extracting(m -> m.step())
            .containsExactlyInAnyOrderElementsOf(LongStream.range(0, 3000).boxed().toList());
        assertThat(server.runStatus(runId)).isEqualTo("RUNNING"); // never FINISHED with a hole
      } finally {
        p.destroyForcibly();
      }
    }
  }

  /** The next protocol line starting with one of the prefixes, skipping JVM warnings. */
  private static String line(BufferedReader in, String... prefixes) throws Exception {
    for (String l = in.readLine(); l != null; l = in.readLine()) {
      for (String prefix : List.of(prefixes)) {
        if (l.startsWith(prefix)) {
          return l;
        }
      }
    }
    throw new AssertionError("the child ended before printing " + List.of(prefixes));
  }
}
