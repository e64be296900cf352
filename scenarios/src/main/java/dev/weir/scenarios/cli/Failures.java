package dev.weir.scenarios.cli;

import dev.weir.simulator.spec.SpecException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns what a command throws into one line on stderr and an exit code.
 *
 * <p>Bad input (a spec error, a corrupt or missing file) is the user's to fix and gets exit
 * code 2 with the message alone; anything else is a bug in weir and keeps its stack trace.
 */
final class Failures implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parseResult) {
    Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
    String name = cmd.getCommandSpec().qualifiedName(); // "weir bench browser"
    if (cause instanceof NoSuchFileException missing) {
      cmd.getErr().println(name + ": no such file: " + missing.getFile());
      return WeirCli.BAD_INPUT;
    }
    if (cause instanceof SpecException || cause instanceof IOException || cause instanceof BadInputException) {
      cmd.getErr().println(name + ": " + cause.getMessage());
      return WeirCli.BAD_INPUT;
    }
    cmd.getErr().println(name + ": internal error (please report it with the command line):");
    e.printStackTrace(cmd.getErr());
    return WeirCli.INTERNAL_ERROR;
  }
}
