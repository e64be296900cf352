package dev.weir.harness.trace;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.weir.simulator.io.ByteSink;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a cursor's current event as one JSON object, fields in a fixed order and no whitespace, so
 * equal events give equal bytes. Layouts per kind are in {@code docs/trace-format.md}.
 */
final class TraceJson {

  private final ByteSink sink = new ByteSink(256);
  private final Map<String, byte[]> quoted = new HashMap<>();

  /** Encodes the event into {@link #buffer()} and returns its length. */
  int encode(TraceCursor event) {
    sink.clear();
    number("{\"index\":", event.index());
    string(",\"stream\":", event.stream());
    switch (event.kind()) {
      case SEND -> {
        number(",\"sequence\":", event.sequence());
        number(",\"size\":", event.sizeBytes());
        number(",\"virtual_ns\":", event.virtualNs());
        number(",\"wall_ns\":", event.wallNs());
      }
      case DELIVERY -> {
        number(",\"sequence\":", event.sequence());
        number(",\"size\":", event.sizeBytes());
        number(",\"wall_ns\":", event.wallNs());
        number(",\"arrival_ns\":", event.arrivalNs());
      }
      case OPEN, CLOSE, END, CONNECT_ATTEMPT, REFUSAL, DROP, FAULT, LOSS_HEARD -> {
        string(",\"kind\":", event.kind().label());
        if (event.sequence() != TraceEvent.ABSENT) {
          number(",\"sequence\":", event.sequence());
        }
        string(",\"detail\":", event.detail());
        number(",\"wall_ns\":", event.wallNs());
        if (event.kind() == EventKind.CONNECT_ATTEMPT || event.arrivalNs() != event.wallNs()) {
          number(",\"arrival_ns\":", event.arrivalNs());
        }
      }
      case CONSUME -> {
        number(",\"sequence\":", event.sequence());
        number(",\"wall_ns\":", event.wallNs());
        number(",\"arrival_ns\":", event.arrivalNs());
      }
      case BUFFER -> {
        number(",\"pushed\":", event.pushed());
        number(",\"evictions\":", event.evictions());
        number(",\"held\":", event.held());
        number(",\"wall_ns\":", event.wallNs());
      }
      case BUFFER_ITEM -> {
        number(",\"position\":", event.position());
        number(",\"sequence\":", event.sequence());
        number(",\"wall_ns\":", event.wallNs());
      }
      case RECONNECT -> {
        string(",\"decision\":", event.decision());
        number(",\"attempt\":", event.attempt());
        number(",\"delay_us\":", event.delayMicros());
        number(",\"wall_ns\":", event.wallNs());
      }
      case GAUGE -> {
        string(",\"metric\":", event.metric());
        number(",\"value\":", event.value());
        number(",\"wall_ns\":", event.wallNs());
      }
      case CLOCK, LAG -> {
        number(",\"" + event.kind().valueField() + "\":", event.value());
        number(",\"wall_ns\":", event.wallNs());
      }
    }
    sink.u8('}');
    return sink.size();
  }

  byte[] buffer() {
    return sink.array();
  }

  /** {@code ["a","b"]}: how the stream names go into the file's metadata. */
  static String stringArray(List<String> strings) {
    StringBuilder out = new StringBuilder("[");
    for (String s : strings) {
      out.append(out.length() > 1 ? "," : "").append(new String(quote(s), StandardCharsets.UTF_8));
    }
    return out.append(']').toString();
  }

  private void number(String key, long value) {
    sink.ascii(key);
    sink.ascii(Long.toString(value));
  }

  /** Streams and details repeat on every event, so each is escaped once. */
  private void string(String key, String value) {
    sink.ascii(key);
    byte[] bytes = quoted.computeIfAbsent(value, TraceJson::quote);
    sink.bytes(bytes, 0, bytes.length);
  }

  private static byte[] quote(String s) {
    byte[] escaped = JsonStringEncoder.getInstance().quoteAsUTF8(s);
    byte[] out = new byte[escaped.length + 2];
    out[0] = '"';
    System.arraycopy(escaped, 0, out, 1, escaped.length);
    out[out.length - 1] = '"';
    return out;
  }
}
