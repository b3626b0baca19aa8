package dev.mlops.cli.runs;

import dev.mlops.core.experiments.FileTracker;
import dev.mlops.core.experiments.mlflow.MlflowConfig;
import dev.mlops.core.experiments.mlflow.MlflowSync;
import dev.mlops.core.experiments.mlflow.MlflowTracker;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./mlops runs sync [--to URL] [--dry-run]}: pushes the store's runs to an MLflow
 * tracking server, idempotently. The server is {@code --to} or else {@code MLFLOW_TRACKING_URI};
 * credentials come from MLflow's environment variables, never the command line. Each retry is
 * printed on stderr (attempt, wait, cause); progress (runs and points sent) too, on a terminal
 * or with {@code --progress}.
 */
@Command(name = "sync", mixinStandardHelpOptions = true,
    description = {"Push the store's runs to an MLflow tracking server (a second sync creates nothing new).",
        "Server from --to or MLFLOW_TRACKING_URI. Auth from MLFLOW_TRACKING_TOKEN, or MLFLOW_TRACKING_USERNAME and"
            + " MLFLOW_TRACKING_PASSWORD."})
final class SyncRunsCommand implements Callable<Integer> {
  /** MLflow's environment variable naming the tracking server. */
  static final String TRACKING_URI_VARIABLE = "MLFLOW_TRACKING_URI";

  @CommandLine.Mixin StoreOption store = new StoreOption();

  @Option(names = "--to", paramLabel = "URL",
      description = "MLflow tracking server, e.g. http://127.0.0.1:5000 (default: $" + TRACKING_URI_VARIABLE + ").")
  URI to;

  @Option(names = "--dry-run", description = "List what would be sent; send nothing.")
  boolean dryRun;

  @Option(names = "--progress", description = "Print progress on stderr even when it is not a terminal.")
  boolean progress;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** The environment; a field so that tests can give their own. */
  Map<String, String> environment = System.getenv();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    URI server = server();
    try (FileTracker tracker = store.open(err)) {
      MlflowTracker remote = MlflowTracker.connect(MlflowConfig.fromEnvironment(server, environment).build(),
          r -> {
            err.printf(Locale.ROOT, "retry: %s failed (%s), attempt %d of %d; next in %.1f s%n", r.request(), r.cause(),
                r.attempt(), r.attempts(), r.pause().toMillis() / 1000.0);
            err.flush();
          });
      if (dryRun) {
        return printPlan(out, server, MlflowSync.plan(tracker, remote));
      }
      boolean showProgress = progress || System.console() != null;
      MlflowSync.SyncReport report = MlflowSync.sync(tracker, remote, p -> {
        if (showProgress) {
          err.printf(Locale.ROOT, "%d/%d runs (%s %s), %d points sent%n", p.done(), p.total(),
              p.action().name().toLowerCase(Locale.ROOT), p.localRunId(), p.pointsSent());
          err.flush();
        }
      });
      out.printf("synced to %s: %d created, %d resumed, %d already there%n", server, report.created(),
          report.resumed(), report.skipped());
      out.flush();
      return 0;
    }
  }

  private URI server() {
    if (to != null) {
      return to;
    }
    String fromEnvironment = environment.get(TRACKING_URI_VARIABLE);
    if (fromEnvironment == null || fromEnvironment.isBlank()) {
      throw new IllegalArgumentException("no MLflow server: give --to URL or set " + TRACKING_URI_VARIABLE);
    }
    try {
      return new URI(fromEnvironment.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(TRACKING_URI_VARIABLE + " is not a URL: '" + fromEnvironment + "'", e);
    }
  }

  private static int printPlan(PrintWriter out, URI server, List<MlflowSync.PlannedRun> plan) {
    int[] counts = new int[MlflowSync.Action.values().length];
    long points = 0;
    for (MlflowSync.PlannedRun p : plan) {
      counts[p.action().ordinal()]++;
      points += p.metricPoints();
      out.printf(Locale.ROOT, "%-6s %s  %s / %s  %s  %d params, %d points, %d inputs%n",
          p.action().name().toLowerCase(Locale.ROOT), p.run().runId(), p.run().experimentName(), p.run().runName(),
          p.run().status(), p.run().params().size(), p.metricPoints(), p.run().inputs().size());
    }
    out.printf(Locale.ROOT, "dry run against %s: %d to create, %d to resume, %d already there; %d points; nothing"
        + " was sent%n", server, counts[MlflowSync.Action.CREATE.ordinal()], counts[MlflowSync.Action.RESUME.ordinal()],
        counts[MlflowSync.Action.SKIP.ordinal()], points);
    out.flush();
    return 0;
  }
}
