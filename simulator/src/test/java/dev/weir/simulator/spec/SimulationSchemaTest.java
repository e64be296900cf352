package dev.weir.simulator.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * The JSON Schema and the parser agree: what the parser accepts validates, and bad inputs the
 * schema can express are rejected by both, the parser with the exact message.
 */
class SimulationSchemaTest {

  private static final Schema SCHEMA = loadSchema();

  @ParameterizedTest
  @ValueSource(strings = {"valid/minimal.yaml", "valid/full.yaml"})
  void validFixturesParseAndValidate(String fixture) throws Exception {
    Fixtures.parse(fixture);
    assertEquals(List.of(), validate(fixture));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      rate-out-of-range.yaml      | 3:42 (byte 64): sensors[0].rate_hz: expected a rate in hertz from 0.1 to 1000000, found 2000000
      constant-without-value.yaml | 3:5 (byte 27): sensors[0]: missing required key "value" in sensor
      duration-without-unit.yaml | 1:11 (byte 10): duration: expected a duration with a unit (ns, us, ms, s, m, h) like 1500ms or 1.5s, found "10"
      duty-out-of-range.yaml | 3:51 (byte 73): sensors[0].duty: expected a fraction strictly between 0 and 1, found 1
      missing-duration.yaml | 1:1 (byte 0): missing required key "duration" in the scenario file
      probability-above-one.yaml | 5:29 (byte 114): faults[0].dropout.probability: expected a probability from 0 to 1, found 2
      too-many-channels.yaml | 3:56 (byte 78): sensors[0].channels: expected a channel count from 1 to 64 or a list of channel names, found 65
      two-fault-kinds.yaml | 5:19 (byte 104): faults[0].stuck: expected exactly one fault kind, found "stuck" besides "dropout"; declare them as two faults
      unknown-model.yaml | 3:23 (byte 45): sensors[0].model: expected a model, one of: constant, sine, square, sawtooth, random-walk, noise, counter, step, spike, sum, found "sin"; did you mean "sine"?
      unknown-sensor-key.yaml | 3:33 (byte 55): sensors[0].rate: unknown key "rate" in sensor (model constant); expected one of: id, model, rate_hz, channels, unit, description, noise, value; did you mean "rate_hz"?
      zero-width-spike.yaml | 3:63 (byte 85): sensors[0].width: expected a duration above zero, found "0ms"
      """)
  void invalidFixturesAreRejectedByParserAndSchema(String fixture, String message) throws IOException {
    SpecException e = assertThrows(SpecException.class, () -> Fixtures.parse("invalid/" + fixture));
    assertEquals(Fixtures.path("invalid/" + fixture) + ":" + message, e.getMessage());
    assertFalse(validate("invalid/" + fixture).isEmpty(), "schema accepted " + fixture);
  }

  private static List<Error> validate(String fixture) throws IOException {
    Object document = new Load(LoadSettings.builder().setSchema(new CoreSchema()).build())
        .loadFromString(Files.readString(Fixtures.path(fixture)));
    return SCHEMA.validate(new ObjectMapper().writeValueAsString(document), InputFormat.JSON);
  }

  private static Schema loadSchema() {
    InputStream in = SimulationSpecParser.class.getResourceAsStream("simulation.schema.json");
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
  }
}
