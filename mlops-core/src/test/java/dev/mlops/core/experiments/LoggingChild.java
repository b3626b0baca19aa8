package dev.mlops.core.experiments;

import dev.mlops.experiments.ActiveRun;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The child JVM of the crash and multi-process tests.
 *
 * <ul>
 *   <li>{@code crash STORE}: logs metric "m" = i at step i forever, flushing every 37 points
 *       and printing {@code ACK i} after each flush returned (so the parent knows what is durable);
 *   <li>{@code threads STORE THREADS POINTS}: each thread starts its own run in experiment
 *       "shared", logs POINTS points and ends it; prints {@code DONE};
 *   <li>{@code experiments STORE START_EPOCH_MILLIS PREFIX COUNT}: busy-waits until the shared
 *       start instant, then starts one run in each of the experiments PREFIX-0 .. PREFIX-(COUNT-1)
 *       and prints {@code RUN <experiment> <run id>} for each, then {@code DONE}.
 * </ul>
 */
public final class LoggingChild {
  private LoggingChild() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = System.out;
    Path store = Path.of(args[1]);
    try (FileTracker tracker = FileTracker.open(FileTrackerConfig.builder(store).gitDirectory(null).queueCapacity(1024).batchSize(64).build())) {
      if (args[0].equals("crash")) {
        ActiveRun run = tracker.startRun("crash", "victim");
        out.println("RUN " + run.runId());
        out.flush();
        for (long i = 0; ; i++) {
          run.logMetric("m", i, i);
          if (i % 37 == 36) {
            run.setTag("last", Long.toString(i));
            tracker.flush();
            out.println("ACK " + i);
            out.flush();
          }
        }
      }
      if (args[0].equals("experiments")) {
        long start = Long.parseLong(args[2]);
        while (System.currentTimeMillis() < start) {
          Thread.onSpinWait(); // all children leave this loop within the same millisecond
        }
        int count = Integer.parseInt(args[4]);
        for (int i = 0; i < count; i++) {
          String experiment = args[3] + "-" + i;
          try (ActiveRun run = tracker.startRun(experiment, "r")) {
            out.println("RUN " + experiment + " " + run.runId());
          }
        }
        out.println("DONE");
        out.flush();
        return;
      }
      int threads = Integer.parseInt(args[2]);
      int points = Integer.parseInt(args[3]);
      List<Thread> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Thread w = new Thread(() -> {
          try (ActiveRun run = tracker.startRun("shared", "worker")) {
            for (int i = 0; i < points; i++) {
              run.logMetric("m", i, i);
            }
          }
        });
        w.start();
        workers.add(w);
      }
      for (Thread w : workers) {
        w.join();
      }
    }
    out.println("DONE");
    out.flush();
  }
}
