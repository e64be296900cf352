package dev.weir.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weir.scenarios.bundle.RunFilesRead;
import dev.weir.scenarios.run.LiveBusyThreads;
import dev.weir.scenarios.run.Stress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code weir run} end to end, in real Chromium: a broken frontend exits 1 naming the checker that
 * caught it, the reference exits 0, {@code --seed} reseeds scenarios, {@code --json} prints or
 * writes the results, {@code --stress} is recorded in the table, the JSON and the report, and bad
 * input exits 2 saying what was expected.
 */
class RunCommandTest {

  private static final String BROKEN = "../fixtures/frontend/broken/";
  private static final String SCENARIOS = "src/test/scenarios";
  private static final String ENGINE_BROKEN = "src/test/resources/engine/broken/";

  @Test
  void scenariosRunByShardAndRepeatWithNoDifferences() {
    Cli result = Cli.run("run", SCENARIOS, "--shard", "2/2", "--repeat", "2");
    assertEquals(0, result.code(), result.toString());
    assertTrue(result.out().contains("ordering-over-ipc[kind=event]"), result.out());
    assertTrue(!result.out().contains("kind=channel"), "shard 2/2 of 2 sorted ids is the second: "
        + result.out());
    assertTrue(result.err().contains("[2/2] ordering-over-ipc[kind=event] on event"), result.err());
    assertTrue(result.err().contains("Repeated 2 times: every run's verdicts the same each time."),
        result.err());
    assertTrue(result.out().contains("Over 2 rounds: 2 of 2 runs passed; the table shows round 1."),
        result.out());
  }

  @Test
  void scenariosRunSideBySideWithJobsAndTheTableKeepsTheirOrder() {
    int jobs = Math.min(2, Runtime.getRuntime().availableProcessors());
    Cli result = Cli.run("run", SCENARIOS, "--jobs", String.valueOf(jobs));
    assertEquals(0, result.code(), result.toString());
    assertTrue(result.out().indexOf("ordering-over-ipc[kind=channel]")
        < result.out().indexOf("ordering-over-ipc[kind=event]"), result.out());
    assertTrue(result.out().contains("2 of 2 runs passed."), result.out());
    assertTrue(result.err().contains("2 runs" + (jobs == 1 ? "" : ", 2 at a time")), result.err());
  }

  @Test
  void aScenarioOnABrokenFrontendExitsOneWithItsFirstViolationAndItsBundleReplaysTheSame(
      @TempDir Path bundles) {
    Cli result = Cli.run("run", ENGINE_BROKEN + "no-reorder-frontend.yaml", "--bundles", bundles.toString());
    assertEquals(1, result.code(), result.toString());
    assertTrue(result.out().contains("no-reorder-frontend channel    ordering/consume FAILED"),
        result.out());
    assertTrue(result.out().contains("out-of-order: "), result.out());
    Path bundle = bundles.resolve("no-reorder-frontend").toAbsolutePath();
    assertTrue(result.out().contains("Repro bundle of no-reorder-frontend on channel: " + bundle
        + "\n  replay: ./weir replay '" + bundle + "'"), result.out());

    Cli replay = Cli.run("replay", bundle.toString());
    assertEquals(1, replay.code(), replay.toString());
    assertTrue(replay.out().contains("Same verdict as the bundle's: ordering/consume FAILED (out-of-order)"),
        replay.out());
  }

