package dev.weir.scenarios.cli;

import dev.weir.scenarios.scenario.ScenarioParser;
import dev.weir.simulator.spec.Durations;
import dev.weir.simulator.spec.SimulationSpec;
import dev.weir.simulator.spec.SimulationSpecParser;
import dev.weir.simulator.recording.RunInfo;
import dev.weir.simulator.recording.SensorInfo;
import dev.weir.simulator.stream.ReadingCopy;
import dev.weir.simulator.stream.ReadingSource;
import dev.weir.simulator.stream.Simulation;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code weir simulate}: a scenario's sensor stream, written as an MCAP recording. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = {"Generates the sensor stream of a scenario (its seed, duration, sensors and faults) "
        + "and writes it as an MCAP recording.",
        "The same file and seed always give the same bytes."})
final class SimulateCommand implements Callable<Integer> {

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--scenario", required = true, paramLabel = "FILE", description = "Scenario file (YAML).")
  Path scenario;

  @Option(names = "--seed", paramLabel = "N", description = "Overrides the scenario's seed.")
  Long seed;

  @Option(names = "--duration", paramLabel = "D", description = "Overrides the scenario's duration (virtual time), e.g. 10s, 1500ms, 2m.")
  String duration;

  @Option(names = "--out", required = true, paramLabel = "FILE.mcap", description = "Recording to write; written atomically.")
  Path out;

  @Mixin
  RecordingOptions recording;

  @Option(names = {"-q", "--quiet"}, description = "No progress output.")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    SimulationSpec sim = SimulationSpecParser.parse(scenario, ScenarioParser.KEYS);
    if (seed != null) {
      sim = sim.withSeed(seed);
    }
    if (duration != null) {
      sim = sim.withDuration(parseDuration(duration));
    }
    Simulation simulation;
    try {
      simulation = Simulation.of(sim);
    } catch (IllegalArgumentException impossible) {
      throw new BadInputException(scenario + ": " + impossible.getMessage());
    }
    RunInfo run = new RunInfo(scenario.getFileName().toString(), sim.seed(), sim.durationNs());
    List<SensorInfo> sensors = sim.sensors().stream().map(SensorInfo::of).toList();
    double durationNs = Math.max(1, sim.durationNs());
    Progress progress = Progress.on(spec.commandLine().getErr(), "simulate", !quiet);
    ReadingCopy.all(ReadingSource.of(simulation.readings()), recording.create(out, sensors, run),
        r -> progress.step(r.timeNs() / durationNs));
    progress.done();
    return WeirCli.OK;
  }

  private static long parseDuration(String text) {
    try {
      long ns = Durations.parse(text);
      if (ns == 0) {
        throw new IllegalArgumentException("expected a duration above zero, found \"" + text + "\"");
      }
      return ns;
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--duration " + text + ": " + e.getMessage());
    }
  }
}
