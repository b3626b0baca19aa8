package dev.mlops.cli.runs;

import dev.mlops.core.experiments.FileTracker;
import dev.mlops.core.experiments.mlflow.MlflowConfig;
import dev.mlops.core.experiments.mlflow.MlflowSync;
import dev.mlops.core.experiments.mlflow.MlflowTracker;
import java.io.PrintWriter;
import java.net.URI;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./mlops runs sync --to URL}: pushes the store's runs to an MLflow tracking server,
 * idempotently. Credentials come from MLflow's environment variables, never the command line.
 */
@Command(name = "sync", mixinStandardHelpOptions = true,
    description = {"Push the store's runs to an MLflow tracking server (a second sync creates nothing new).",
        "Auth from MLFLOW_TRACKING_TOKEN, or MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD."})
final class SyncRunsCommand implements Callable<Integer> {
  @CommandLine.Mixin StoreOption store = new StoreOption();

  @Option(names = "--to", required = true, paramLabel = "URL", description = "MLflow tracking server, e.g. http://127.0.0.1:5000.")
  URI to;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (FileTracker tracker = store.open(spec.commandLine().getErr())) {
      MlflowTracker remote = MlflowTracker.connect(MlflowConfig.fromEnvironment(to, System.getenv()).build());
      MlflowSync.SyncReport report = MlflowSync.sync(tracker, remote);
      out.printf("synced to %s: %d created, %d resumed, %d already there%n", to, report.created(),
          report.resumed(), report.skipped());
      out.flush();
      return 0;
    }
  }
}
