package dev.weir.harness.conformance;

import dev.weir.harness.browser.Payload;
import dev.weir.simulator.codec.ReadingEncoder;
import dev.weir.simulator.codec.ReadingEncoding;
import dev.weir.simulator.pacing.Speed;
import dev.weir.simulator.spec.SimulationSpecParser;
import dev.weir.simulator.spec.SpecException;
import dev.weir.simulator.stream.Reading;
import dev.weir.simulator.stream.ReadingSource;
import dev.weir.simulator.stream.Simulation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Sensor readings as JSON payloads: what cases and scenarios stream. The built-in cases send a
 * 1 kHz three-axis accelerometer, the same bytes for the same seed on every run; a scenario sends
 * its own simulated or recorded readings at their virtual times.
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
      payloads[i] = json(encoder, readings.next());
    }
    return payloads;
  }

  /**
   * The readings of {@code source} up to virtual time {@code untilNs} (excluded), as JSON, each
   * sent at its virtual time played at {@code speed}: a simulated or recorded stream as a
   * producer plays it.
   *
   * @throws IOException when a recording cannot be read
   * @throws IllegalArgumentException when there are no readings before {@code untilNs}
   */
  public static Timeline timeline(ReadingSource source, long untilNs, Speed speed)
      throws IOException {
    ReadingEncoder encoder = ReadingEncoding.JSON.newEncoder();
    List<Payload> payloads = new ArrayList<>();
    long[] times = new long[64];
    for (Reading reading = source.next(); reading != null && reading.timeNs() < untilNs;
        reading = source.next()) {
      if (payloads.size() == times.length) {
        times = Arrays.copyOf(times, times.length * 2);
      }
      times[payloads.size()] = reading.timeNs();
      payloads.add(json(encoder, reading));
    }
    if (payloads.isEmpty()) {
      throw new IllegalArgumentException("The stream has no readings before " + untilNs + " ns");
    }
    return Timeline.timed(payloads.toArray(Payload[]::new), Arrays.copyOf(times, payloads.size()),
        speed);
  }

  private static Payload json(ReadingEncoder encoder, Reading reading) {
    int length = encoder.encode(reading);
    return Payload.json(new String(Arrays.copyOf(encoder.buffer(), length), StandardCharsets.UTF_8));
  }
}
