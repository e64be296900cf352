package dev.weir.scenarios.scenario;

import static dev.weir.scenarios.scenario.Parse.HEAD;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weir.simulator.spec.SpecException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of problem a scenario file can have is one message naming file, line, column, byte
 * offset, path and what was expected; independent problems come together.
 */
class ScenarioErrorsTest {

  static Stream<Arguments> problems() {
    String sim = "weir: 1\nname: s\nduration: 1s\nsensors: [{id: a, model: counter, rate_hz: 1}]\n";
    return Stream.of(
        Arguments.of(sim.replace("name: s", "name: my scenario"), "2:7 (byte 14): name: expected a scenario name (a"
            + " letter or digit, then letters, digits, '_', '.' or '-'), found \"my scenario\""),
        Arguments.of(sim.replace("weir: 1\n", ""),
            "1:1 (byte 0): missing required key \"weir\" in the scenario file"),
        Arguments.of(sim.replace("weir: 1", "weir: 2"),
            "1:7 (byte 6): weir: expected 1, the format version (weir: 1), found 2"),
        Arguments.of(HEAD + "tags: [a, b, a]\n",
            "5:14 (byte 92): tags[2]: duplicate tag \"a\"; first at line 5, column 8"),
        Arguments.of(HEAD + "transprot: {kind: sse}\n", "5:1 (byte 79): transprot: unknown key \"transprot\" in the"
            + " scenario file; expected one of: seed, duration, sensors, faults, description, expect, frontend, matrix,"
            + " name, source, speed, tags, transport, weir; did you mean \"transport\"?"),
        Arguments.of(HEAD + "transport: {kidn: sse}\n", "5:13 (byte 91): transport.kidn: unknown key \"kidn\" in"
            + " transport; expected one of: kind, window, faults; did you mean \"kind\"?"),
        Arguments.of(HEAD + "transport: {kind: websockets}\n", "5:19 (byte 97): transport.kind: expected a transport"
            + " kind, one of: channel, event, command, scheme, websocket, sse, found \"websockets\"; did you mean"
            + " \"websocket\"?"),
        Arguments.of(HEAD + "transport: {kind: event, window: {messages: 16}}\n", "5:26 (byte 104):"
            + " transport.window: expected no window on transport \"event\": event and command have no credit window;"
            + " channel, websocket and scheme do"),
        Arguments.of(HEAD + "transport: {window: {messages: 16, policy: drop_oldest}}\n", "5:44 (byte 122):"
            + " transport.window.policy: expected a window policy, one of: block, drop-oldest, drop-newest,"
            + " latest-only, found \"drop_oldest\"; did you mean \"drop-oldest\"?"),
        Arguments.of(HEAD + "transport: {window: {bytes: 64KiB}}\n",
            "5:21 (byte 99): transport.window: missing required key \"messages\" in transport window"),
        Arguments.of(HEAD + "transport:\n  faults:\n    - {at: 1s, disconnect: {for: 1s}}\n", "7:16 (byte 115):"
            + " transport.faults[0].disconnect: expected a transport with a server connection to cut (websocket or"
            + " sse) for a disconnect, found transport \"channel\""),
        Arguments.of(HEAD + "transport:\n  faults:\n    - {at: 1s, from_message: 10, drop: {}}\n", "7:30 (byte 129):"
            + " transport.faults[0].from_message: expected either at (a time) or from_message (a sequence), found"
            + " both"),
        Arguments.of(HEAD + "transport:\n  faults:\n    - {at: 1s, drop: {}, stall: {for: 1s}}\n", "7:26 (byte 125):"
            + " transport.faults[0].stall: expected exactly one fault kind, found \"stall\" besides \"drop\"; declare"
            + " them as two faults"),
        Arguments.of(HEAD + "transport:\n  faults:\n    - {at: 1s}\n", "7:7 (byte 106): transport.faults[0]: missing"
            + " the fault kind; expected exactly one of: drop, duplicate, reorder, delay, stall, disconnect, reload,"
            + " slow_consumer"),
        Arguments.of(HEAD + "transport:\n  faults:\n    - {at: 10s, drop: {}}\n", "7:12 (byte 111):"
            + " transport.faults[0].at: expected a start time before the end of the run (duration 10s), found \"10s\""),
        Arguments.of(HEAD + "transport:\n  faults:\n    - {drop: {for: 1s, for_messages: 10}}\n", "7:38 (byte 137):"
            + " transport.faults[0].drop.for_messages: expected either for (a time) or for_messages (a count), found"
            + " both"),
        Arguments.of(HEAD + "transport:\n  faults:\n    - {delay: {fixed: 0s}}\n", "7:15 (byte 114):"
            + " transport.faults[0].delay: expected a delay above zero: a fixed time, a jitter, or both, like {fixed:"
            + " 20ms, jitter: 10ms}"),
        Arguments.of(HEAD + "transport:\n  faults:\n    - {stall: {}}\n",
            "7:15 (byte 114): transport.faults[0].stall: missing required key \"for\" in stall fault"),
        Arguments.of("weir: 1\nname: s\nsource: {recording: missing.mcap}\n", "3:21 (byte 36): source.recording:"
            + " expected a recording file, found \"missing.mcap\"; there is no file " + Parse.fixture("missing.mcap")),
        Arguments.of("weir: 1\nname: s\nsource: {recording: recordings/tiny.mcap}\nfaults: []\n", "4:1 (byte 58):"
            + " faults: expected no \"faults\" with a recording source: the recording replaces the simulator's sensors"
            + " and source faults (wire faults go under transport.faults)"),
        Arguments.of("weir: 1\nname: s\nspeed: 2x\nsource: {recording: recordings/tiny.mcap, speed: 20x}\n",
            "4:50 (byte 75): source.speed: expected one speed, found a second: the top-level speed at line 3, column"
                + " 8; keep one"),
        Arguments.of(HEAD + "speed: fast\n",
            "5:8 (byte 86): speed: expected a speed like 1x, 20x, 0.5x or max, found \"fast\""),
        Arguments.of(HEAD + "frontend: {dir: nowhere}\n", "5:17 (byte 95): frontend.dir: expected a frontend folder,"
            + " found \"nowhere\"; there is no folder " + Parse.fixture("nowhere")),
        Arguments.of(HEAD + "frontend: {dir: recordings}\n", "5:17 (byte 95): frontend.dir: expected a frontend"
            + " folder, found \"recordings\"; there is no index.html in " + Parse.fixture("recordings")),
        Arguments.of(HEAD + "frontend: {config: {gap_timout: 1s}}\n", "5:21 (byte 99): frontend.config.gap_timout:"
            + " unknown key \"gap_timout\" in frontend config; expected one of: capacity, gap_timeout, stall_timeout,"
            + " max_pending, reconnect, seed; did you mean \"gap_timeout\"?"),
        Arguments.of(HEAD + "frontend: {config: {reconnect: {base: 2s}}}\n", "5:39 (byte 117):"
            + " frontend.config.reconnect.base: expected a base of at most the max (1s, the default), found 2s"),
        Arguments.of(HEAD + "frontend: {config: {reconnect: {base: 2s, max: 1s}}}\n", "5:48 (byte 126):"
            + " frontend.config.reconnect.max: expected a max of at least the base (2s), found 1s"),
        Arguments.of(HEAD + "frontend: {config: {reconnect: {max_attempts: many}}}\n", "5:47 (byte 125):"
            + " frontend.config.reconnect.max_attempts: expected a whole number of attempts from 0 to 2147483646, or"
            + " unlimited, found \"many\""),
        Arguments.of(HEAD + "frontend: {config: {seed: -1}}\n",
            "5:27 (byte 105): frontend.config.seed: expected a seed from 0 to 2^32-1, found -1"),
        Arguments.of(HEAD + "expect: {order: {}}\n", "5:10 (byte 88): expect.order: unknown key \"order\" in expect;"
            + " expected one of: ordering, cleanup, backpressure, reconnect, buffer; did you mean \"ordering\"?"),
        Arguments.of(HEAD + "expect: {backpressure: {}}\n", "5:10 (byte 88): expect.backpressure: expected a"
            + " transport window to judge (transport: {window: {messages: 16, policy: block}}); backpressure checks a"
            + " credit window's bounds and policy, and this transport has none"),
        Arguments.of(HEAD + "expect: {reconnect: {policy: frontend}}\n", "5:30 (byte 108): expect.reconnect.policy:"
            + " expected same-as-frontend or a backoff like {base: 50ms, max: 1s}, found \"frontend\""),
        Arguments.of(HEAD + "expect: {ordering: {stall: 1 s}}\n", "5:28 (byte 106): expect.ordering.stall:"
            + " expected a duration with a unit (ns, us, ms, s, m, h) like 1500ms or 1.5s, found \"1 s\""),
        Arguments.of(HEAD + "expect: {ordering: {window: 0}}\n", "5:29 (byte 107): expect.ordering.window:"
            + " expected a window of 1 to 1073741824 sequences (obsolete and ignored: the ordering checker is exact"
            + " at any distance), found 0"),
        Arguments.of(HEAD + "expect: {reconnect: {tolerance: {late: 25h}}}\n", "5:40 (byte 118):"
            + " expect.reconnect.tolerance.late: expected a tolerance of at most a day (24h), found \"25h\""),
        Arguments.of(HEAD + "expect: {buffer: {capacity: 0}}\n", "5:29 (byte 107): expect.buffer.capacity: expected a"
            + " capacity of 1 to 1073676288 items, found 0"),
        Arguments.of(HEAD + "expect: {cleanup: {gauges: {listeners: lots}}}\n", "5:40 (byte 118):"
            + " expect.cleanup.gauges.listeners: expected a size like 64KiB, 1MiB or a whole number of bytes, found"
            + " \"lots\""));
  }