  @Test
  void aSeedReplacesEveryScenariosOwnAndJsonGoesToAFileBesideTheTable(@TempDir Path dir)
      throws IOException {
    Path json = dir.resolve("results.json");
    Cli result = Cli.run("run", ENGINE_BROKEN + "no-reorder-frontend.yaml", "--seed", "99",
        "--json", json.toString(), "--bundles", dir.resolve("bundles").toString());
    assertEquals(1, result.code(), result.toString());
    assertTrue(result.out().startsWith("case "), "the table on stdout: " + result.out());
    assertTrue(result.out().contains("no-reorder-frontend channel    ordering/consume FAILED"),
        result.out());
    assertTrue(result.out().endsWith("JSON: " + json.toAbsolutePath() + "\n"), result.out());
    JsonNode runs = new ObjectMapper().readTree(json.toFile());
    assertEquals(1, runs.size(), runs.toString());
    assertEquals("no-reorder-frontend", runs.get(0).get("case").asText());
    assertEquals("FAILED", runs.get(0).get("verdicts").get(0).get("status").asText());
    Path bundle = Path.of(runs.get(0).get("bundle").asText());
    assertEquals(dir.resolve("bundles/no-reorder-frontend").toAbsolutePath(), bundle);
    assertTrue(Files.readString(bundle.resolve("scenario.yaml")).contains("\nseed: 99\n"),
        "the bundle pins the seed that ran");
    assertEquals("99", RunFilesRead.run(bundle.resolve("stream.mcap")).get("seed"),
        "the readings were simulated with it");
    Path index = Path.of(result.out().substring(result.out().indexOf("Report: ") + 8,
        result.out().indexOf("\nJSON: ")).trim());
    assertTrue(Files.readString(index.resolveSibling("index.json"))
        .contains("\"title\":\"weir scenarios: " + ENGINE_BROKEN + "no-reorder-frontend.yaml, seed 99\""));
  }

  @Test
  void jsonTakesAFileOnlyWhenItEndsInJsonOrIsAttachedSoPathsAfterItStayPaths() {
    RunCommand run = parse("--json", "examples", "--seed", "3");
    assertEquals(JsonTarget.STDOUT, run.json);
    assertEquals(List.of("examples"), run.selection.what);
    assertEquals(3L, run.seed);
    assertEquals(JsonTarget.STDOUT, parse("conformance", "--json").json);
    assertEquals("out.JSON", parse("--json", "out.JSON", "conformance").json);
    assertEquals("results.txt", parse("--json=results.txt", "conformance").json);
    assertEquals(List.of("conformance"), parse("--json=results.txt", "conformance").selection.what);
    assertEquals(null, parse("conformance").json);
  }

  @Test
  void stressTakesASpecAndIsNoneWithoutIt() {
    assertEquals(Optional.of(new Stress(4)),
        parse("conformance", "--stress", "cpu=4").stressOption.stress());
    assertEquals(Optional.of(new Stress(1)),
        parse("--stress=cpu=1", SCENARIOS).stressOption.stress());
    assertEquals(Optional.empty(), parse("conformance").stressOption.stress());
  }

  private static RunCommand parse(String... args) {
    RunCommand run = new RunCommand();
    new CommandLine(run).parseArgs(args);
    return run;
  }

  @Test
  void aRecordingReplaysThroughATransportWithChecksAndBadReplayInputExitsTwo(@TempDir Path dir)
      throws IOException {
    Path recording = dir.resolve("r.mcap");
    assertEquals(0, Cli.run("simulate", "-q", "--scenario", "examples/accelerometer.yaml",
        "--duration", "500ms", "--out", recording.toString()).code());
    Cli replay = Cli.run("replay", recording.toString(), "--transport", "sse", "--speed", "max",
        "--expect", "ordering,buffer", "--stress", "cpu=1");
    assertEquals(0, replay.code(), replay.toString());
    assertTrue(replay.out().contains("replay             sse        ordering/consume OK"), replay.out());
    assertTrue(replay.out().contains("replay             sse        buffer OK"), replay.out());
    assertTrue(replay.out().contains("\nUnder stress: 1 busy thread (cpu=1)\nLoad average (1 min): "),
        replay.out());
    assertEquals(List.of(), LiveBusyThreads.list());

    Files.writeString(dir.resolve("notes.txt"), "not a bundle");
    assertEquals("weir replay: " + dir + ": expected a repro bundle (a folder with a scenario.yaml,"
        + " written by a failing weir run or test); there is no scenario.yaml in it\n",
        Cli.run("replay", dir.toString()).err());
    assertEquals("weir replay: --speed fast: speed must be a positive factor like \"1x\", \"20x\","
        + " \"0.5x\", or \"max\": \"fast\"\n",
        Cli.run("replay", recording.toString(), "--speed", "fast").err());
    assertEquals("weir replay: --expect latency: expected one of ordering, cleanup, backpressure,"
        + " reconnect, buffer\n", Cli.run("replay", recording.toString(), "--expect", "latency").err());
    assertEquals("weir replay: --transport carrier-pigeon: expected one of channel, event, command,"
        + " scheme, websocket, sse\n",
        Cli.run("replay", recording.toString(), "--transport", "carrier-pigeon").err());
    Cli missing = Cli.run("replay", dir.resolve("nope.mcap").toString());
    assertEquals(2, missing.code(), missing.toString());
    Cli stress = Cli.run("replay", recording.toString(), "--stress", "cpu=lots");
    assertEquals(2, stress.code(), stress.toString());
    assertEquals("weir replay: --stress cpu=lots: expected cpu=N with N 1 or more (N busy threads),"
        + " such as cpu=4\n", stress.err());
  }

