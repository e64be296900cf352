package dev.weir.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path dir;

  /** The weather station: a 20 s dropout of every sensor at 5 min, so each channel has exactly one gap. */
  static Path weather;

  @BeforeAll
  static void simulateTheWeatherStation() {
    weather = dir.resolve("weather.mcap");
    Cli result = Cli.run("simulate", "-q", "--scenario", "examples/weather-station.yaml", "--out", weather.toString());
    assertEquals(0, result.code(), result.toString());
  }

  @Test
  void theTableShowsEveryChannelWithItsCountRateAndGap() {
    Cli result = Cli.run("inspect", weather.toString());
    assertEquals(0, result.code(), result.toString());
    assertTrue(result.out().contains("messages     7,598\n"), result.out());
    assertTrue(result.out().contains("metadata     weir: format=weir.recording.v1 encoding=json "
        + "spec=weather-station.yaml seed=7 duration_ns=600000000000\n"), result.out());
    assertTrue(result.out().contains("0    /weir/temperature        json                      5,800       "
        + "0.000000     599.900000        9.667      1  20.100000 s         0\n"), result.out());
  }

  @Test
  void jsonNamesTheGapAndItsStartForEachChannel() throws IOException {
    Cli result = Cli.run("inspect", "--json", weather.toString());
    assertEquals(0, result.code(), result.toString());
    JsonNode summary = JSON.readTree(result.out());
    assertEquals(7598, summary.get("messages").asLong());
    JsonNode temperature = summary.get("channels").get(0);
    assertEquals("/weir/temperature", temperature.get("topic").asText());
    assertEquals("degC", temperature.get("metadata").get("unit").asText());
    assertEquals(100_000_000L, temperature.get("period_ns").asLong());
    assertEquals(1, temperature.get("gaps").asLong());
    assertEquals(299_900_000_000L, temperature.get("largest_gap_at_ns").asLong());
    assertEquals(20_100_000_000L, temperature.get("largest_gap_ns").asLong());
  }

  @Test
  void conformanceJsonPrintsExactlyTheRecordsTheMcapConformanceSuiteExpects() throws IOException {
    Path data = conformanceDir().resolve("TenMessages/TenMessages-ch-chx-mx-pad-rch-rsh-st-sum.mcap");
    Cli result = Cli.run("inspect", "--conformance-json", data.toString());
    assertEquals(0, result.code(), result.toString());
    JsonNode expected = JSON.readTree(data.resolveSibling("TenMessages-ch-chx-mx-pad-rch-rsh-st-sum.json").toFile());
    assertEquals(expected.get("records"), JSON.readTree(result.out()).get("records"));
  }

  @Test
  void aTruncatedFileIsExitCode2NamingTheByteAndRecordAndSalvageReadsThePrefix() throws IOException {
    byte[] whole = Files.readAllBytes(weather);
    Path cut = dir.resolve("cut.mcap");
    Files.write(cut, Arrays.copyOf(whole, whole.length / 2));
    Cli strict = Cli.run("inspect", cut.toString());
    assertEquals(2, strict.code(), strict.toString());
    assertTrue(strict.err().matches("weir inspect: truncated MCAP at byte \\d+ in \\w+ record: needs \\d+ more "
        + "bytes, file ends\n"), strict.err());
    Cli salvaged = Cli.run("inspect", "--salvage", "--json", cut.toString());
    assertEquals(0, salvaged.code(), salvaged.toString());
    long messages = JSON.readTree(salvaged.out()).get("messages").asLong();
    assertTrue(messages >= 0 && messages < 7598, "salvaged " + messages);
  }

  @Test
  void aFileThatIsNotMcapIsExitCode2() throws IOException {
    Path text = dir.resolve("notes.mcap");
    Files.writeString(text, "these are not the bytes you are looking for");
    Cli result = Cli.run("inspect", text.toString());
    assertEquals(2, result.code(), result.toString());
    assertTrue(result.err().startsWith("weir inspect: corrupt MCAP at byte 0"), result.err());
  }

  static Path conformanceDir() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      Path candidate = d.resolve("fixtures/mcap-conformance");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError("no fixtures/mcap-conformance above " + Path.of("").toAbsolutePath());
  }
}
