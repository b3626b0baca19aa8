package dev.mlops.core.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops.feedback.LoggedPrediction;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGKILLs a child JVM while it logs; every flushed line must read back. */
class PredictionLogCrashTest {
  @TempDir Path dir;

  @Test
  void killDashNineLeavesEveryFlushedLineReadable() throws Exception {
    Random random = new Random(20261201L);
    List<Long> acked = new ArrayList<>();
    for (int round = 0; round < 4; round++) {
      Path log = dir.resolve("round" + round);
      Process p = new ProcessBuilder(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xlog:disable",
          "-cp", System.getProperty("java.class.path"), LogCrashChild.class.getName(), log.toString())
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      int acks = 1 + random.nextInt(60);
      long last = -1;
      try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (int k = 0; k < acks; ) {
          String line = in.readLine();
          assertThat(line).as("child output").isNotNull();
          if (line.startsWith("ACK ")) {
            last = Long.parseLong(line.substring(4));
            k++;
          }
        }
        p.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no flush
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      }
      acked.add(last);
      PredictionLogReader.Contents read = PredictionLogReader.of(log).readAll();
      assertThat(read.problems()).allSatisfy(pr -> assertThat(pr.kind()).isEqualTo(LogProblem.Kind.INCOMPLETE_LAST_LINE));
      Set<String> ids = new HashSet<>();
      for (LoggedPrediction r : read.records()) {
        ids.add(r.requestId());
      }
      for (long i = 0; i <= last; i++) {
        assertThat(ids).as("round %d, acknowledged through r%d", round, last).contains("r" + i);
      }
      List<LoggedPrediction> records = read.records();
      for (int i = 0; i < records.size(); i++) {
        assertThat(records.get(i).requestId()).isEqualTo("r" + i); // nothing lost in between, in order
      }
    }
    assertThat(acked).allSatisfy(a -> assertThat(a).isGreaterThanOrEqualTo(52));
  }
}
