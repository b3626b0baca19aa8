package dev.mlops.cli.model;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./mlops model}: tools for model files; see {@link InspectCommand}.
 *
 * <p>Picocli creates one instance per invocation and fills its option fields; not thread-safe.
 */
@Command(
    name = "model",
    mixinStandardHelpOptions = true,
    description = "Model file tools.",
    subcommands = {InspectCommand.class})
public final class ModelCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }
}
