package dev.mlops.cli.runs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops.core.experiments.FileTracker;
import dev.mlops.experiments.RunPage;
import dev.mlops.experiments.RunQuery;
import dev.mlops.experiments.RunRecord;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./mlops runs list [--store DIR] [--experiment NAME] [--filter "..."] [--order-by "..."]
 * [--format text|json]}: the runs matching an MLflow-syntax filter.
 */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List runs, filtered and ordered with MLflow's search syntax.")
final class ListRunsCommand implements Callable<Integer> {
  @CommandLine.Mixin StoreOption store = new StoreOption();

  @Option(names = "--experiment", paramLabel = "NAME", description = "Only runs of this experiment (repeatable; default: all).")
  List<String> experiments = new ArrayList<>();

  @Option(names = "--filter", paramLabel = "FILTER", defaultValue = "",
      description = "MLflow filter, e.g. \"metrics.accuracy > 0.9 and params.model = 'tree'\".")
  String filter;

  @Option(names = "--order-by", paramLabel = "CLAUSE", description = "e.g. \"metrics.accuracy DESC\" (repeatable; default: newest first).")
  List<String> orderBy = new ArrayList<>();

  @Option(names = "--max-results", defaultValue = "100", description = "Most runs to show (default: ${DEFAULT-VALUE}).")
  int maxResults;

  @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (FileTracker tracker = store.open(spec.commandLine().getErr())) {
      RunPage page = tracker.searchRuns(new RunQuery(experiments, filter, orderBy, maxResults, Optional.empty()));
      if (format == OutputFormat.JSON) {
        ObjectNode root = RunJson.JSON.createObjectNode();
        ArrayNode runs = root.putArray("runs");
        page.runs().forEach(r -> runs.add(RunJson.run(r)));
        page.nextPageToken().ifPresent(t -> root.put("truncated", true));
        out.println(root.toPrettyString());
      } else {
        int experimentWidth = "EXPERIMENT".length();
        int nameWidth = "NAME".length();
        for (RunRecord r : page.runs()) {
          experimentWidth = Math.max(experimentWidth, r.experimentName().length());
          nameWidth = Math.max(nameWidth, r.runName().length());
        }
        String row = "%-32s  %-" + experimentWidth + "s  %-" + nameWidth + "s  %-8s  %-20s  %s%n";
        out.printf(row, "RUN_ID", "EXPERIMENT", "NAME", "STATUS", "START", "METRICS");
        for (RunRecord r : page.runs()) {
          out.printf(row, r.runId(), r.experimentName(), r.runName(), r.status(),
              r.startTime().toString().replaceFirst("\\.\\d+Z$", "Z"), RunJson.metrics(r.latestMetrics()));
        }
        out.printf("%d run(s)%s%n", page.runs().size(), page.nextPageToken().isPresent()
            ? " shown; more match (raise --max-results)" : "");
      }
      out.flush();
      return 0;
    }
  }
}
