package dev.weir.scenarios.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.weir.harness.check.ReconnectPolicy.Jitter;
import dev.weir.harness.trace.EventKind;
import dev.weir.harness.transport.Backpressure.Policy;
import dev.weir.scenarios.scenario.TransportFaultSpec.AtMessage;
import dev.weir.scenarios.scenario.TransportFaultSpec.AtTime;
import dev.weir.scenarios.scenario.TransportFaultSpec.ForMessages;
import dev.weir.scenarios.scenario.TransportFaultSpec.ForTime;
import dev.weir.scenarios.scenario.TransportFaultSpec.UntilEnd;
import dev.weir.simulator.pacing.Speed;
import dev.weir.simulator.spec.FaultSpec;
import dev.weir.simulator.spec.SpecException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The parser turns each key of a scenario file into the model, and leaves defaults where the file says nothing. */
class ScenarioParserTest {

  private static final long MS = 1_000_000L;
  private static final long S = 1_000_000_000L;

  @Test
  void everyKeyReachesTheModel() throws SpecException {
    List<ScenarioInstance> instances = Parse.file("valid/full.yaml");
    assertEquals(1, instances.size());
    assertEquals("full", instances.get(0).id());
    Scenario s = instances.get(0).scenario();
    assertEquals(Parse.fixture("valid/full.yaml").toString(), s.file());
    assertEquals("full", s.name());
    assertEquals("Every key the scenario format has.", s.description());
    assertEquals(List.of("ordering", "websocket", "nightly"), s.tags());
    assertEquals(42, s.seed());
    Source.Simulated source = assertInstanceOf(Source.Simulated.class, s.source());
    assertEquals(10 * S, source.simulation().durationNs());
    assertEquals("accel", source.simulation().sensors().get(0).id());
    assertEquals(new FaultSpec(S, 100 * MS, List.of("accel"), new FaultSpec.Dropout(1)),
        source.simulation().faults().get(0));
    assertEquals(Speed.parse("20x"), s.speed());

    assertEquals("websocket", s.transport().kind());
    assertEquals(Optional.of(new TransportSpec.Window(16, 64 * 1024, Policy.DROP_OLDEST)), s.transport().window());
    assertEquals(List.of(
        new TransportFaultSpec(new AtTime(2 * S), new TransportFaultSpec.Drop(new ForTime(S), 0.01)),
        new TransportFaultSpec(new AtMessage(1200), new TransportFaultSpec.Duplicate(new ForMessages(100), 0.5)),
        new TransportFaultSpec(new AtTime(3 * S), new TransportFaultSpec.Reorder(new UntilEnd(), 8)),
        new TransportFaultSpec(new AtTime(0), new TransportFaultSpec.Delay(new ForTime(500 * MS), 20 * MS, 10 * MS)),
        new TransportFaultSpec(new AtMessage(3000), new TransportFaultSpec.Stall(500 * MS)),
        new TransportFaultSpec(new AtTime(4 * S), new TransportFaultSpec.Disconnect(1500 * MS)),
        new TransportFaultSpec(new AtTime(6 * S), new TransportFaultSpec.Reload()),
        new TransportFaultSpec(new AtTime(7 * S), new TransportFaultSpec.SlowConsumer(new ForTime(S), 2 * MS))),
        s.transport().faults());

    Backoff backoff = new Backoff(20 * MS, 1.5, 800 * MS, Jitter.EQUAL, Backoff.UNLIMITED, 300 * MS);
    assertEquals(new FrontendSpec(Optional.of(Parse.fixture("frontend")), new FrontendConfig(OptionalInt.of(200),
        OptionalLong.of(150 * MS), OptionalLong.of(FrontendConfig.NEVER), OptionalInt.of(512), Optional.of(backoff),
        OptionalLong.of(13))), s.frontend());

    assertEquals(List.of(
        new Expectation.Ordering(EventKind.DELIVERY, 2 * S),
        new Expectation.Cleanup(200 * MS, Map.of("js-heap-bytes", 2L << 20, "listeners", 0L)),
        new Expectation.Backpressure(Policy.DROP_OLDEST, 2 * 16 + 1, 18 * 64 * 1024, 2 * MS),
        new Expectation.Reconnect(backoff, new Expectation.Tolerance(MS, 50 * MS, 0.5), true),
        new Expectation.Buffer(200, OptionalLong.of(512 * 1024))),
        s.expectations());
  }

  @Test
  void whatTheFileLeavesOutTakesItsDefault() throws SpecException {
    Scenario s = Parse.file("valid/minimal.yaml").get(0).scenario();
    assertEquals("", s.description());
    assertEquals(List.of(), s.tags());
    assertEquals(0, s.seed());
    assertEquals(Speed.REAL_TIME, s.speed());
    assertEquals(new TransportSpec("channel", Optional.empty(), List.of()), s.transport());
    assertEquals(FrontendSpec.REFERENCE, s.frontend());
    assertEquals(List.of(), s.expectations());
  }

  @Test
  void emptyExpectationsTakeTheirCheckersDefaults() throws SpecException {
    Scenario s = Parse.text(Parse.HEAD + """
        transport: {window: {messages: 16, bytes: 64KiB}}
        expect: {ordering: , cleanup: {}, backpressure: , reconnect: , buffer: }
        """);
    assertEquals(List.of(
        new Expectation.Ordering(EventKind.CONSUME, S),
        new Expectation.Cleanup(250 * MS, Map.of("js-heap-bytes", 1L << 20)),
        new Expectation.Backpressure(Policy.BLOCK, 17, 2 * 64 * 1024, 5 * MS),
        new Expectation.Reconnect(Backoff.DEFAULT, Expectation.Tolerance.DEFAULT, false),
        new Expectation.Buffer(500, OptionalLong.empty())),
        s.expectations());
  }

