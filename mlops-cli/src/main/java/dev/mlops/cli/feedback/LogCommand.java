package dev.mlops.cli.feedback;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./mlops log}: the prediction log's subcommands. */
@Command(
    name = "log",
    mixinStandardHelpOptions = true,
    description = "Inspect and export a prediction log.",
    subcommands = {LogStatsCommand.class, LogExportCommand.class})
public final class LogCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
