package dev.mlops.cli;

import dev.mlops.MlopsException;
import dev.mlops.core.io.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import picocli.CommandLine;

/**
 * Turns every failure of a subcommand into one line on stderr and an exit code that means the
 * same in every command: {@link MlopsCommand#EXIT_INPUT_ERROR} for bad input (SDK failures,
 * rejected arguments, unreadable or unwritable files), {@link MlopsCommand#EXIT_INTERNAL_ERROR}
 * for anything unexpected (a bug, running out of memory). The stack trace follows only with
 * {@code --debug}.
 */
final class FailureHandler implements CommandLine.IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(
      Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    return report(ex, commandLine.getCommandSpec().qualifiedName(), commandLine.getErr(),
        debug(parseResult));
  }

  /**
   * Prints the failure and returns its exit code.
   *
   * @param command the command's name as typed, e.g. {@code "mlops runs list"}
   */
  static int report(Throwable failure, String command, PrintWriter err, boolean debug) {
    boolean input = isInputError(failure);
    if (input) {
      err.println(command + ": " + inputMessage(failure));
    } else if (failure instanceof OutOfMemoryError) {
      err.println(command + ": out of memory (" + failure.getMessage() + "); give Java more heap,"
          + " e.g. MLOPS_JAVA_OPTS=-Xmx4g ./mlops ...");
    } else {
      err.println(command + ": internal error: " + failure + where(failure)
          + (debug ? "" : " (rerun with --debug for the stack trace)"));
    }
    if (debug) {
      failure.printStackTrace(err);
    }
    err.flush();
    return input ? MlopsCommand.EXIT_INPUT_ERROR : MlopsCommand.EXIT_INTERNAL_ERROR;
  }

  /** Whether {@code --debug} was given anywhere on the command line. */
  static boolean debug(CommandLine.ParseResult parseResult) {
    for (CommandLine.ParseResult p = parseResult; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption(MlopsCommand.DEBUG_OPTION)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isInputError(Throwable t) {
    return t instanceof MlopsException
        || t instanceof IllegalArgumentException
        || t instanceof UncheckedIOException
        || t instanceof IOException;
  }

  private static String inputMessage(Throwable t) {
    if (t instanceof FileSystemException f && f.getReason() == null) {
      // NoSuchFileException and friends carry only the path; say what is wrong with it.
      return f.getFile() + ": " + AtomicFiles.reason(f);
    }
    if (t instanceof IOException e) {
      return e.getMessage() == null ? AtomicFiles.reason(e) : e.getMessage();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }

  /** The first frame of the failure, so a bug report from the one line is already useful. */
  private static String where(Throwable t) {
    StackTraceElement[] trace = t.getStackTrace();
    return trace.length == 0 ? "" : " at " + trace[0];
  }
}
