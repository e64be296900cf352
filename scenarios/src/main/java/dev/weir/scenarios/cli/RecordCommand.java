package dev.weir.scenarios.cli;

import dev.weir.harness.browser.BrowserRuntime;
import dev.weir.harness.conformance.CaseResult;
import dev.weir.harness.conformance.Frontend;
import dev.weir.harness.conformance.JudgedRun;
import dev.weir.scenarios.bundle.RunFiles;
import dev.weir.scenarios.run.Conditions;
import dev.weir.scenarios.run.RunConditions;
import dev.weir.scenarios.run.ScenarioRunner;
import dev.weir.scenarios.scenario.ScenarioInstance;
import dev.weir.scenarios.scenario.ScenarioParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code weir record SCENARIO --out DIR}: runs one scenario instance and keeps what it sent and
 * what happened, passed or failed, as the files a repro bundle holds ({@link RunFiles}): to open in
 * Foxglove, to inspect, or to replay the readings with {@code weir replay DIR/stream.mcap}.
 */
@Command(name = "record", mixinStandardHelpOptions = true,
    description = {"Runs one scenario in headless Chromium and saves the readings it sent"
        + " (stream.mcap), the run's trace (trace.mcap) and its verdicts (verdict.json) in a"
        + " folder, whether it passed or not.",
        "Exit code 1 when a checker failed; 2 on bad input (a file with several scenarios needs"
        + " --id)."})
final class RecordCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "SCENARIO", description = "A scenario file (docs/scenario-format.md).")
  Path file;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "The folder to save the files in; created if missing, files of the same names"
          + " replaced.")
  Path out;

  @Option(names = "--id", paramLabel = "ID",
      description = "The instance to run, when the file's matrix gives several (weir list FILE"
          + " shows their ids).")
  String id;

  @Option(names = "--frontend", paramLabel = "DIR",
      description = "The frontend's folder (default: the scenario's own, or the bundled reference)")
  Path frontend;

  @Override
  public Integer call() throws Exception {
    if (Files.isRegularFile(out)) {
      throw new BadInputException("--out " + out + ": expected a folder to save the run's files"
          + " in; it is a file");
    }
    ScenarioInstance instance = instance(ScenarioParser.parse(file));
    Optional<Frontend> override = Optional.ofNullable(frontend).map(RunCommand::frontend);
    PrintWriter err = spec.commandLine().getErr();
    err.println("weir record: " + instance.id() + " on " + instance.scenario().transport().kind());
    ScenarioRunner runner = new ScenarioRunner(BrowserRuntime.shared(), override, Optional.empty());
    JudgedRun run;
    Conditions conditions;
    try (RunConditions under = RunConditions.start(Optional.empty())) {
      run = runner.judge(instance);
      conditions = under.conditions();
    }
    RunFiles.write(out, instance.scenario(), run);
    CaseResult result = run.result();
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.print(RunCommand.table(List.of(result), conditions));
    stdout.println("Recorded in " + out.toAbsolutePath().normalize() + ": " + RunFiles.STREAM + ", "
        + RunFiles.TRACE + ", " + RunFiles.VERDICT);
    stdout.flush();
    return result.passed() ? WeirCli.OK : WeirCli.CHECK_FAILED;
  }

  /** The one instance to run: the file's only one, or the one {@code --id} names. */
  private ScenarioInstance instance(List<ScenarioInstance> instances) {
    String ids = instances.stream().map(ScenarioInstance::id).collect(Collectors.joining(", "));
    if (id == null) {
      if (instances.size() > 1) {
        throw new BadInputException(file + " holds " + instances.size() + " scenarios (a matrix);"
            + " expected --id with one of: " + ids);
      }
      return instances.get(0);
    }
    return instances.stream().filter(i -> i.id().equals(id)).findFirst()
        .orElseThrow(() -> new BadInputException("--id " + id + ": expected one of " + ids));
  }
}
