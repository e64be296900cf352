package dev.weir.scenarios.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.weir.harness.check.ReconnectPolicy;
import dev.weir.harness.transport.Transports;
import dev.weir.simulator.spec.SimulationSpecParser;
import dev.weir.simulator.spec.SpecException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * The JSON Schema (which {@code $ref}s the simulator's for the simulator's keys) and the parser
 * agree: what the parser accepts validates, each bad input the schema can express is rejected by
 * both (the parser with the exact message), and the schema's lists of choices and bounds are the
 * harness's.
 */
class ScenarioSchemaTest {

  private static final String SIMULATION_ID = "https://weir.dev/schema/simulation.schema.json";
  private static final Schema SCHEMA = loadSchema();

  @ParameterizedTest
  @ValueSource(strings = {"valid/full.yaml", "valid/minimal.yaml", "valid/recording.yaml", "valid/matrix.yaml",
      "valid/every-field.yaml"})
  void validFixturesParseAndValidate(String fixture) throws Exception {
    Parse.file(fixture);
    assertEquals(List.of(), validate(Parse.fixture(fixture)));
  }

  @Test
  void everyExampleValidates() throws IOException {
    for (Path example : ScenarioFiles.discover(Path.of("examples"))) {
      assertEquals(List.of(), validate(example), example.toString());
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      unknown-transport-kind.yaml      | 5:19 (byte 97): transport.kind: expected a transport kind, one of: channel, event, command, scheme, websocket, sse, found "websockets"; did you mean "websocket"?
      window-on-event.yaml             | 5:26 (byte 104): transport.window: expected no window on transport "event": event and command have no credit window; channel, websocket and scheme do
      disconnect-on-channel.yaml       | 5:31 (byte 109): transport.faults[0].disconnect: expected a transport with a server connection to cut (websocket or sse) for a disconnect, found transport "channel"
      at-and-from-message.yaml         | 5:45 (byte 123): transport.faults[0].from_message: expected either at (a time) or from_message (a sequence), found both
      two-fault-kinds.yaml             | 5:33 (byte 111): transport.faults[0].stall: expected exactly one fault kind, found "stall" besides "drop"; declare them as two faults
      delay-of-nothing.yaml            | 5:30 (byte 108): transport.faults[0].delay: expected a delay above zero: a fixed time, a jitter, or both, like {fixed: 20ms, jitter: 10ms}
      size-without-binary-unit.yaml    | 5:43 (byte 121): transport.window.bytes: expected a size like 64KiB, 1MiB or a whole number of bytes, found "64KB"
      bad-speed.yaml                   | 5:8 (byte 86): speed: expected a speed like 1x, 20x, 0.5x or max, found "fast"
      unknown-top-level-key.yaml       | 5:1 (byte 79): transprot: unknown key "transprot" in the scenario file; expected one of: seed, duration, sensors, faults, description, expect, frontend, matrix, name, source, speed, tags, transport, weir; did you mean "transport"?
      unknown-config-key.yaml          | 5:21 (byte 99): frontend.config.gap_timout: unknown key "gap_timout" in frontend config; expected one of: capacity, gap_timeout, stall_timeout, max_pending, reconnect, seed; did you mean "gap_timeout"?
      backpressure-without-window.yaml | 5:10 (byte 88): expect.backpressure: expected a transport window to judge (transport: {window: {messages: 16, policy: block}}); backpressure checks a credit window's bounds and policy, and this transport has none
      unknown-checker.yaml             | 5:10 (byte 88): expect.order: unknown key "order" in expect; expected one of: ordering, cleanup, backpressure, reconnect, buffer; did you mean "ordering"?
      empty-matrix-list.yaml           | 5:26 (byte 104): matrix.transport.kind: expected a non-empty list of plain values like [channel, websocket], found an empty list
      tag-not-an-id.yaml               | 5:17 (byte 95): tags[1]: expected a tag (a letter or digit, then letters, digits, '_', '.' or '-'), found "two words"
      recording-with-sensors.yaml      | 4:1 (byte 61): sensors: expected no "sensors" with a recording source: the recording replaces the simulator's sensors and source faults (wire faults go under transport.faults)
      speed-twice.yaml                 | 4:53 (byte 78): source.speed: expected one speed, found a second: the top-level speed at line 3, column 8; keep one
      version-2.yaml                   | 1:7 (byte 6): weir: expected 1, the format version (weir: 1), found 2
      missing-name.yaml                | 1:1 (byte 0): missing required key "name" in the scenario file
      simulator-sensor-rate.yaml       | 4:44 (byte 72): sensors[0].rate_hz: expected a rate in hertz from 0.1 to 1000000, found 2000000
      """)
  void invalidFixturesAreRejectedByParserAndSchema(String fixture, String message) throws IOException {
    Path file = Parse.fixture("invalid/" + fixture);
    SpecException e = assertThrows(SpecException.class, () -> ScenarioParser.parse(file));
    assertEquals(file + ":" + message, e.getMessage());
    assertEquals(1, e.problems().size(), fixture + " has one problem");
    assertFalse(validate(file).isEmpty(), "schema accepted " + fixture);
  }

  @Test
  void theSchemasChoicesAndBoundsAreTheHarnesssAndTheParsers() throws IOException {
    JsonNode schema = new ObjectMapper().readTree(resource("scenario.schema.json"));
    JsonNode top = schema.get("properties");
    assertEquals(Transports.KINDS, strings(top.at("/transport/properties/kind/enum")));
    assertEquals(TransportSpec.Window.POLICY_LABELS, strings(top.at("/transport/properties/window/properties/policy/enum")));
    assertEquals(Arrays.stream(ReconnectPolicy.Jitter.values()).map(ReconnectPolicy.Jitter::label).toList(),
        strings(schema.at("/$defs/backoff/properties/jitter/enum")));
    JsonNode expect = top.at("/expect/properties");
    assertEquals(ExpectationReader.OBSOLETE_WINDOW_MAX, expect.at("/ordering/properties/window/maximum").asInt());
    assertEquals(Expectation.Backpressure.MAX_IN_FLIGHT, expect.at("/backpressure/properties/max_in_flight/maximum").asInt());
    assertEquals(Expectation.Buffer.MAX_CAPACITY, expect.at("/buffer/properties/capacity/maximum").asInt());
    List<String> keys = new ArrayList<>(SimulationSpecParser.KEYS);
    keys.addAll(ScenarioParser.KEYS);
    assertEquals(keys.stream().sorted().toList(), strings(top.properties().stream().map(Map.Entry::getKey).toList()));
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }

  private static List<String> strings(List<String> names) {
    return names.stream().sorted().toList();
  }

  private static List<Error> validate(Path file) throws IOException {
    Object document = new Load(LoadSettings.builder().setSchema(new CoreSchema()).build())
        .loadFromString(Files.readString(file));
    return SCHEMA.validate(new ObjectMapper().writeValueAsString(document), InputFormat.JSON);
  }

  private static Schema loadSchema() {
    // the scenario schema $refs the simulator's by its $id: serve that id from the simulator's jar
    String simulation;
    try (InputStream in = SimulationSpecParser.class.getResourceAsStream("simulation.schema.json")) {
      simulation = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
        builder -> builder.schemas(Map.of(SIMULATION_ID, simulation)))
        .getSchema(ScenarioParser.class.getResourceAsStream("scenario.schema.json"));
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = ScenarioParser.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
