package dev.weir.scenarios.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weir.harness.transport.Backpressure.Policy;
import dev.weir.simulator.spec.SpecException;
import java.util.List;
import java.util.OptionalLong;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A matrix expands one file into a scenario per combination, in file order, with stable ids. */
class ScenarioMatrixTest {

  @Test
  void combinationsComeFirstPathSlowestWithTheirIds() throws SpecException {
    List<ScenarioInstance> instances = Parse.file("valid/matrix.yaml");
    assertEquals(List.of(
        "ordering[kind=channel,seed=1]", "ordering[kind=channel,seed=2]",
        "ordering[kind=websocket,seed=1]", "ordering[kind=websocket,seed=2]",
        "ordering[kind=sse,seed=1]", "ordering[kind=sse,seed=2]"),
        instances.stream().map(ScenarioInstance::id).toList());
    assertEquals(List.of("channel", "channel", "websocket", "websocket", "sse", "sse"),
        instances.stream().map(i -> i.scenario().transport().kind()).toList());
    assertEquals(List.of(1L, 2L, 1L, 2L, 1L, 2L), instances.stream().map(i -> i.scenario().seed()).toList());
    assertEquals(Map.of("kind", "sse", "seed", "2"), instances.get(5).parameters());
    assertEquals(List.of("kind", "seed"), List.copyOf(instances.get(5).parameters().keySet()));
    // everything the matrix does not name is the file's, in every instance
    instances.forEach(i -> assertEquals(1, i.scenario().transport().faults().size()));
  }

  @Test
  void anyValueTheScenarioReadsCanVaryEvenInASectionTheFileLeavesOut() throws SpecException {
    List<ScenarioInstance> instances = Parse.instances(Parse.HEAD + """
        transport: {window: {messages: 8}}
        matrix:
          transport.window.policy: [block, latest-only]
          frontend.config.capacity: [100]
          expect.buffer.capacity: [50]
        expect: {buffer: }
        """);
    assertEquals(List.of("s[policy=block,frontend.config.capacity=100,expect.buffer.capacity=50]",
        "s[policy=latest-only,frontend.config.capacity=100,expect.buffer.capacity=50]"),
        instances.stream().map(ScenarioInstance::id).toList());
    assertEquals(Policy.LATEST_ONLY, instances.get(1).scenario().transport().window().orElseThrow().policy());
    assertEquals(100, instances.get(1).scenario().frontend().config().capacity().orElseThrow());
    assertEquals(new Expectation.Buffer(50, OptionalLong.empty()), instances.get(1).scenario().expectations().get(0));
  }

  @Test
  void twoPathsEndingAlikeAreLabelledInFull() throws SpecException {
    List<ScenarioInstance> instances = Parse.instances(Parse.HEAD + """
        frontend: {config: {capacity: 10}}
        expect: {buffer: {capacity: 10}}
        matrix: {frontend.config.capacity: [20], expect.buffer.capacity: [20]}
        """);
    assertEquals("s[frontend.config.capacity=20,expect.buffer.capacity=20]", instances.get(0).id());
  }

  @Test
  void aValueTheMatrixGivesIsCheckedWhereTheMatrixGivesIt() {
    SpecException problem = Parse.error(Parse.HEAD + "matrix: {transport.kind: [channel, pigeon]}\n");
    assertEquals("scenario.yaml:5:36 (byte 114): matrix.transport.kind[1]: expected a transport kind, one of: channel,"
        + " event, command, scheme, websocket, sse, found \"pigeon\"", problem.getMessage());
  }

  @Test
  void aProblemOnlySomeCombinationsHaveNamesThem() {
    SpecException problem = Parse.error(Parse.HEAD + """
        matrix: {transport.kind: [channel, event, command], seed: [1, 2]}
        transport: {window: {messages: 4}}
        """);
    assertEquals(List.of("scenario.yaml:6:13 (byte 157): transport.window: expected no window on transport \"event\":"
        + " event and command have no credit window; channel, websocket and scheme do (matrix [kind=event,seed=1],"
        + " [kind=event,seed=2])",
        "scenario.yaml:6:13 (byte 157): transport.window: expected no window on transport \"command\": event and"
        + " command have no credit window; channel, websocket and scheme do (matrix [kind=command,seed=1],"
        + " [kind=command,seed=2])"),
        problem.problems().stream().map(Exception::getMessage).toList());
  }

  @Test
  void aProblemEveryCombinationHasIsReportedOnce() {
    SpecException problem = Parse.error(Parse.HEAD + "speed: fast\nmatrix: {seed: [1, 2, 3]}\n");
    assertEquals(List.of("scenario.yaml:5:8 (byte 86): speed: expected a speed like 1x, 20x, 0.5x or max, found"
        + " \"fast\""), problem.problems().stream().map(Exception::getMessage).toList());
  }

  @Test
  void badMatrices() {
    assertEquals("scenario.yaml:5:26 (byte 104): matrix.transport.kind: expected a non-empty list of plain values like"
        + " [channel, websocket], found an empty list",
        Parse.error(Parse.HEAD + "matrix: {transport.kind: []}\n").getMessage());
    assertEquals("scenario.yaml:5:10 (byte 88): matrix.transport.knd: unknown matrix path \"transport.knd\"; expected"
        + " a value this scenario reads: weir, name, description, tags, seed, speed, transport.kind, transport.faults,"
        + " frontend.dir, frontend.config.capacity, frontend.config.gap_timeout, frontend.config.stall_timeout,"
        + " frontend.config.max_pending, frontend.config.seed; did you mean \"transport.kind\"?",
        Parse.error(Parse.HEAD + "matrix: {transport.knd: [sse]}\n").getMessage());
    assertEquals("scenario.yaml:5:20 (byte 98): matrix.seed[1]: duplicate matrix value \"1\"; first at line 5, column"
        + " 17", Parse.error(Parse.HEAD + "matrix: {seed: [1, 1]}\n").getMessage());
    assertEquals("scenario.yaml:5:9 (byte 87): matrix: expected at least one scenario path, like {transport.kind:"
        + " [channel, sse]}, found a mapping", Parse.error(Parse.HEAD + "matrix: {}\n").getMessage());
    assertEquals("scenario.yaml:5:27 (byte 105): matrix.transport.kind[0]: expected a plain value (a number, a word, a"
        + " duration), found a list", Parse.error(Parse.HEAD + "matrix: {transport.kind: [[a]]}\n").getMessage());
  }

  @Test
  void aBadMatrixDoesNotHideTheScenariosOwnProblems() {
    SpecException problem = Parse.error(Parse.HEAD + "speed: fast\nmatrix: {seed: []}\n");
    assertEquals(List.of("scenario.yaml:6:16 (byte 106): matrix.seed: expected a non-empty list of plain values like"
        + " [channel, websocket], found an empty list",
        "scenario.yaml:5:8 (byte 86): speed: expected a speed like 1x, 20x, 0.5x or max, found \"fast\""),
        problem.problems().stream().map(Exception::getMessage).toList());
  }

  @Test
  void idsBecomeFileNames() {
    ScenarioInstance instance = new ScenarioInstance("s[dir=../apps/my app,seed=1]", Map.of(), null);
    assertEquals("s[dir=.._apps_my_app,seed=1]", instance.fileName());
  }
}
