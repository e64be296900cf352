package dev.weir.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weir.scenarios.bundle.RunFilesRead;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code weir record} end to end, in real Chromium: a passing and a failing run each leave the
 * readings they sent, their trace and their verdicts, and exit by their verdict; a matrix needs
 * {@code --id}; bad input exits 2 saying what was expected.
 */
class RecordCommandTest {

  private static final String OVER_IPC = "src/test/scenarios/ordering-over-ipc.yaml";
  private static final String BROKEN = "src/test/resources/engine/broken/no-reorder-frontend.yaml";

  @TempDir Path dir;

  @Test
  void aPassingThenAFailingRunEachLeaveTheirStreamTraceAndVerdicts() throws Exception {
    Path out = dir.resolve("recorded");
    Cli passed = Cli.run("record", OVER_IPC, "--id", "ordering-over-ipc[kind=event]",
        "--out", out.toString());
    assertEquals(0, passed.code(), passed.toString());
    assertTrue(passed.out().contains("ordering-over-ipc[kind=event] event      ordering/consume OK"),
        passed.out());
    assertTrue(passed.out().endsWith("Recorded in " + out.toAbsolutePath()
        + ": stream.mcap, trace.mcap, verdict.json\n"), passed.out());
    assertEquals(List.of("stream.mcap", "trace.mcap", "verdict.json"), names(out));
    JsonNode verdict = verdict(out);
    assertEquals("ordering-over-ipc[kind=event]", verdict.get("case").asText());
    assertEquals("event", verdict.get("transport").asText());
    assertEquals("OK", verdict.get("status").asText());
    assertEquals(RunFilesRead.sent(out), RunFilesRead.readings(out.resolve("stream.mcap")),
        "the stream holds what was sent");
    assertEquals(600, RunFilesRead.readings(out.resolve("stream.mcap")), "600 ms at 1 kHz");
    assertEquals("5", RunFilesRead.run(out.resolve("stream.mcap")).get("seed"));

    Cli failed = Cli.run("record", BROKEN, "--out", out.toString());
    assertEquals(1, failed.code(), failed.toString());
    assertTrue(failed.out().contains("no-reorder-frontend channel    ordering/consume FAILED"),
        failed.out());
    assertEquals(List.of("stream.mcap", "trace.mcap", "verdict.json"), names(out),
        "the files replaced, nothing left beside them");
    verdict = verdict(out);
    assertEquals("no-reorder-frontend", verdict.get("case").asText());
    assertEquals("ordering/consume FAILED (out-of-order)", verdict.get("outcome").asText());
    assertEquals(RunFilesRead.sent(out), RunFilesRead.readings(out.resolve("stream.mcap")));
    assertEquals(500, RunFilesRead.readings(out.resolve("stream.mcap")), "500 ms at 1 kHz");
  }

  @Test
  void aRunWhoseProducerNeverFinishedIsInconclusiveAndItsStreamHoldsWhatWasSent()
      throws Exception {
    // Ledger: a wire stall past the run's end gave exit 0, "ordering OK", and a stream.mcap of all
    // 100 readings, though 50 were sent; a disconnect from the start gave "OK: 0 messages sent".
    Path out = dir.resolve("stalled");
    Cli stalled = Cli.run("record", "src/test/resources/engine/incomplete/stalled-producer.yaml",
        "--out", out.toString());
    assertEquals(1, stalled.code(), stalled.toString());
    JsonNode verdict = verdict(out);
    assertEquals("INCONCLUSIVE", verdict.get("status").asText());
    String summary = verdict.get("verdicts").get(0).get("summary").asText();
    assertTrue(summary.startsWith("INCONCLUSIVE: The producer sent 50 of 100 messages; 50 were"
        + " never sent: its send of message 50 was held"), summary);
    Path stream = out.resolve("stream.mcap");
    assertEquals(50, RunFilesRead.readings(stream), "what was sent, not the scenario's 100");
    assertEquals(RunFilesRead.sent(out), RunFilesRead.readings(stream));
    assertEquals(Map.of("sent", "50", "scenario_readings", "100"),
        RunFilesRead.metadata(stream, "weir.partial"));

    Cli never = Cli.run("record", "src/test/resources/engine/incomplete/never-connected.yaml",
        "--out", dir.resolve("never").toString());
    assertEquals(1, never.code(), never.toString());
    assertTrue(never.out().contains("never-connected    websocket  ordering/consume INCONCLUSIVE"
        + " The producer sent 0 of 100 messages; 100 were never sent: no subscription was open"),
        never.out());
    assertTrue(never.out().contains("0 of 1 runs passed. INCONCLUSIVE checkers (could not judge,"
        + " not a pass): ordering/consume"), never.out());
    assertEquals(0, RunFilesRead.readings(dir.resolve("never").resolve("stream.mcap")));
  }

  @Test
  void badInputExitsTwoSayingWhatWasExpected() throws Exception {
    Path out = dir.resolve("out");
    Cli matrix = Cli.run("record", OVER_IPC, "--out", out.toString());
    assertEquals(2, matrix.code(), matrix.toString());
    assertEquals("weir record: " + OVER_IPC + " holds 2 scenarios (a matrix); expected --id with"
        + " one of: ordering-over-ipc[kind=channel], ordering-over-ipc[kind=event]\n", matrix.err());

    Cli id = Cli.run("record", OVER_IPC, "--id", "ordering-over-ipc", "--out", out.toString());
    assertEquals(2, id.code(), id.toString());
    assertEquals("weir record: --id ordering-over-ipc: expected one of"
        + " ordering-over-ipc[kind=channel], ordering-over-ipc[kind=event]\n", id.err());

    Path file = Files.writeString(dir.resolve("notes.txt"), "a file");
    Cli notAFolder = Cli.run("record", BROKEN, "--out", file.toString());
    assertEquals(2, notAFolder.code(), notAFolder.toString());
    assertEquals("weir record: --out " + file + ": expected a folder to save the run's files in;"
        + " it is a file\n", notAFolder.err());

    Cli misspelt = Cli.run("record", "src/test/resources/engine/broken/misspelt.yaml", "--out",
        out.toString());
    assertEquals(2, misspelt.code(), misspelt.toString());
    assertTrue(misspelt.err().contains("misspelt.yaml:6:1"), misspelt.err());

    Cli noOut = Cli.run("record", BROKEN);
    assertEquals(2, noOut.code(), noOut.toString());
    assertTrue(noOut.err().startsWith("Missing required option: '--out=DIR'"), noOut.err());
    assertTrue(!Files.exists(out), "nothing written on bad input");
  }

  private static JsonNode verdict(Path folder) throws Exception {
    return new ObjectMapper().readTree(folder.resolve("verdict.json").toFile());
  }

  private static List<String> names(Path folder) throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }
}
