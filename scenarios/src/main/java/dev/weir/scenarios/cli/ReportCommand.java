package dev.weir.scenarios.cli;

import dev.weir.harness.check.Status;
import dev.weir.scenarios.report.Report;
import dev.weir.scenarios.report.ReportWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code weir report [DIR]}: makes a report folder's page again from its {@code index.json}, which
 * holds every verdict and all the evidence the page draws: to turn a CI artifact's JSON into HTML
 * on a desk, or to redraw an old report with this version's page.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"Writes a report folder's index.html, junit.xml and assets again from its"
        + " index.json (what weir run wrote, or a CI artifact of it), replacing the folder whole.",
        "Exit code 0 once written, whatever the verdicts (weir run's exit code judged them);"
        + " 2 when the folder holds no index.json weir can read."})
final class ReportCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "DIR", defaultValue = "target/weir-report",
      description = "The report folder. Default: ${DEFAULT-VALUE}")
  Path folder;

  @Override
  public Integer call() throws IOException {
    Path index = folder.resolve("index.json");
    if (!Files.isRegularFile(index)) {
      throw new BadInputException(folder + ": expected a report folder with an index.json"
          + " (written by weir run); there is no index.json in it");
    }
    Report report = Report.read(index);
    Path html = ReportWriter.write(report, folder).toAbsolutePath();
    PrintWriter out = spec.commandLine().getOut();
    out.println(report.title() + ": " + report.runs().size() + " runs, " + totals(report.totals()));
    out.println("Report: " + html);
    out.flush();
    return WeirCli.OK;
  }

  /** {@code 24 OK, 1 NON-STRICT}: the statuses some run has, in the matrix's legend order. */
  private static String totals(Map<Status, Long> totals) {
    return totals.entrySet().stream().filter(t -> t.getValue() > 0)
        .map(t -> t.getValue() + " " + t.getKey().label()).collect(Collectors.joining(", "));
  }
}
