package dev.mlops.core.experiments.mlflow;

import dev.mlops.experiments.ActiveRun;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The child JVM of {@link MlflowCrashTest}: {@code URI} starts a run and prints {@code RUN <id>};
 * for each {@code go} read from stdin it logs 1,500 more points and flushes, printing
 * {@code ACK <last step>} when the flush returned or {@code UNSENT <count>} when it threw.
 */
public final class MlflowLoggingChild {
  private MlflowLoggingChild() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = System.out;
    MlflowTracker tracker = MlflowTracker.connect(MlflowConfig.builder(URI.create(args[0])).maxRetries(0)
        .initialBackoff(Duration.ZERO).gitDirectory(null).build());
    ActiveRun run = tracker.startRun("crash", "victim");
    out.println("RUN " + run.runId());
    out.flush();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    long step = 0;
    while ("go".equals(in.readLine())) {
      for (int i = 0; i < 1500; i++, step++) {
        run.logMetric("m", step, step);
      }
      try {
        tracker.flush();
        out.println("ACK " + (step - 1));
      } catch (MlflowUnsentDataException e) {
        out.println("UNSENT " + e.metricPoints());
      }
      out.flush();
    }
  }
}
