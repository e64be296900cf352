package dev.weir.harness.transport;

import dev.weir.harness.browser.Payload;
import dev.weir.simulator.codec.ReadingEncoder;
import dev.weir.simulator.codec.ReadingEncoding;
import dev.weir.simulator.spec.SimulationSpecParser;
import dev.weir.simulator.stream.Simulation;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Set;

/** A 1 kHz simulated accelerometer as JSON payloads, for carrying through a transport. */
final class SimulatedStream {

  private SimulatedStream() {}

  /** The first {@code count} readings; each payload's {@code index} is its position. */
  static Payload[] readings(int count) throws Exception {
    String spec =
        "seed: 42\nduration: " + (count / 1000 + 1) + "s\nsensors:\n"
            + "  - {id: accel, model: sine, rate_hz: 1000, channels: [x, y, z],"
            + " amplitude: 0.5, frequency_hz: 1, noise: {stddev: 0.01}}\n";
    Iterator<dev.weir.simulator.stream.Reading> readings =
        Simulation.of(SimulationSpecParser.parse(spec, "transport-test.yaml", Set.of())).readings();
    ReadingEncoder encoder = ReadingEncoding.JSON.newEncoder();
    Payload[] payloads = new Payload[count];
    for (int i = 0; i < count; i++) {
      int length = encoder.encode(readings.next());
      payloads[i] =
          Payload.json(new String(Arrays.copyOf(encoder.buffer(), length), StandardCharsets.UTF_8));
    }
    return payloads;
  }
}
