package dev.mlops.cli;

import dev.mlops.cli.data.InferSpecCommand;
import dev.mlops.cli.data.SplitCommand;
import dev.mlops.cli.data.ValidateCommand;
import dev.mlops.cli.demo.DemoCommand;
import dev.mlops.cli.drift.DriftCommand;
import dev.mlops.cli.evaluate.EvaluateCommand;
import dev.mlops.cli.labels.LabelsCommand;
import dev.mlops.cli.model.ModelCommand;
import dev.mlops.cli.model.PredictCommand;
import dev.mlops.cli.monitor.MonitorCommand;
import dev.mlops.cli.rollout.RolloutCommand;
import dev.mlops.cli.runs.RunsCommand;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code ./mlops} command. Each lifecycle tool is a subcommand in its own class, listed in
 * {@code subcommands} below.
 *
 * <p>Exit codes mean the same in every subcommand: {@value #EXIT_OK} success, {@value
 * #EXIT_FINDING} a finding the user asked about (only {@code validate}: violations), {@value
 * #EXIT_INPUT_ERROR} usage or input errors (bad arguments, malformed or unreadable files, a file
 * that cannot be written), {@value #EXIT_INTERNAL_ERROR} an unexpected error (a bug, out of memory;
 * sysexits' {@code EX_SOFTWARE}). Failures print one line on stderr; {@code --debug} adds the
 * stack trace.
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
      MonitorCommand.class,
      RolloutCommand.class,
      CommandLine.HelpCommand.class,
    })
public final class MlopsCommand implements Runnable {

  /** Exit code for success: {@value}. */
  public static final int EXIT_OK = 0;

  /** Exit code for a finding the user asked about, e.g. validation violations: {@value}. */
  public static final int EXIT_FINDING = 1;

  /** Exit code for a usage or input error: {@value}. */
  public static final int EXIT_INPUT_ERROR = 2;

  /** Exit code for an unexpected error, sysexits' {@code EX_SOFTWARE}: {@value}. */
  public static final int EXIT_INTERNAL_ERROR = 70;

  /** The option that adds stack traces to failure messages: {@value}. */
  static final String DEBUG_OPTION = "--debug";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  // Declared once here and inherited by every subcommand; FailureHandler reads it from the parse
  // result, so it works wherever it is typed (mlops --debug split ... or mlops split ... --debug).
  @Option(names = DEBUG_OPTION, scope = ScopeType.INHERIT,
      description = "On failure, print the stack trace after the one-line message.")
  boolean debug;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Builds the command line with the SDK's error handling. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new MlopsCommand());
    cl.setExecutionExceptionHandler(new FailureHandler());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    return cl;
  }

  /**
   * Runs a command line built by {@link #commandLine()} and returns its exit code. Unlike
   * {@link CommandLine#execute}, errors ({@link OutOfMemoryError}, {@link StackOverflowError})
   * get the same one-line report and exit code as unexpected exceptions.
   */
  public static int execute(CommandLine commandLine, String... args) {
    try {
      return commandLine.execute(args);
    } catch (Throwable t) {
      String command = commandLine.getCommandName();
      CommandLine.ParseResult parsed = commandLine.getParseResult();
      for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
        command = p.commandSpec().qualifiedName();
      }
      boolean debug = parsed == null ? List.of(args).contains(DEBUG_OPTION) : FailureHandler.debug(parsed);
      return FailureHandler.report(t, command, commandLine.getErr(), debug);
    }
  }

  /**
   * Runs the command and exits with its code.
   *
   * @param args command-line arguments
   */
  public static void main(String[] args) {
    System.exit(execute(commandLine(), args));
  }
}
