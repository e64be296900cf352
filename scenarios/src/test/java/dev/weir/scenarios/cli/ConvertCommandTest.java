package dev.weir.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.weir.simulator.recording.RecordingReader;
import dev.weir.simulator.stream.Reading;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConvertCommandTest {

  @TempDir
  Path dir;

  private static List<Reading> readings(Path recording) throws IOException {
    List<Reading> out = new ArrayList<>();
    try (RecordingReader reader = RecordingReader.open(recording)) {
      for (Reading r = reader.next(); r != null; r = reader.next()) {
        out.add(r);
      }
    }
    return out;
  }

  private static void ok(Cli result) {
    assertEquals(0, result.code(), result.toString());
  }

  @Test
  void aRecordingSurvivesMcapToCsvToMcapBitForBit() throws IOException {
    Path original = dir.resolve("vibration.mcap");
    Path csv = dir.resolve("vibration.csv");
    Path back = dir.resolve("back.mcap");
    ok(Cli.run("simulate", "-q", "--scenario", "examples/vibration-10khz.yaml", "--duration", "1500ms",
        "--out", original.toString()));
    ok(Cli.run("convert", "-q", original.toString(), csv.toString()));
    ok(Cli.run("convert", "-q", csv.toString(), back.toString(), "--encoding", "binary"));
    assertEquals(readings(original), readings(back));
    assertEquals("time_ns,stamp_ns,sensor,index,vibration.value,rpm.value",
        Files.readAllLines(csv).get(0));
  }

  @Test
  void aFieldLogBecomesARecordingThroughTheColumnOptions() throws IOException {
    Path log = dir.resolve("field.csv");
    Files.writeString(log, "t,temp,hum\n100.0,20.5,40\n100.5,20.25,41\n101.0,20.0,NaN\n");
    Path out = dir.resolve("field.mcap");
    ok(Cli.run("convert", log.toString(), out.toString(), "--time-column", "t", "--time-unit", "s",
        "--sensor", "station"));
    assertEquals(List.of(
        new Reading("station", 0, 0, 0, new double[] {20.5, 40}),
        new Reading("station", 1, 500_000_000L, 500_000_000L, new double[] {20.25, 41}),
        new Reading("station", 2, 1_000_000_000L, 1_000_000_000L, new double[] {20.0, Double.NaN})),
        readings(out));
  }

  @Test
  void ndjsonWithASensorFieldBecomesCsvWithAColumnSetPerSensor() throws IOException {
    Path log = dir.resolve("field.ndjson");
    Files.writeString(log, """
        {"ts": 5, "dev": "a", "v": {"x": 1}}
        {"ts": 6, "dev": "b", "v": {"x": 2}}
        """);
    Path out = dir.resolve("field.csv");
    ok(Cli.run("convert", log.toString(), out.toString(), "--time-column", "ts", "--time-unit", "ms",
        "--time-origin", "absolute", "--sensor-column", "dev"));
    assertEquals(List.of("time_ns,stamp_ns,sensor,index,a.v.x,b.v.x", "5000000,5000000,a,0,1.0,",
        "6000000,6000000,b,0,,2.0"), Files.readAllLines(out));
  }

  @Test
  void aBadRowIsExitCode2WithFileLineAndColumnAndLeavesNoOutput() throws IOException {
    Path log = dir.resolve("field.csv");
    Files.writeString(log, "t,temp\n1,20\n2,warm\n");
    Path out = dir.resolve("field.mcap");
    Cli result = Cli.run("convert", log.toString(), out.toString(), "--time-column", "t", "--sensor", "s");
    assertEquals(2, result.code(), result.toString());
    assertEquals("weir convert: field.csv:3:3: column \"temp\": expected a number, found \"warm\"\n", result.err());
    assertFalse(Files.exists(out));
    try (var left = Files.list(dir)) {
      assertEquals(List.of(log), left.toList());
    }
  }

  @Test
  void unknownExtensionsAndNdjsonOutputAreUsageErrors() {
    Cli unknown = Cli.run("convert", "in.txt", "out.mcap");
    assertEquals(2, unknown.code(), unknown.toString());
    assertEquals("weir convert: IN in.txt: cannot tell the format from the extension; use .csv, .ndjson, .jsonl "
        + "or .mcap, or say --from\n", unknown.err());
    Cli ndjson = Cli.run("convert", "in.csv", "out.ndjson");
    assertEquals(2, ndjson.code(), ndjson.toString());
    assertEquals("weir convert: NDJSON is an input format only; write .csv or .mcap\n", ndjson.err());
  }

  @Test
  void columnOptionsWithoutATimeColumnAreRefused() {
    Cli result = Cli.run("convert", "in.csv", "out.mcap", "--sensor", "s");
    assertEquals(2, result.code(), result.toString());
    assertEquals("weir convert: --time-column is required with --sensor, --sensor-column, --values, "
        + "--stamp-column or --index-column (without them, weir's own CSV layout is assumed)\n", result.err());
  }
}
