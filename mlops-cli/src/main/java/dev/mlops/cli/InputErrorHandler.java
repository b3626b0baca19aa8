package dev.mlops.cli;

import dev.mlops.MlopsException;
import picocli.CommandLine;

/**
 * Turns SDK and argument failures during execution into a one-line message on stderr and exit
 * code 2, instead of a stack trace. Anything else is a bug and keeps its stack trace (exit 1).
 */
final class InputErrorHandler implements CommandLine.IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(
      Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) throws Exception {
    if (ex instanceof MlopsException
        || ex instanceof IllegalArgumentException
        || ex instanceof java.io.UncheckedIOException) {
      commandLine.getErr().println("mlops " + commandLine.getCommandName() + ": " + ex.getMessage());
      return MlopsCommand.EXIT_INPUT_ERROR;
    }
    throw ex;
  }
}
