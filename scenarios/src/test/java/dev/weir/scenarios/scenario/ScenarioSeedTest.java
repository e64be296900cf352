package dev.weir.scenarios.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.weir.simulator.spec.SpecException;
import dev.weir.simulator.stream.Reading;
import dev.weir.simulator.stream.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** {@code weir run --seed}: a scenario with another seed is the file with that seed, nothing else changed. */
class ScenarioSeedTest {

  private static final String NOISY = """
      weir: 1
      name: noisy
      tags: [t]
      duration: 1s
      sensors: [{id: a, model: noise, rate_hz: 100}]
      faults: [{at: 100ms, dropout: {for: 200ms, probability: 0.5}}]
      transport: {kind: websocket, faults: [{drop: {probability: 0.1}}]}
      expect: {ordering: {}}
      """;

  @Test
  void aSimulatedScenarioWithAnotherSeedIsTheFileWrittenWithThatSeed() throws SpecException {
    Scenario own = Parse.text(NOISY + "seed: 1\n");
    Scenario reseeded = own.withSeed(9);
    Scenario written = Parse.text(NOISY + "seed: 9\n");
    assertEquals(9, reseeded.seed());
    assertEquals(readings(written), readings(reseeded), "readings, source faults included");
    assertNotEquals(readings(own), readings(reseeded));
    assertEquals(written.transport(), reseeded.transport());
    assertEquals(written.expectations(), reseeded.expectations());
    assertEquals(List.of(own.file(), own.name(), own.tags(), own.speed(), own.frontend()),
        List.of(reseeded.file(), reseeded.name(), reseeded.tags(), reseeded.speed(),
            reseeded.frontend()));
  }

  @Test
  void aRecordedScenarioKeepsItsRecordingAndCutAndTakesTheSeedForItsWireFaults()
      throws SpecException {
    Scenario own = Parse.file("valid/recording.yaml").get(0).scenario();
    Source.Recorded before = assertInstanceOf(Source.Recorded.class, own.source());
    Source.Recorded after = assertInstanceOf(Source.Recorded.class, own.withSeed(-3).source());
    assertEquals(new Source.Recorded(before.recording(), -3, OptionalLong.of(500_000_000)), after);
    assertEquals(own.transport(), own.withSeed(-3).transport());
  }

  @Test
  void anInstanceKeepsItsIdAndParameters() throws SpecException {
    List<ScenarioInstance> matrix = Parse.instances(NOISY + "matrix: {seed: [1, 2]}\n");
    ScenarioInstance second = matrix.get(1).withSeed(5);
    assertEquals("noisy[seed=2]", second.id());
    assertEquals(matrix.get(1).parameters(), second.parameters());
    assertEquals(5, second.scenario().seed());
  }

  /** Every reading the scenario's simulation gives (the dropout leaves gaps by the seed). */
  private static List<Reading> readings(Scenario scenario) {
    List<Reading> readings = new ArrayList<>();
    Simulation.of(((Source.Simulated) scenario.source()).simulation()).readings()
        .forEachRemaining(readings::add);
    return readings;
  }
}
