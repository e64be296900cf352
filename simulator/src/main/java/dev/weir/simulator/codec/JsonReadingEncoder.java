package dev.weir.simulator.codec;

import dev.weir.simulator.io.ByteSink;
import dev.weir.simulator.stream.Reading;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@code {"sensor":…,"index":…,"stamp_ns":…,"values":[…]}} with fields in that order, no
 * whitespace, and each value in its shortest round-trip form, so equal readings give equal bytes.
 */
final class JsonReadingEncoder implements ReadingEncoder {

  private final ByteSink sink = new ByteSink(256);
  private final Map<String, byte[]> quotedSensors = new HashMap<>();

  @Override
  public int encode(Reading reading) {
    sink.clear();
    sink.ascii("{\"sensor\":");
    byte[] sensor = quoted(reading.sensor());
    sink.bytes(sensor, 0, sensor.length);
    sink.ascii(",\"index\":");
    sink.ascii(Long.toString(reading.index()));
    sink.ascii(",\"stamp_ns\":");
    sink.ascii(Long.toString(reading.stampNs()));
    sink.ascii(",\"values\":[");
    double[] values = reading.values();
    for (int c = 0; c < values.length; c++) {
      if (c > 0) {
        sink.u8(',');
      }
      putValue(values[c]);
    }
    sink.ascii("]}");
    return sink.size();
  }

  @Override
  public byte[] buffer() {
    return sink.array();
  }

  /** NaN and the infinities are not JSON numbers; the schema allows them as these three strings. */
  private void putValue(double v) {
    String text = ShortestDecimal.of(v);
    if (Double.isFinite(v)) {
      sink.ascii(text);
    } else {
      sink.u8('"');
      sink.ascii(text);
      sink.u8('"');
    }
  }

  /** Sensor ids repeat on every message, so each is escaped and UTF-8 encoded once. */
  private byte[] quoted(String sensor) {
    return quotedSensors.computeIfAbsent(sensor, JsonReadingEncoder::quote);
  }

  private static byte[] quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '"' || ch == '\\') {
        out.append('\\').append(ch);
      } else if (ch < 0x20) {
        out.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
      } else {
        out.append(ch);
      }
    }
    return out.append('"').toString().getBytes(StandardCharsets.UTF_8);
  }
}
