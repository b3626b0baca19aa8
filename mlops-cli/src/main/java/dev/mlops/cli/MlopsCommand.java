package dev.mlops.cli;

import dev.mlops.cli.data.InferSpecCommand;
import dev.mlops.cli.data.SplitCommand;
import dev.mlops.cli.data.ValidateCommand;
import dev.mlops.cli.demo.DemoCommand;
import dev.mlops.cli.drift.DriftCommand;
import dev.mlops.cli.evaluate.EvaluateCommand;
import dev.mlops.cli.feedback.LogCommand;
import dev.mlops.cli.feedback.PerformanceCommand;
import dev.mlops.cli.labels.LabelsCommand;
import dev.mlops.cli.model.ModelCommand;
import dev.mlops.cli.model.PredictCommand;
import dev.mlops.cli.runs.RunsCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ./mlops} command. Each lifecycle tool is a subcommand in its own class, listed in
 * {@code subcommands} below.
 *
 * <p>Exit codes: 0 success, 1 a negative result where a subcommand documents it (e.g. validation
 * violations), 2 usage or input errors.
 *
 * <p>Picocli creates one instance per invocation and fills its option fields; not thread-safe.
 * Besides this class the CLI keeps public only the subcommands listed here (this annotation must
 * name them from another package) and {@code DataReports}, which the demo shares.
 */
@Command(
    name = "mlops",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Carry a machine-learning model through its production lifecycle.",
    subcommands = {
      DemoCommand.class,
      InferSpecCommand.class,
      ValidateCommand.class,
      SplitCommand.class,
      LabelsCommand.class,
      RunsCommand.class,
      EvaluateCommand.class,
      ModelCommand.class,
      PredictCommand.class,
      DriftCommand.class,
      LogCommand.class,
      PerformanceCommand.class,
      CommandLine.HelpCommand.class,
    })
public final class MlopsCommand implements Runnable {

  /** Exit code for a usage or input error: {@value}. */
  public static final int EXIT_INPUT_ERROR = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Builds the command line with the SDK's error handling. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new MlopsCommand());
    cl.setExecutionExceptionHandler(new InputErrorHandler());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    return cl;
  }

  /**
   * Runs the command and exits with its code.
   *
   * @param args command-line arguments
   */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
