package dev.weir.scenarios.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A correct recording replayed through the reference as fast as it takes it, long enough that
 * every fixed budget of earlier weirs ran out: five minutes of a 1 kHz 3-axis accelerometer
 * (300,000 readings), judged for ordering and the buffer, passes on channel, websocket and sse.
 * The ten-minute one is a recorded figure in docs/conformance.md.
 *
 * <p>Ledger: a five-minute replay failed `lost` when the ordering checker's window ran out; a
 * one-minute one failed `stall` when weir pushed faster than the page took; and a ten-minute one
 * was cut off after 10 s, its budget being the timeline's length (none at max speed) plus 10 s,
 * with the messages in flight then called lost. This replay takes 11 to 13 s on this 2-core
 * machine (more under load), past that old budget.
 */
class LongReplayTest {

  @TempDir static Path dir;
  private static Path recording;

  @BeforeAll
  static void simulate() {
    recording = dir.resolve("accel-5m.mcap");
    Cli simulated = Cli.run("simulate", "-q", "--scenario", "examples/accelerometer.yaml",
        "--duration", "5m", "--out", recording.toString());
    assertEquals(0, simulated.code(), simulated.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"channel", "websocket", "sse"})
  void fiveMinutesAtMaxSpeedPassOrderingAndBuffer(String kind) {
    Cli replay = Cli.run("replay", recording.toString(), "--transport", kind, "--speed", "max",
        "--expect", "ordering,buffer");
    assertEquals(0, replay.code(), replay.toString());
    assertTrue(replay.out().contains("1 of 1 runs passed."), replay.out());
  }
}
