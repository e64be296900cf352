package dev.weir.scenarios.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code weir} command line: one entry point, a subcommand per job.
 *
 * <p>Exit codes are part of the contract CI scripts rely on: {@value #OK} success,
 * {@value #CHECK_FAILED} a check failed, {@value #BAD_INPUT} bad input or usage, with the
 * reason on standard error; {@value #INTERNAL_ERROR} is a bug in weir.
 */
@Command(name = "weir", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Test harness and simulation suite for real-time streaming between a JVM backend and a webview frontend.",
    subcommands = {SimulateCommand.class, InspectCommand.class, ConvertCommand.class, RunCommand.class,
        ListCommand.class, ReplayCommand.class, RecordCommand.class, ReportCommand.class,
        BenchCommand.class,
        CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:a check failed", "2:bad input or usage (the reason is on stderr)",
        "3:internal error (a bug in weir; the stack trace is on stderr)"})
public final class WeirCli {

  public static final int OK = 0;
  public static final int CHECK_FAILED = 1;
  public static final int BAD_INPUT = 2;
  public static final int INTERNAL_ERROR = 3;

  private WeirCli() {}

  public static void main(String[] args) {
    // Standard output carries the command's result only (a table, JSON people pipe into jq):
    // what libraries print there (JCEF announces its start and shutdown) goes to standard error.
    PrintStream stdout = System.out;
    System.setOut(System.err);
    int code = INTERNAL_ERROR;
    try {
      code = run(args, new PrintWriter(stdout, true), new PrintWriter(System.err, true));
    } catch (Throwable bug) {
      // An Error gets past picocli's handler; without an explicit exit the browser's non-daemon
      // threads would keep the JVM up forever.
      bug.printStackTrace();
    } finally {
      System.exit(code);
    }
  }

  /** Runs one command line with the given streams; the exit code is returned, not acted on. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new WeirCli())
        .setOut(out)
        .setErr(err)
        .setExecutionExceptionHandler(new Failures());
    return cli.execute(args);
  }
}
