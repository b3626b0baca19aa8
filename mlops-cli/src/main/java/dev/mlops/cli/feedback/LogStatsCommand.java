package dev.mlops.cli.feedback;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.feedback.LogProblem;
import dev.mlops.core.feedback.PredictionLogReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./mlops log stats}: what a prediction log holds and which lines were skipped. */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    description = {
      "Count the records of a prediction log: time span, model versions, arms, failures, and the",
      "torn or corrupt lines skipped, with file and line. Exit code 0; 2 on bad input."
    })
public final class LogStatsCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format {
    TEXT,
    JSON
  }

  @Option(names = "--log", required = true, paramLabel = "DIR", description = "The prediction log folder.")
  Path log;

  @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
      description = "Output format (default: ${DEFAULT-VALUE}).")
  Format format;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    long[] records = {0};
    long[] failures = {0};
    Instant[] span = {null, null};
    Map<String, Long> versions = new TreeMap<>();
    Map<String, Long> arms = new TreeMap<>();
    List<LogProblem> skipped = PredictionLogReader.of(log).scan(r -> {
      records[0]++;
      if (!r.succeeded()) {
        failures[0]++;
      }
      if (span[0] == null || r.receivedAt().isBefore(span[0])) {
        span[0] = r.receivedAt();
      }
      if (span[1] == null || r.receivedAt().isAfter(span[1])) {
        span[1] = r.receivedAt();
      }
      versions.merge(r.modelName() + ":" + r.modelVersion(), 1L, Long::sum);
      arms.merge(r.arm().name().toLowerCase(Locale.ROOT), 1L, Long::sum);
    });
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.JSON) {
      ObjectMapper json = new ObjectMapper();
      ObjectNode root = json.createObjectNode().put("records", records[0]);
      root.put("from", span[0] == null ? null : span[0].toString());
      root.put("to", span[1] == null ? null : span[1].toString());
      root.put("failures", failures[0]);
      ObjectNode v = root.putObject("versions");
      versions.forEach(v::put);
      ObjectNode a = root.putObject("arms");
      arms.forEach(a::put);
      ArrayNode s = root.putArray("skipped");
      for (LogProblem p : skipped) {
        s.addObject().put("file", p.file().toString()).put("line", p.line())
            .put("kind", p.kind().name()).put("detail", p.detail());
      }
      out.println(root.toPrettyString());
    } else {
      out.printf(Locale.ROOT, "records:  %d (%d failed)%n", records[0], failures[0]);
      out.printf(Locale.ROOT, "from:     %s%nto:       %s%n",
          span[0] == null ? "-" : span[0], span[1] == null ? "-" : span[1]);
      out.println("versions: " + versions);
      out.println("arms:     " + arms);
      out.printf(Locale.ROOT, "skipped:  %d line(s)%n", skipped.size());
      for (LogProblem p : skipped) {
        out.println("  " + p);
      }
    }
    out.flush();
    return 0;
  }
}
