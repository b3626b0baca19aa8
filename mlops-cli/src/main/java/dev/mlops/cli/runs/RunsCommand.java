package dev.mlops.cli.runs;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./mlops runs}: list, show, compare and sync the runs of an embedded experiment store.
 * Exit codes: 0 success, 2 usage or input errors (unknown run, bad filter, missing store).
 *
 * <p>Picocli creates one instance per invocation and fills its option fields; not thread-safe.
 */
@Command(
    name = "runs",
    mixinStandardHelpOptions = true,
    description = "List, show, compare and sync experiment runs of an embedded store.",
    subcommands = {
      ListRunsCommand.class,
      ShowRunCommand.class,
      CompareRunsCommand.class,
      SyncRunsCommand.class,
    })
public final class RunsCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