  @Test
  void anOrderingWindowIsObsoleteAcceptedAndWithoutEffect() throws SpecException {
    Scenario with = Parse.text(Parse.HEAD + "expect: {ordering: {stall: 2s, window: 4096}}\n");
    Scenario without = Parse.text(Parse.HEAD + "expect: {ordering: {stall: 2s}}\n");
    assertEquals(List.of(new Expectation.Ordering(EventKind.CONSUME, 2 * S)), with.expectations());
    assertEquals(without.expectations(), with.expectations());
  }

  @Test
  void backpressureBoundsFollowTheWindowPolicy() throws SpecException {
    String[][] cases = {{"block", "17"}, {"drop-newest", "17"}, {"latest-only", "18"}, {"drop-oldest", "33"}};
    for (String[] c : cases) {
      Scenario s = Parse.text(Parse.HEAD + "transport: {window: {messages: 16, policy: " + c[0] + "}}\n"
          + "expect: {backpressure: }\n");
      Expectation.Backpressure bp = (Expectation.Backpressure) s.expectations().get(0);
      assertEquals(Integer.parseInt(c[1]), bp.maxInFlight(), c[0]);
      assertEquals(TransportSpec.Window.UNLIMITED_BYTES, bp.maxInFlightBytes(), c[0]);
    }
    Scenario explicit = Parse.text(Parse.HEAD + "transport: {window: {messages: 16}}\n"
        + "expect: {backpressure: {max_in_flight: 20, max_in_flight_bytes: 1MiB}}\n");
    assertEquals(new Expectation.Backpressure(Policy.BLOCK, 20, 1 << 20, 5 * MS), explicit.expectations().get(0));
  }

  @Test
  void reconnectAndBufferExpectationsFollowTheFrontend() throws SpecException {
    Scenario s = Parse.text(Parse.HEAD + """
        frontend: {config: {capacity: 64, reconnect: {base: 20ms, max: 160ms, jitter: none, max_attempts: 4}}}
        expect: {reconnect: {policy: same-as-frontend}, buffer: {}}
        """);
    Backoff frontend = new Backoff(20 * MS, 2, 160 * MS, Jitter.NONE, 4, S);
    assertEquals(List.of(new Expectation.Reconnect(frontend, Expectation.Tolerance.DEFAULT, false),
        new Expectation.Buffer(64, OptionalLong.empty())), s.expectations());
  }

  @Test
  void aRecordingReplacesTheSensors() throws SpecException {
    Scenario s = Parse.file("valid/recording.yaml").get(0).scenario();
    assertEquals(new Source.Recorded(Parse.fixture("recordings/tiny.mcap"), 7, OptionalLong.of(500 * MS)), s.source());
    assertEquals(Speed.parse("10x"), s.speed());
    assertEquals(List.of(new TransportFaultSpec(new AtTime(100 * MS), new TransportFaultSpec.Disconnect(200 * MS))),
        s.transport().faults());
    assertEquals(new Expectation.Reconnect(new Backoff(100 * MS, 2, 2 * S, Jitter.NONE, 3, S),
        Expectation.Tolerance.DEFAULT, false), s.expectations().get(1));
  }

  @Test
  void aRecordingWithoutDurationReplaysToItsEnd() throws SpecException {
    Scenario s = Parse.text("weir: 1\nname: r\nsource: {recording: recordings/tiny.mcap}\n");
    assertEquals(new Source.Recorded(Parse.fixture("recordings/tiny.mcap"), 0, OptionalLong.empty()), s.source());
    assertEquals(Speed.REAL_TIME, s.speed());
  }

  @Test
  void frontendConfigBecomesTheReferencePagesUrlFields() throws SpecException {
    FrontendConfig config = Parse.file("valid/full.yaml").get(0).scenario().frontend().config();
    assertEquals(Map.ofEntries(Map.entry("capacity", "200"), Map.entry("gapTimeoutMs", "150"),
        Map.entry("stallTimeoutMs", "Infinity"), Map.entry("maxPending", "512"), Map.entry("baseMs", "20"),
        Map.entry("factor", "1.5"), Map.entry("maxMs", "800"), Map.entry("jitter", "equal"),
        Map.entry("maxAttempts", "Infinity"), Map.entry("resetAfterMs", "300"), Map.entry("seed", "13")),
        config.urlParameters());
    assertEquals(List.of("capacity", "gapTimeoutMs", "stallTimeoutMs", "maxPending", "baseMs", "factor", "maxMs",
        "jitter", "maxAttempts", "resetAfterMs", "seed"), List.copyOf(config.urlParameters().keySet()));
    FrontendConfig fractional = Parse.text(Parse.HEAD + "frontend: {config: {gap_timeout: 1500us}}\n")
        .frontend().config();
    assertEquals(Map.of("gapTimeoutMs", "1.5"), fractional.urlParameters());
    assertEquals(Map.of(), FrontendConfig.NONE.urlParameters());
  }

  @Test
  void everyExampleParses() throws IOException, SpecException {
    List<Path> examples = ScenarioFiles.discover(Path.of("examples"));
    assertFalse(examples.isEmpty());
    for (Path example : examples) {
      List<ScenarioInstance> instances = ScenarioParser.parse(example);
      assertFalse(instances.isEmpty(), example.toString());
      String name = example.getFileName().toString().replaceFirst("\\.ya?ml$", "");
      assertEquals(name, instances.get(0).scenario().name(), "an example is named after its file");
    }
  }
}
