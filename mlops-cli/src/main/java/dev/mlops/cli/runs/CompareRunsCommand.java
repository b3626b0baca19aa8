package dev.mlops.cli.runs;

import dev.mlops.core.experiments.FileTracker;
import dev.mlops.experiments.RunComparison;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./mlops runs compare RUN_ID RUN_ID...}: params that differ and metric summaries side by side. */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = "Compare runs: params that differ, last/min/max (with step) of each metric.")
final class CompareRunsCommand implements Callable<Integer> {
  @CommandLine.Mixin StoreOption store = new StoreOption();

  @Parameters(paramLabel = "RUN_ID", arity = "1..*", description = "Runs to compare.")
  List<String> runIds;

  @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (FileTracker tracker = store.open(spec.commandLine().getErr())) {
      RunComparison c = tracker.compareRuns(runIds);
      if (format == OutputFormat.JSON) {
        out.println(RunJson.comparison(c).toPrettyString());
      } else {
        print(out, c);
      }
      out.flush();
      return 0;
    }
  }

  static void print(PrintWriter out, RunComparison c) {
    out.printf("%-24s", "");
    c.runIds().forEach(id -> out.printf("  %-30s", id.substring(0, Math.min(8, id.length()))));
    out.println();
    c.differingParams().forEach((k, values) -> {
      out.printf("%-24s", "param " + k);
      values.forEach(v -> out.printf("  %-30s", v.orElse("-")));
      out.println();
    });
    c.metrics().forEach((k, summaries) -> {
      out.printf("%-24s", "metric " + k);
      for (Optional<RunComparison.MetricSummary> s : summaries) {
        out.printf("  %-30s", s.map(m -> "last " + RunJson.number(m.last()) + " @" + m.lastStep()
            + " min " + RunJson.number(m.min()) + " max " + RunJson.number(m.max())).orElse("-"));
      }
      out.println();
    });
    if (!c.sameParams().isEmpty()) {
      out.printf("same params: %s%n", c.sameParams());
    }
  }
}
