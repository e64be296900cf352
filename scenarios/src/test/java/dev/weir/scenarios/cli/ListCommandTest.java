package dev.weir.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weir.harness.conformance.Cases;
import dev.weir.harness.conformance.ConformanceCase;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code weir list}: what {@code weir run} with the same arguments runs, chosen by the same code,
 * without a browser; bad input exits 2 as run's does.
 */
class ListCommandTest {

  private static final String SCENARIOS = "src/test/scenarios";
  private static final Path OVER_IPC =
      Path.of(SCENARIOS, "ordering-over-ipc.yaml").toAbsolutePath();

  @Test
  void aShardListsTheScenariosThatShardRunsWithTransportTagsAndFile() {
    Cli all = Cli.run("list", SCENARIOS);
    assertEquals(0, all.code(), all.toString());
    assertEquals(String.format(
        "id                              transport  tags                  file%n"
            + "ordering-over-ipc[kind=channel] channel    ordering,engine-smoke %s%n"
            + "ordering-over-ipc[kind=event]   event      ordering,engine-smoke %s%n"
            + "%n2 runs.%n", OVER_IPC, OVER_IPC), all.out());

    Cli second = Cli.run("list", SCENARIOS, "--shard", "2/2");
    assertEquals(0, second.code(), second.toString());
    assertTrue(second.out().contains("\nordering-over-ipc[kind=event] event      ordering,"), second.out());
    assertTrue(!second.out().contains("kind=channel") && second.out().endsWith("1 runs.\n"),
        "shard 2/2 of 2 sorted ids is the second, as RunCommandTest runs it: " + second.out());
  }

  @Test
  void tagExpressionsAndTransportsChooseAndJsonListsEachRun() throws IOException {
    Cli result = Cli.run("list", "examples", SCENARIOS, "--tags", "ordering & !sse",
        "--transport", "event,sse,websocket", "--json");
    assertEquals(0, result.code(), result.toString());
    JsonNode runs = new ObjectMapper().readTree(result.out());
    List<String> ids = new ArrayList<>();
    runs.forEach(run -> ids.add(run.get("id").asText()));
    assertEquals(List.of("ordering-matrix[kind=event,seed=1]", "ordering-matrix[kind=event,seed=2]",
        "ordering-matrix[kind=websocket,seed=1]", "ordering-matrix[kind=websocket,seed=2]",
        "ordering-over-ipc[kind=event]"), ids);
    JsonNode last = runs.get(4);
    assertEquals("event", last.get("transport").asText());
    assertEquals("[\"ordering\",\"engine-smoke\"]", last.get("tags").toString());
    assertEquals(OVER_IPC.toString(), last.get("file").asText());
  }

  @Test
  void conformanceListsEachCaseOnEachOfItsTransportsChosen() throws IOException {
    Cli result = Cli.run("list", "conformance", "--checker", "buffer,ordering", "--transport",
        "sse,channel", "--json");
    assertEquals(0, result.code(), result.toString());
    List<String> expected = new ArrayList<>();
    for (String checker : List.of("buffer", "ordering")) {
      for (ConformanceCase c : Cases.forChecker(checker)) {
        c.kinds().stream().filter(k -> k.equals("sse") || k.equals("channel"))
            .forEach(kind -> expected.add(c.id() + " on " + kind));
      }
    }
    List<String> listed = new ArrayList<>();
    for (JsonNode run : new ObjectMapper().readTree(result.out())) {
      listed.add(run.get("id").asText() + " on " + run.get("transport").asText());
      assertEquals("[]", run.get("tags").toString());
      assertTrue(run.get("file").isNull(), run.toString());
    }
    assertEquals(expected, listed);
    assertTrue(listed.size() >= 2, listed.toString());
  }

  @Test
  void badInputExitsTwoSayingWhatWasExpected() {
    Cli tags = Cli.run("list", "conformance", "--tags", "ordering");
    assertEquals(2, tags.code(), tags.toString());
    assertEquals("weir list: --tags and --shard choose among scenario files; for the conformance"
        + " cases use --checker and --transport\n", tags.err());

    Cli nothing = Cli.run("list", "examples", "--tags", "reconnect & !websocket");
    assertEquals(2, nothing.code(), nothing.toString());
    assertEquals("weir list: no scenario to run under examples with these options\n", nothing.err());

    Cli kind = Cli.run("list", SCENARIOS, "--transport", "carrier-pigeon");
    assertEquals(2, kind.code(), kind.toString());
    assertEquals("weir list: --transport carrier-pigeon: expected one of channel, event, command,"
        + " scheme, websocket, sse\n", kind.err());

    Cli checker = Cli.run("list", SCENARIOS, "--checker", "buffer");
    assertEquals(2, checker.code(), checker.toString());
    assertTrue(checker.err().startsWith("weir list: --checker chooses among the conformance cases"),
        checker.err());

    Cli missing = Cli.run("list", "nowhere");
    assertEquals(2, missing.code(), missing.toString());
    assertEquals("weir list: nowhere: expected a scenario file or a folder of them; there is none\n",
        missing.err());
  }
}
