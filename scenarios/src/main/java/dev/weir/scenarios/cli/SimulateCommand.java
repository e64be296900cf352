package dev.weir.scenarios.cli;

import dev.weir.simulator.spec.Durations;
import dev.weir.simulator.spec.SimulationSpec;
import dev.weir.simulator.spec.SimulationSpecParser;
import dev.weir.simulator.stream.Reading;
import dev.weir.simulator.stream.Simulation;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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
    SimulationSpec sim = SimulationSpecParser.parse(scenario, ScenarioKeys.OWNED_BY_SCENARIO);
    if (seed != null) {
      sim = sim.withSeed(seed);
    }
    if (duration != null) {
      sim = sim.withDuration(Durations.parse(duration));
    }
    Progress progress = Progress.on(spec.commandLine().getErr(), "simulate", !quiet);
    double durationNs = sim.durationNs();
    try (var writer = recording.create(out, sim, scenario.getFileName().toString())) {
      Iterator<Reading> readings = Simulation.of(sim).readings();
      while (readings.hasNext()) {
        Reading r = readings.next();
        writer.write(r);
        progress.step(r.timeNs() / durationNs);
      }
    }
    progress.done();
    return WeirCli.OK;
  }
}
