package dev.weir.scenarios.run;

import dev.weir.harness.check.Checker;
import dev.weir.harness.conformance.Frontend;
import dev.weir.harness.conformance.Readings;
import dev.weir.harness.conformance.StreamCase;
import dev.weir.harness.conformance.Timeline;
import dev.weir.harness.transport.Backpressure;
import dev.weir.harness.transport.Offer;
import dev.weir.scenarios.scenario.Expectation;
import dev.weir.scenarios.scenario.Scenario;
import dev.weir.scenarios.scenario.ScenarioInstance;
import dev.weir.scenarios.scenario.Source;
import dev.weir.scenarios.scenario.TransportSpec;
import dev.weir.simulator.recording.RecordingReader;
import dev.weir.simulator.stream.ReadingSource;
import dev.weir.simulator.stream.Simulation;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario instance as the harness runs it: its readings become a {@link Timeline} (simulated,
 * or replayed from its recording, at the scenario's speed), its transport section an {@link Offer}
 * (window and wire faults, placed by message), its frontend section a {@link Frontend} and URL
 * configuration, its expectations the checkers. The harness knows nothing of scenario files; this
 * is the one place that translates.
 */
public final class ScenarioCases {

  private ScenarioCases() {}

  /**
   * The case that runs {@code instance}.
   *
   * @throws IOException when its recording cannot be read
   */
  public static StreamCase of(ScenarioInstance instance) throws IOException {
    Scenario scenario = instance.scenario();
    Timeline timeline = timeline(scenario);
    TransportSpec transport = scenario.transport();
    Offer offer = Offer.PLAIN;
    if (transport.window().isPresent()) {
      TransportSpec.Window window = transport.window().get();
      offer = offer.withWindow(new Backpressure(window.messages(), window.bytes(), window.policy()));
    }
    if (!transport.faults().isEmpty()) {
      offer = offer.withFaults(WireFaults.of(transport.faults(), timeline, scenario.seed()));
    }
    Map<String, Object> config = new LinkedHashMap<>(scenario.frontend().config().urlParameters());
    List<Checker> checkers = scenario.expectations().stream().map(Expectation::checker).toList();
    return new StreamCase(instance.id(), scenario.description(), transport.kind(), scenario.name(),
        config, offer, timeline, checkers);
  }

  /** The frontend {@code instance} runs against: its folder, or the bundled reference. */
  public static Frontend frontend(ScenarioInstance instance) {
    return instance.scenario().frontend().dir().map(Frontend::new).orElseGet(Frontend::reference);
  }

  private static Timeline timeline(Scenario scenario) throws IOException {
    if (scenario.source() instanceof Source.Simulated simulated) {
      return Readings.timeline(
          ReadingSource.of(Simulation.of(simulated.simulation()).readings()), Long.MAX_VALUE,
          scenario.speed());
    }
    Source.Recorded recorded = (Source.Recorded) scenario.source();
    try (RecordingReader reader = RecordingReader.open(recorded.recording())) {
      return Readings.timeline(reader, recorded.durationNs().orElse(Long.MAX_VALUE), scenario.speed());
    }
  }
}
