package dev.mlops.cli.rollout;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./mlops rollout}: progressive rollouts of a candidate model. Exit codes: 0 for any
 * rollout outcome, 2 for bad input.
 *
 * <p>Picocli creates one instance per invocation; not thread-safe.
 */
@Command(
    name = "rollout",
    mixinStandardHelpOptions = true,
    description = "Progressive rollouts: replay recorded traffic through a rollout plan.",
    subcommands = {ReplayCommand.class})
public final class RolloutCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
