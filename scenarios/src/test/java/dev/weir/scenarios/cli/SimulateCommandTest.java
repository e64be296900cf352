package dev.weir.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
   * Pins the bytes of every example. The suite runs on JDK 17 and on JDK 25 in CI, so equal hashes here mean equal
   * recordings on both; a change to any model, fault, encoding or the MCAP writer shows up as a changed hash.
   */
  @ParameterizedTest
  @CsvSource({
      "accelerometer, 5c38cffe57adc2a6880d90b9f186aadb2298c6f88ef2e65635f087dddd394519",
      "clock-faults, 0d60bf3483380c675a6663b2a2afa6db44794fb869d0fb85a02169e614e7d898",
      "vibration-10khz, 078777cc13fe257f7f2efb64ae27fe1e89abaa8050a17e6a8d523bd1d689848b",
      "weather-station, ee3b14f3a6fcfe89ca7f18f79c7201281f8fd3ab6a7062a1f0f54b9917fbaee1"})
  void everyExampleSimulatesToItsPinnedBytes(String example, String expectedSha256) throws Exception {
    assertEquals(expectedSha256, sha256(simulate(example)));
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
