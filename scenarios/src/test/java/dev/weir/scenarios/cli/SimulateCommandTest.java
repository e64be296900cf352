package dev.weir.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.harness.browser.JvmCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SimulateCommandTest {

  @TempDir
  Path dir;

  private Path simulate(String example, String... extra) {
    Path out = dir.resolve(example + "-" + extra.length + "-" + String.join("_", extra).replaceAll("\\W", "") + ".mcap");
    String[] args = new String[6 + extra.length];
    args[0] = "simulate";
    args[1] = "-q";
    args[2] = "--scenario";
    args[3] = "examples/" + example + ".yaml";
    args[4] = "--out";
    args[5] = out.toString();
    System.arraycopy(extra, 0, args, 6, extra.length);
    Cli result = Cli.run(args);
    assertEquals(0, result.code(), result.toString());
    return out;
  }

  private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  /**
   * The pinned SHA-256 of every example's recording. The suite runs on JDK 17 and on JDK 25 in CI, so equal hashes here
   * mean equal recordings on both; a change to any model, fault, encoding or the MCAP writer shows up as a changed hash.
   */
  static Stream<Arguments> pinned() {
    return Stream.of(
        Arguments.of("accelerometer", "cfa661ee1333626c59909dced62f330feb85c5922b4dc2fd815727a8abfa00e1"),
        Arguments.of("clock-faults", "703494370296f7a3e35cfed034d2c44cc9ea8fe6091a7a9cf5a33cb7541b0491"),
        Arguments.of("vibration-10khz", "58adb4bfc398ac6d73acc4bbec53b33ba6955c79458c017cfed0bc3c7a2de894"),
        Arguments.of("weather-station", "c9a84ca612e0789d8d8a8946379f6f3ee6a62069f63b73a2554681313bcb8bdf"));
  }

  @ParameterizedTest
  @MethodSource("pinned")
  void everyExampleSimulatesToItsPinnedBytes(String example, String expectedSha256) throws Exception {
    assertEquals(expectedSha256, sha256(simulate(example)));
  }

  /**
   * The same bytes from a JVM that started Chromium before its first recording. Chromium's libraries map the system's
   * libzstd into the process; a native encoder first used after that bound its calls to that copy and, on JDK 25,
   * wrote other bytes (in this order, every time). It runs in a JVM of its own because only the first use binds.
   */
  @Test
  void everyExampleKeepsItsBytesInAJvmThatStartedTheBrowserFirst() throws Exception {
    List<String> args = new ArrayList<>(List.of(dir.toString()));
    pinned().forEach(p -> args.add((String) p.get()[0]));
    Path log = dir.resolve("child.log");
    Process child = JvmCommand.builder(SimulateBesideTheBrowser.class, args.toArray(String[]::new))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      assertTrue(child.waitFor(2, TimeUnit.MINUTES), "the child JVM did not finish in 2 minutes");
      String printed = Files.readString(log);
      assertEquals(0, child.exitValue(), printed);
      assertTrue(printed.contains("libzstd-mapped true"),
          "the precondition this test is about did not hold (no libzstd mapped beside Chromium):\n" + printed);
      for (Arguments p : pinned().toList()) {
        String example = (String) p.get()[0];
        assertEquals(p.get()[1], sha256(dir.resolve(example + ".mcap")), example);
      }
    } finally {
      child.descendants().forEach(ProcessHandle::destroyForcibly);
      child.destroyForcibly();
    }
  }

  @Test
  void theSameScenarioAndSeedGiveTheSameBytesAndAnotherSeedOtherBytes() throws IOException {
    byte[] first = Files.readAllBytes(simulate("accelerometer"));
    byte[] again = Files.readAllBytes(simulate("accelerometer", "--compression", "zstd"));
    byte[] reseeded = Files.readAllBytes(simulate("accelerometer", "--seed", "43"));
    assertArrayEquals(first, again);
    assertFalse(java.util.Arrays.equals(first, reseeded));
  }

  @Test
  void durationAndEncodingOptionsChangeWhatIsWritten() throws IOException {
    long full = Files.size(simulate("accelerometer"));
    long shorter = Files.size(simulate("accelerometer", "--duration", "1s"));
    long binary = Files.size(simulate("accelerometer", "--encoding", "binary", "--compression", "none"));
    long json = Files.size(simulate("accelerometer", "--encoding", "json", "--compression", "none"));
    assertNotEquals(full, shorter);
    assertEquals(true, shorter < full, shorter + " < " + full);
    assertEquals(true, binary < json, binary + " < " + json);
  }

  @Test
  void aBadScenarioIsExitCode2WithFileLineColumnAndByteAndNoOutput() throws IOException {
    Path scenario = dir.resolve("bad.yaml");
    Files.writeString(scenario, "seed: 1\nduration: 1s\nsensors:\n  - {id: t, model: sine, rate_hz: fast}\n");
    Path out = dir.resolve("bad.mcap");
    Cli result = Cli.run("simulate", "--scenario", scenario.toString(), "--out", out.toString());
    assertEquals(2, result.code(), result.toString());
    assertEquals("weir simulate: " + scenario + ":4:35 (byte 64): sensors[0].rate_hz: expected a rate in hertz "
        + "from 0.1 to 1000000, found \"fast\"\n", result.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void aMissingScenarioIsExitCode2() {
    Cli result = Cli.run("simulate", "--scenario", dir.resolve("nope.yaml").toString(), "--out",
        dir.resolve("x.mcap").toString());
    assertEquals(2, result.code(), result.toString());
    assertEquals("weir simulate: no such file: " + dir.resolve("nope.yaml") + "\n", result.err());
  }

  @Test
  void aMissingRequiredOptionIsAUsageErrorWithExitCode2() {
    Cli result = Cli.run("simulate", "--scenario", "examples/accelerometer.yaml");
    assertEquals(2, result.code(), result.toString());
    assertEquals(true, result.err().startsWith("Missing required option: '--out=FILE.mcap'"), result.err());
  }

  @Test
  void aDurationOverrideIsParsedLikeTheScenarioFile() {
    Cli result = Cli.run("simulate", "--scenario", "examples/accelerometer.yaml", "--duration", "10",
        "--out", dir.resolve("x.mcap").toString());
    assertEquals(2, result.code(), result.toString());
    assertEquals(true, result.err().startsWith("weir simulate: --duration"), result.err());
  }
}