  @Test
  void aBrokenFrontendExitsOneNamingTheFailedCheckerAndWritesTheReport() throws IOException {
    Cli result = Cli.run("run", "conformance", "--frontend", BROKEN + "ring-grows",
        "--checker", "buffer", "--transport", "channel");
    assertEquals(1, result.code(), result.toString());
    assertTrue(result.out().contains("5.1-buffer         channel    buffer FAILED"), result.out());
    assertTrue(result.out().contains("0 of 1 runs passed. FAILED checkers: buffer\n"), result.out());
    assertTrue(result.err().contains("[1/1] 5.1-buffer on channel: buffer FAILED"), result.err());
    Path index = Path.of(result.out().substring(result.out().indexOf("Report: ") + 8).trim());
    assertTrue(Files.readString(index).contains("buffer"), "the report at " + index);
  }

  @Test
  void underStressTheTableTheJsonAndTheReportSayHowBusyTheMachineWasAndTheReportRedrawsTheSame(
      @TempDir Path dir) throws IOException {
    Path json = dir.resolve("results.json");
    Cli result = Cli.run("run", "conformance", "--checker", "buffer", "--transport", "channel",
        "--stress", "cpu=2", "--json", json.toString());
    assertEquals(0, result.code(), result.toString());
    assertEquals(List.of(), LiveBusyThreads.list(), "stopped after the last run");
    assertTrue(result.err().contains(", 1 runs, under stress: 2 busy threads (cpu=2)\n"),
        result.err());
    assertTrue(Pattern.compile("\n\nUnder stress: 2 busy threads \\(cpu=2\\)\nLoad average \\(1 min\\):"
        + " \\d+\\.\\d\\d at the start, \\d+\\.\\d\\d at the end\n1 of 1 runs passed\\.\n")
        .matcher(result.out()).find(), result.out());
    JsonNode conditions = new ObjectMapper().readTree(json.toFile()).get(0).get("conditions");
    assertEquals("cpu=2", conditions.get("stress").get("spec").asText(), conditions.toString());
    assertEquals(2, conditions.get("stress").get("busy_threads").asInt());
    assertTrue(conditions.get("load_average_1m").get("start").isNumber(), conditions.toString());
    assertTrue(conditions.get("load_average_1m").get("end").isNumber(), conditions.toString());

    Path report = Path.of(result.out().substring(result.out().indexOf("Report: ") + 8,
        result.out().indexOf("\nJSON: ")).trim()).getParent();
    assertEquals(conditions, new ObjectMapper().readTree(report.resolve("index.json").toFile())
        .get("conditions"));
    assertTrue(Files.readString(report.resolve("index.html"))
        .contains("<p class=\"conditions\">Under stress: 2 busy threads (cpu=2)</p>"));
    assertTrue(Files.readString(report.resolve("junit.xml"))
        .contains("<property name=\"weir.stress\" value=\"cpu=2\"/>"));
    Path redrawn = Files.createDirectories(dir.resolve("redrawn"));
    Files.copy(report.resolve("index.json"), redrawn.resolve("index.json"));
    assertEquals(0, Cli.run("report", redrawn.toString()).code());
    for (String file : List.of("index.json", "index.html", "junit.xml")) {
      assertArrayEquals(Files.readAllBytes(report.resolve(file)),
          Files.readAllBytes(redrawn.resolve(file)), file);
    }
  }

  @Test
  void theReferencePassesAndWritesItsVerdictsAsJson() throws IOException {
    Cli result = Cli.run("run", "conformance", "--checker", "buffer", "--transport", "sse", "--json");
    assertEquals(0, result.code(), result.toString());
    JsonNode runs = new ObjectMapper().readTree(result.out());
    assertEquals(1, runs.size(), result.out());
    assertEquals("5.1-buffer", runs.get(0).get("case").asText());
    assertEquals("sse", runs.get(0).get("transport").asText());
    JsonNode verdict = runs.get(0).get("verdicts").get(0);
    assertEquals("buffer", verdict.get("checker").asText());
    assertEquals("OK", verdict.get("status").asText(), verdict.toString());
  }

