package dev.weir.simulator.codec;

import dev.weir.simulator.io.ByteSink;
import dev.weir.simulator.stream.Reading;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes the {@code weir.reading.v1} layout (see {@code docs/recording-format.md}): version byte,
 * u16 sensor id length, UTF-8 sensor id, i64 index, i64 stamp_ns, u16 value count, f64 values,
 * all little-endian. Values keep their raw IEEE bits, NaN payloads included.
 */
final class BinaryReadingEncoder implements ReadingEncoder {

  static final int VERSION = 1;
  static final int MAX_COUNT = 0xffff;

  private final ByteSink sink = new ByteSink(256);
  private final Map<String, byte[]> sensorBytes = new HashMap<>();

  @Override
  public int encode(Reading reading) {
    byte[] sensor = sensorBytes.computeIfAbsent(reading.sensor(), BinaryReadingEncoder::utf8);
    double[] values = reading.values();
    if (values.length > MAX_COUNT) {
      throw new IllegalArgumentException("reading " + reading.sensor() + "#" + reading.index() + " has "
          + values.length + " values; weir.reading.v1 holds at most " + MAX_COUNT);
    }
    sink.clear();
    sink.u8(VERSION);
    sink.u16(sensor.length);
    sink.bytes(sensor, 0, sensor.length);
    sink.u64(reading.index());
    sink.u64(reading.stampNs());
    sink.u16(values.length);
    for (double v : values) {
      sink.u64(Double.doubleToRawLongBits(v));
    }
    return sink.size();
  }

  @Override
  public byte[] buffer() {
    return sink.array();
  }

  private static byte[] utf8(String sensor) {
    byte[] bytes = sensor.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > MAX_COUNT) {
      throw new IllegalArgumentException("sensor id is " + bytes.length
          + " bytes of UTF-8; weir.reading.v1 holds at most " + MAX_COUNT);
    }
    return bytes;
  }
}
