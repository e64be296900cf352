package dev.weir.scenarios.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.simulator.pacing.Speed;
import dev.weir.simulator.spec.SpecException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A scenario written back reads as the same scenario: every field of every valid fixture, text that
 * needs quotes, paths that stay inside a moved folder.
 */
class ScenarioWriterTest {

  private static final Path TINY = Parse.fixture("recordings/tiny.mcap");

  @TempDir
  Path folder;

  /** Every instance of every valid fixture, its source replaced by tiny.mcap with its seed and duration. */
  static Stream<Arguments> validInstances() throws IOException, SpecException {
    List<Arguments> instances = new ArrayList<>();
    try (Stream<Path> files = Files.list(Parse.fixture("valid"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        for (ScenarioInstance instance : ScenarioParser.parse(file)) {
          Scenario s = instance.scenario();
          instances.add(Arguments.of(file.getFileName() + " " + instance.id(),
              withSource(s, new Source.Recorded(TINY, s.seed(), s.source().durationNs()))));
        }
      }
    }
    return instances.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validInstances")
  void everyValidScenarioReadsBackAsWritten(String id, Scenario scenario) throws Exception {
    assertEquals(scenario, readBack(scenario));
  }

  @Test
  void everyFieldIsWrittenExplicitlyInExactUnits() throws SpecException {
    Scenario s = Parse.file("valid/every-field.yaml").get(0).scenario();
    assertEquals("""
        weir: 1
        name: every-field
        description: "  a colon: here, a # hash, \\"quotes\\", a backslash \\\\, a tab\\t, a line\\nbreak, é ✓ "
        tags: [every-field, "true", "1.5", "null", nightly]
        seed: -9000000000
        duration: 3m
        source: {recording: recordings/tiny.mcap}
        speed: 2.5x
        transport:
          kind: websocket
          window: {messages: 7, bytes: 1000, policy: latest-only}
          faults:
            - {at: 1234567ns, drop: {probability: 0.125, for: 1500ms}}
            - {from_message: 10, drop: {probability: 1}}
            - {from_message: 1200, duplicate: {probability: 0.3, for_messages: 100}}
            - {at: 2m, reorder: {window: 3}}
            - {at: 0s, delay: {fixed: 20ms, jitter: 0s, for_messages: 5}}
            - {at: 1s, delay: {fixed: 0s, jitter: 7us, for: 90s}}
            - {from_message: 3000, stall: {for: 2500ms}}
            - {at: 4s, disconnect: {for: 1500ms}}
            - {at: 6s, reload: {}}
            - {from_message: 0, slow_consumer: {per_message: 2ms}}
            - {at: 7s, slow_consumer: {per_message: 1ms, for_messages: 9}}
        frontend:
          dir: frontend
          config:
            capacity: 200
            gap_timeout: 150ms
            stall_timeout: 3s
            max_pending: 512
            seed: 4294967295
            reconnect: {base: 20ms, factor: 1.1, max: 800ms, jitter: decorrelated, max_attempts: 0, reset_after: 0s}
        expect:
          buffer: {capacity: 64, heap_tolerance: 0}
          reconnect: {policy: {base: 5ms, factor: 3, max: 2s, jitter: none, max_attempts: 4, reset_after: 250ms}, \
        tolerance: {early: 0s, late: 1234567ns, late_ratio: 0.1}, resumes: true}
          ordering: {arrivals: delivery, stall: 2s}
          cleanup: {within: 200ms, gauges: {js-heap-bytes: 1536KiB, listeners: 3, subscriptions: 2048}}
          backpressure: {max_in_flight: 11, max_in_flight_bytes: 1536KiB, clock_tolerance: 0s}
        """, ScenarioWriter.yaml(s, Parse.FIXTURES));
  }

  @Test
  void defaultsAreWrittenOut() throws SpecException {
    Scenario s = Parse.file("valid/recording.yaml").get(0).scenario();
    assertEquals("""
        weir: 1
        name: field-replay
        seed: 7
        duration: 500ms
        source: {recording: recordings/tiny.mcap}
        speed: 10x
        transport:
          kind: sse
          faults:
            - {at: 100ms, disconnect: {for: 200ms}}
        expect:
          ordering: {arrivals: consume, stall: 1s}
          reconnect: {policy: {base: 100ms, factor: 2, max: 2s, jitter: none, max_attempts: 3, reset_after: 1s}, \
        tolerance: {early: 2ms, late: 40ms, late_ratio: 0.25}, resumes: false}
        """, ScenarioWriter.yaml(s, Parse.FIXTURES));
  }

  @Test
  void pathsInsideTheFolderAreRelativeSoItCanMove() throws Exception {
    Path bundle = Files.createDirectories(folder.resolve("bundle"));
    Path recording = Files.copy(TINY, Files.createDirectories(bundle.resolve("recordings")).resolve("run.mcap"));
    Files.copy(Parse.fixture("frontend/index.html"), bundle.resolve("index.html"));
    Scenario s = withFrontend(withRecording(Parse.file("valid/recording.yaml").get(0).scenario(), recording), bundle);

    String text = ScenarioWriter.yaml(s, bundle);
    assertTrue(text.contains("\nsource: {recording: recordings/run.mcap}\n"), text);
    assertTrue(text.contains("\nfrontend:\n  dir: .\n"), text);
    Files.writeString(bundle.resolve("scenario.yaml"), text);
    Path moved = Files.move(bundle, folder.resolve("moved"));

    Scenario read = parse(moved.resolve("scenario.yaml"));
    assertEquals(moved.resolve("recordings/run.mcap"), ((Source.Recorded) read.source()).recording());
    assertEquals(Optional.of(moved), read.frontend().dir());
  }

  @Test
  void pathsOutsideTheFolderAreAbsolute() throws Exception {
    Path frontend = Parse.fixture("frontend");
    Scenario s = withFrontend(withRecording(Parse.file("valid/recording.yaml").get(0).scenario(), TINY), frontend);

    String text = ScenarioWriter.yaml(s, folder);
    assertTrue(text.contains("\nsource: {recording: " + TINY + "}\n"), text);
    assertTrue(text.contains("\n  dir: " + frontend + "\n"), text);
    assertEquals(s, readBack(s));
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "False", "null", "~", "1", "-1", "0x1F", "0o17", "1e3", ".5", ".inf", ".NaN",
      "-", "- a", "a: b", "a:b", "#x", "x #y", " lead", "trail ", "a,b", "[a]", "{a: 1}", "'q'", "\"q\"", "\\",
      "a\nb", "a\r\nb", "\t", "&a", "*a", "!t", "|", ">", "%x", "@x", "`x", "?", "...", "---", "é ✓ 😀",
      "\u0085", "\u2028", "\u2029", "\ufeff", "\u0000", "\u007f", "plain words. too", "./a/b_c-d"})
  void textReadsBackAsItself(String description) throws Exception {
    Scenario base = withRecording(Parse.file("valid/recording.yaml").get(0).scenario(), TINY);
    Scenario s = new Scenario(base.file(), base.name(), description, base.tags(), base.source(), base.transport(),
        base.frontend(), base.speed(), base.expectations());
    assertEquals(description, readBack(s).description());
  }

  @ParameterizedTest
  @ValueSource(strings = {"max", "1x", "0.125x", "1000x"})
  void speedsReadBackAsThemselves(String speed) throws Exception {
    Scenario base = withRecording(Parse.file("valid/recording.yaml").get(0).scenario(), TINY);
    Scenario s = new Scenario(base.file(), base.name(), base.description(), base.tags(), base.source(),
        base.transport(), base.frontend(), Speed.parse(speed), base.expectations());
    assertTrue(ScenarioWriter.yaml(s, folder).contains("\nspeed: " + speed + "\n"));
    assertEquals(Speed.parse(speed), readBack(s).speed());
  }

  @Test
  void aSimulatedSourceIsRefused() throws SpecException {
    Scenario simulated = Parse.file("valid/minimal.yaml").get(0).scenario();
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> ScenarioWriter.yaml(simulated, folder));
    assertEquals("expected a recorded source, found a simulated one: a simulated source is written by recording"
        + " its readings first (the simulator's sensor spec has no writer, and a bundle records the stream anyway)",
        refused.getMessage());
  }