  @Test
  void badInputExitsTwoSayingWhatWasExpected(@TempDir Path empty) {
    Cli wrongWhat = Cli.run("run", "everything");
    assertEquals(2, wrongWhat.code(), wrongWhat.toString());
    assertTrue(wrongWhat.err().contains(
        "everything: expected a scenario file or a folder of them; there is none"), wrongWhat.err());

    Cli misspelt = Cli.run("run", ENGINE_BROKEN + "misspelt.yaml");
    assertEquals(2, misspelt.code(), misspelt.toString());
    assertTrue(misspelt.err().contains("misspelt.yaml:6:1"), misspelt.err());

    Cli mixed = Cli.run("run", "conformance", "--tags", "ordering");
    assertEquals(2, mixed.code(), mixed.toString());
    assertTrue(mixed.err().contains("--tags and --shard choose among scenario files"), mixed.err());

    Cli shard = Cli.run("run", SCENARIOS, "--shard", "3/2");
    assertEquals(2, shard.code(), shard.toString());
    assertTrue(shard.err().contains("--shard: expected a shard as i/n with 1 <= i <= n"), shard.err());

    Cli noPage = Cli.run("run", "conformance", "--frontend", empty.toString());
    assertEquals(2, noPage.code(), noPage.toString());
    assertTrue(noPage.err().contains("expected an index.html in it"), noPage.err());

    Cli kind = Cli.run("run", "conformance", "--transport", "carrier-pigeon");
    assertEquals(2, kind.code(), kind.toString());
    assertTrue(kind.err().contains(
        "--transport carrier-pigeon: expected one of channel, event, command, scheme, websocket, sse"),
        kind.err());

    Cli seed = Cli.run("run", "conformance", "--seed", "3");
    assertEquals(2, seed.code(), seed.toString());
    assertEquals("weir run: --seed 3: the conformance cases take no seed; each fixes its readings"
        + " and wire faults in code, so every run of a case is the same. --seed applies to scenario"
        + " files\n", seed.err());

    Cli folder = Cli.run("run", SCENARIOS, "--json=" + empty);
    assertEquals(2, folder.code(), folder.toString());
    assertEquals("weir run: --json " + empty + ": expected a file to write the results to; it is a"
        + " folder\n", folder.err());

    Cli jobs = Cli.run("run", "conformance", "--jobs", "2");
    assertEquals(2, jobs.code(), jobs.toString());
    assertTrue(jobs.err().startsWith("weir run: --jobs 2: the conformance cases run one at a time;"
        + " the cleanup case's gauges"), jobs.err());
    int processors = Runtime.getRuntime().availableProcessors();
    Cli crowded = Cli.run("run", SCENARIOS, "--jobs", String.valueOf(processors + 1));
    assertEquals(2, crowded.code(), crowded.toString());
    assertTrue(crowded.err().startsWith("weir run: --jobs " + (processors + 1) + ": expected 1 to "
        + processors + " (this machine's processors"), crowded.err());

    for (String spec : List.of("cpu=0", "cpu=-1", "cpu=four", "cpu", "memory=1g", "cpu=2,cpu=3")) {
      Cli stress = Cli.run("run", "conformance", "--stress", spec);
      assertEquals(2, stress.code(), stress.toString());
      assertEquals("weir run: --stress " + spec + ": expected cpu=N with N 1 or more (N busy"
          + " threads), such as cpu=4\n", stress.err());
    }
    Cli noSpec = Cli.run("run", "conformance", "--stress");
    assertEquals(2, noSpec.code(), noSpec.toString());
    assertTrue(noSpec.err().startsWith("Missing required parameter for option '--stress' (SPEC)"),
        noSpec.err());

    Cli checker = Cli.run("run", "conformance", "--checker", "jitter");
    assertEquals(2, checker.code(), checker.toString());
    assertTrue(checker.err().contains("Unknown checker 'jitter': expected one of ordering, cleanup,"
        + " backpressure, reconnect, buffer, throughput, latency"), checker.err());
  }
}
