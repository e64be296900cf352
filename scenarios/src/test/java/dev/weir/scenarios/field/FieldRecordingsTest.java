package dev.weir.scenarios.field;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weir.harness.browser.BrowserRuntime;
import dev.weir.harness.conformance.CaseResult;
import dev.weir.harness.conformance.Frontend;
import dev.weir.scenarios.cli.WeirCli;
import dev.weir.scenarios.run.ScenarioRunner;
import dev.weir.scenarios.scenario.ScenarioInstance;
import dev.weir.scenarios.scenario.ScenarioParser;
import dev.weir.scenarios.scenario.Source;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The field recordings catch the bugs they stand for, in a real browser: each field scenario
 * replays its recording and passes on the reference frontend, and fails on the broken frontend that
 * plays the field's app with exactly the checker its bug breaks FAILED, for the defect the story
 * names (the others still OK). And each recording is what its spec simulates, byte for byte, as
 * {@code fixtures/recordings/README.md} says anyone can regenerate it.
 */
class FieldRecordingsTest {

  private static final Path FIELD = Path.of("field");
  private static final Path RECORDINGS = Path.of("../fixtures/recordings");
  private static final Path BROKEN = Path.of("../fixtures/frontend/broken");

  private static ScenarioInstance scenario(String name) throws Exception {
    ScenarioInstance instance = ScenarioParser.parse(FIELD.resolve(name + ".yaml")).get(0);
    Source.Recorded source = (Source.Recorded) instance.scenario().source();
    assertEquals(RECORDINGS.resolve(name + ".mcap").toRealPath(), source.recording().toRealPath(),
        "the scenario replays its field recording");
    return instance;
  }

  private static CaseResult run(String name, Optional<Frontend> frontend) throws Exception {
    return new ScenarioRunner(BrowserRuntime.shared(), frontend, Optional.empty()).run(scenario(name));
  }

  @ParameterizedTest(name = "{0} passes on the reference")
  @CsvSource(delimiter = '|', value = {
      "burst-overrun | ordering/consume OK, buffer OK",
      "network-drop  | reconnect OK, ordering/consume OK"})
  void passesOnTheReference(String name, String outcome) throws Exception {
    assertEquals(outcome, run(name, Optional.empty()).outcome());
  }

  @ParameterizedTest(name = "{0} fails on {1}")
  @CsvSource(delimiter = '|', value = {
      "burst-overrun | ring-grows     | ordering/consume OK, buffer FAILED (over-capacity)",
      "network-drop  | backoff-no-cap | reconnect FAILED (above-cap), ordering/consume OK"})
  void failsOnTheBrokenFrontendWithItsChecker(String name, String variant, String outcome) throws Exception {
    assertEquals(outcome, run(name, Optional.of(new Frontend(BROKEN.resolve(variant)))).outcome());
  }

  @ParameterizedTest(name = "{0}.mcap is what its spec simulates")
  @ValueSource(strings = {"burst-overrun", "network-drop"})
  void aRecordingIsWhatItsSpecSimulates(String name, @TempDir Path out) throws Exception {
    Path again = out.resolve(name + ".mcap");
    StringWriter err = new StringWriter();
    int code = WeirCli.run(new String[] {"simulate", "-q", "--scenario",
        RECORDINGS.resolve(name + ".spec.yaml").toString(), "--out", again.toString()},
        new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    assertEquals(WeirCli.OK, code, err.toString());
    assertArrayEquals(Files.readAllBytes(RECORDINGS.resolve(name + ".mcap")), Files.readAllBytes(again),
        name + ".mcap differs from what weir simulate makes of " + name + ".spec.yaml");
  }
}
