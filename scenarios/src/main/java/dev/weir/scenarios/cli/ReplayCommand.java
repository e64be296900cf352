package dev.weir.scenarios.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weir.harness.browser.BrowserRuntime;
import dev.weir.harness.conformance.CaseResult;
import dev.weir.harness.conformance.Frontend;
import dev.weir.harness.transport.Transports;
import dev.weir.scenarios.bundle.ReproBundle;
import dev.weir.scenarios.run.Conditions;
import dev.weir.scenarios.run.RunConditions;
import dev.weir.scenarios.run.ScenarioRunner;
import dev.weir.scenarios.run.Stress;
import dev.weir.scenarios.scenario.Expectation;
import dev.weir.scenarios.scenario.ScenarioInstance;
import dev.weir.scenarios.scenario.ScenarioParser;
import dev.weir.simulator.pacing.Speed;
import dev.weir.simulator.spec.SpecException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Runs a repro bundle again, or a recording through a transport and a frontend with checks: how a
 * failure from CI or from the field is reproduced on a desk.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = {"Replays a repro bundle (the folder a failing run leaves) and says whether its"
        + " verdict is the same, or replays an MCAP recording through a transport and a frontend"
        + " with checks.",
        "Exit code 1 when a checker failed (a reproduced failure); 2 on bad input."})
final class ReplayCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "BUNDLE|FILE.mcap",
      description = {"BUNDLE: a repro bundle's folder (its scenario.yaml is run as it ran)",
          "FILE.mcap: a recording of readings (weir simulate, weir convert, or a bundle's stream)"})
  Path what;

  @Option(names = "--frontend", paramLabel = "DIR",
      description = "The frontend's folder (default: the bundle's, or the bundled reference)")
  Path frontend;

  @Option(names = "--transport", paramLabel = "KIND", defaultValue = "channel",
      description = "recordings only: channel, event, command, scheme, websocket or sse."
          + " Default: ${DEFAULT-VALUE}")
  String transport;

  @Option(names = "--speed", paramLabel = "SPEED", defaultValue = "1x",
      description = "recordings only: how fast to play it: 1x, 20x, max. Default: ${DEFAULT-VALUE}")
  String speed;

  @Option(names = "--expect", split = ",", paramLabel = "CHECKER", defaultValue = "ordering",
      description = "recordings only: the checkers, with their defaults (docs/scenario-format.md):"
          + " ordering, cleanup, backpressure, reconnect, buffer. Default: ${DEFAULT-VALUE}")
  List<String> expect;

  @Mixin
  StressOption stressOption;

  @Override
  public Integer call() throws IOException {
    Optional<Stress> stress = stressOption.stress();
    Optional<ReproBundle> bundle = Files.isDirectory(what) ? Optional.of(new ReproBundle(what)) : Optional.empty();
    ScenarioInstance instance = bundle.isPresent() ? bundled(bundle.get()) : recording();
    Optional<Frontend> override = Optional.ofNullable(frontend).map(RunCommand::frontend);
    PrintWriter err = spec.commandLine().getErr();
    err.println("weir replay: " + instance.id() + " on " + instance.scenario().transport().kind()
        + stress.map(s -> ", under stress: " + s.describe()).orElse(""));
    ScenarioRunner runner = new ScenarioRunner(BrowserRuntime.shared(), override, Optional.empty());
    CaseResult result;
    Conditions conditions;
    try (RunConditions under = RunConditions.start(stress)) {
      result = runner.run(instance);
      conditions = under.conditions();
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(RunCommand.table(List.of(result), conditions));
    if (bundle.isPresent()) {
      String then = bundle.get().outcome();
      out.println(then.equals(result.outcome())
          ? "Same verdict as the bundle's: " + then
          : "Verdict differs from the bundle's:\n  bundle: " + then + "\n  now:    " + result.outcome());
    }
    out.flush();
    return result.passed() ? WeirCli.OK : WeirCli.CHECK_FAILED;
  }

  private static ScenarioInstance bundled(ReproBundle bundle) throws IOException {
    if (!Files.isRegularFile(bundle.folder().resolve("scenario.yaml"))) {
      throw new BadInputException(bundle.folder() + ": expected a repro bundle (a folder with a"
          + " scenario.yaml, written by a failing weir run or test); there is no scenario.yaml in it");
    }
    try {
      return bundle.instance();
    } catch (SpecException e) {
      throw new BadInputException(e.getMessage());
    }
  }

  /** The recording as a scenario: the options are its transport, speed and expectations. */
  private ScenarioInstance recording() {
    if (!Files.isRegularFile(what)) {
      throw new BadInputException(what + ": expected a repro bundle's folder or an MCAP recording;"
          + " there is no such file");
    }
    if (!Transports.KINDS.contains(transport)) {
      throw new BadInputException("--transport " + transport + ": expected one of "
          + String.join(", ", Transports.KINDS));
    }
    try {
      Speed.parse(speed);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--speed " + speed + ": " + e.getMessage());
    }
    for (String checker : expect) {
      if (!Expectation.KEYS.contains(checker)) {
        throw new BadInputException("--expect " + checker + ": expected one of " + String.join(", ", Expectation.KEYS));
      }
    }
    StringBuilder yaml = new StringBuilder("weir: 1\nname: replay\n")
        .append("source: {recording: ").append(quoted(what.toAbsolutePath().toString()))
        .append(", speed: ").append(quoted(speed)).append("}\n")
        .append("transport: {kind: ").append(transport).append("}\n")
        .append("expect:\n");
    expect.forEach(checker -> yaml.append("  ").append(quoted(checker)).append(": {}\n"));
    try {
      return ScenarioParser.parse(yaml.toString(), "weir replay's options", Path.of("")).get(0);
    } catch (SpecException e) {
      throw new BadInputException(e.getMessage());
    }
  }

  /** A YAML double-quoted scalar: JSON's string form is one. */
  private static String quoted(String text) {
    try {
      return JSON.writeValueAsString(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
