package dev.weir.harness.conformance;

import dev.weir.harness.browser.Payload;
import dev.weir.simulator.codec.ReadingEncoder;
import dev.weir.simulator.codec.ReadingEncoding;
import dev.weir.simulator.spec.SimulationSpecParser;
import dev.weir.simulator.spec.SpecException;
import dev.weir.simulator.stream.Reading;
import dev.weir.simulator.stream.Simulation;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Set;

/**
 * Simulated sensor readings as JSON payloads: what the conformance cases stream. A 1 kHz
 * three-axis accelerometer, the same bytes for the same seed on every run.
 */
public final class Readings {

  private Readings() {}

  /** The first {@code count} readings of the accelerometer seeded with {@code seed}. */
  public static Payload[] json(long seed, int count) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1, got " + count);
    }
    String spec =
        "seed: " + seed + "\nduration: " + (count / 1000 + 1) + "s\nsensors:\n"
            + "  - {id: accel, model: sine, rate_hz: 1000, channels: [x, y, z],"
            + " amplitude: 0.5, frequency_hz: 1, noise: {stddev: 0.01}}\n";
    Iterator<Reading> readings;
    try {
      readings = Simulation.of(SimulationSpecParser.parse(spec, "readings.yaml", Set.of())).readings();
    } catch (SpecException e) {
      throw new IllegalStateException("weir's own readings spec does not parse: " + e.getMessage(), e);
    }
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
