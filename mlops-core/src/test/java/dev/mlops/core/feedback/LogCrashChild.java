package dev.mlops.core.feedback;

import dev.mlops.time.MlopsClock;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The child JVM of {@link PredictionLogCrashTest}: logs predictions {@code r0, r1, ...} forever
 * into the folder given, flushing every 53 records and printing {@code ACK i} after each flush
 * returned, so the parent knows what is durable.
 */
public final class LogCrashChild {
  private LogCrashChild() {}

  public static void main(String[] args) {
    PrintStream out = System.out;
    PredictionLogConfig config = PredictionLogConfig.builder(Path.of(args[0])).maxFileBytes(64 * 1024).build();
    try (PredictionLogger log = PredictionLogger.builder(config).clock(MlopsClock.system()).build()) {
      Instant at = Instant.parse("2026-12-01T09:00:00Z");
      for (long i = 0; ; i++) {
        log.log(Outcomes.success("r" + i, at.plusMillis(i), 0.25 + (i % 50) / 100.0));
        if (i % 53 == 52) {
          log.flush();
          out.println("ACK " + i);
          out.flush();
        }
      }
    }
  }
}
