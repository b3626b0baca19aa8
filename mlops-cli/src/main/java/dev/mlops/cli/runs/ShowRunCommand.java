package dev.mlops.cli.runs;

import dev.mlops.core.experiments.FileTracker;
import dev.mlops.experiments.RunRecord;
import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./mlops runs show RUN_ID}: everything recorded for one run. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show one run: params, metrics, tags, inputs.")
final class ShowRunCommand implements Callable<Integer> {
  @CommandLine.Mixin StoreOption store = new StoreOption();

  @Parameters(paramLabel = "RUN_ID", description = "The run's id.")
  String runId;

  @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (FileTracker tracker = store.open(spec.commandLine().getErr())) {
      RunRecord r = tracker.findRun(runId).orElseThrow(() -> new IllegalArgumentException(
          "run '" + runId + "' not found in " + tracker.root()));
      if (format == OutputFormat.JSON) {
        out.println(RunJson.run(r).toPrettyString());
      } else {
        out.printf("run %s (%s) in experiment %s: %s%n", r.runId(), r.runName(), r.experimentName(), r.status());
        out.printf("  started %s%s%n", r.startTime(), r.endTime().map(t -> ", ended " + t).orElse(""));
        r.parentRunId().ifPresent(p -> out.printf("  parent %s%n", p));
        section(out, "params", r.params());
        out.println("  metrics (latest):");
        new TreeMap<>(r.latestMetrics()).forEach((k, p) ->
            out.printf("    %s = %s (step %d)%n", k, RunJson.number(p.value()), p.step()));
        section(out, "tags", r.tags());
        out.println("  inputs:");
        r.inputs().forEach(i -> out.printf("    %s [%s] %s, %d rows, from %s%n", i.dataset().name(), i.context(),
            i.dataset().digest(), i.dataset().rowCount(), i.dataset().source()));
      }
      out.flush();
      return 0;
    }
  }

  private static void section(PrintWriter out, String title, Map<String, String> values) {
    out.printf("  %s:%n", title);
    new TreeMap<>(values).forEach((k, v) -> out.printf("    %s = %s%n", k, v));
  }
}