  /** {@code scenario} written into the temp folder and parsed back, with {@code file} as it was. */
  private Scenario readBack(Scenario scenario) throws Exception {
    Path file = folder.resolve("scenario.yaml");
    Files.writeString(file, ScenarioWriter.yaml(scenario, folder));
    Scenario read = parse(file);
    return new Scenario(scenario.file(), read.name(), read.description(), read.tags(), read.source(),
        read.transport(), read.frontend(), read.speed(), read.expectations());
  }

  private static Scenario parse(Path file) throws Exception {
    List<ScenarioInstance> instances = ScenarioParser.parse(file);
    assertEquals(1, instances.size(), "a written scenario has no matrix");
    return instances.get(0).scenario();
  }

  private static Scenario withRecording(Scenario s, Path recording) {
    return withSource(s, new Source.Recorded(recording, s.seed(), s.source().durationNs()));
  }

  private static Scenario withSource(Scenario s, Source source) {
    return new Scenario(s.file(), s.name(), s.description(), s.tags(), source, s.transport(), s.frontend(), s.speed(),
        s.expectations());
  }

  private static Scenario withFrontend(Scenario s, Path dir) {
    return new Scenario(s.file(), s.name(), s.description(), s.tags(), s.source(), s.transport(),
        new FrontendSpec(Optional.of(dir), s.frontend().config()), s.speed(), s.expectations());
  }
}