  @ParameterizedTest
  @MethodSource("problems")
  void eachProblemIsOneMessageWithItsPlace(String text, String message) {
    SpecException problem = Parse.error(text);
    assertEquals(List.of("scenario.yaml:" + message), problem.problems().stream().map(Exception::getMessage).toList());
  }

  @Test
  void independentProblemsComeTogether() {
    SpecException problem = Parse.error("""
        weir: 1
        name: bad name
        transport: {kind: pigeon}
        expect: {buffer: {capacity: 0}}
        """);
    assertEquals(List.of(
        "scenario.yaml:2:7 (byte 14): name: expected a scenario name (a letter or digit, then letters, digits, '_',"
            + " '.' or '-'), found \"bad name\"",
        "scenario.yaml:1:1 (byte 0): missing required key \"duration\" in the scenario file",
        "scenario.yaml:1:1 (byte 0): missing required key \"sensors\" in the scenario file",
        "scenario.yaml:3:19 (byte 41): transport.kind: expected a transport kind, one of: channel, event, command,"
            + " scheme, websocket, sse, found \"pigeon\"",
        "scenario.yaml:4:29 (byte 77): expect.buffer.capacity: expected a capacity of 1 to 1073676288 items, found 0"),
        problem.problems().stream().map(Exception::getMessage).toList());
    assertEquals(problem.problems().get(0).getMessage(), problem.getMessage());
  }

  @Test
  void byteOffsetsCountUtf8BytesNotCharacters() {
    SpecException problem = Parse.error(HEAD.replace("name: s", "name: s\ndescription: Température über 30 °C")
        + "speed: 2\n");
    // line 6: "é", "ü" and "°" take two bytes each, so the byte offset is 3 past the character count
    assertEquals("scenario.yaml:6:8 (byte 125): speed: expected a speed like 1x, 20x, 0.5x or max, found 2",
        problem.getMessage());
  }
}
