package dev.mlops.core.deployment;

import dev.mlops.model.PredictionRequest;
import dev.mlops.time.MlopsClock;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The child JVM of {@link RolloutCrashTest}: {@code JOURNAL} runs the crash plan with a journal,
 * printing {@code SALT s} once, then serving keyed requests forever and printing {@code ACK step
 * candidateRequests} after each explicit checkpoint returned (so the parent knows what is durable).
 */
public final class RolloutChild {
  private RolloutChild() {}

  public static void main(String[] args) {
    PrintStream out = System.out;
    try (RolloutController c = RolloutController.builder("crash", RolloutCrashTest.PLAN,
            ScriptedModel.sign("v1"), ScriptedModel.sign("v2"))
        .clock(MlopsClock.system()).journal(Path.of(args[0])).shadowExecutor(Runnable::run)
        .checkpointEvery(97).build()) {
      out.println("SALT " + c.status().salt());
      out.flush();
      for (long i = 0; ; i++) {
        c.serve(PredictionRequest.builder(ScriptedModel.x(i % 2 == 0 ? 1 : -1)).requestId("r" + i)
            .routingKey("user-" + i).build());
        if (i % 500 == 499) {
          c.checkpoint();
          out.println("ACK " + c.status().step() + " " + c.status().windowRequests());
          out.flush();
        }
      }
    }
  }
}
