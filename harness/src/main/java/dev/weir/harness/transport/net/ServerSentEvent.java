package dev.weir.harness.transport.net;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One Server-Sent Event. A {@code null} field is left out of the wire text; {@code data} may hold
 * any text, line breaks included ({@code \n}, {@code \r\n} or {@code \r}: each becomes a {@code
 * data:} line, and the browser joins them with {@code \n}).
 *
 * @param id sets the client's last event id, which it sends back as {@code Last-Event-ID} when it
 *     reconnects; no line breaks or NUL (the browser would ignore it)
 * @param type the {@code event:} field, the name {@code addEventListener} listens for; no line
 *     breaks. {@code null} means the browser's default, {@code message}
 * @param retry the client's reconnection delay from now on, in whole milliseconds
 * @param data the payload; {@code null} sends no {@code data:} line, so the browser dispatches no
 *     event (useful to set only {@code id} or {@code retry})
 */
public record ServerSentEvent(String id, String type, Duration retry, String data) {

  public ServerSentEvent {
    if (id == null && type == null && retry == null && data == null) {
      throw new IllegalArgumentException(
          "A server-sent event needs at least one of id, type, retry, data");
    }
    rejectIn("id", id, "\r\n\0");
    rejectIn("type", type, "\r\n");
    if (retry != null && retry.isNegative()) {
      throw new IllegalArgumentException("Event retry must not be negative but was " + retry);
    }
  }

  /** An event of the default type {@code message} carrying {@code data}. */
  public static ServerSentEvent data(String data) {
    return new ServerSentEvent(null, null, null, data);
  }

  public ServerSentEvent withId(String newId) {
    return new ServerSentEvent(newId, type, retry, data);
  }

  public ServerSentEvent withType(String newType) {
    return new ServerSentEvent(id, newType, retry, data);
  }

  public ServerSentEvent withRetry(Duration newRetry) {
    return new ServerSentEvent(id, type, newRetry, data);
  }

  /** The event as it travels: fields, one {@code data:} line per line of data, a blank line. */
  byte[] encode() {
    StringBuilder text = new StringBuilder(data == null ? 32 : data.length() + 32);
    if (id != null) {
      text.append("id: ").append(id).append('\n');
    }
    if (type != null) {
      text.append("event: ").append(type).append('\n');
    }
    if (retry != null) {
      text.append("retry: ").append(retry.toMillis()).append('\n');
    }
    if (data != null) {
      appendData(text);
    }
    return text.append('\n').toString().getBytes(StandardCharsets.UTF_8);
  }

  private void appendData(StringBuilder text) {
    int start = 0;
    for (int i = 0; i < data.length(); i++) {
      char c = data.charAt(i);
      if (c == '\n' || c == '\r') {
        text.append("data: ").append(data, start, i).append('\n');
        if (c == '\r' && i + 1 < data.length() && data.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    text.append("data: ").append(data, start, data.length()).append('\n');
  }

  private static void rejectIn(String field, String value, String forbidden) {
    if (value == null) {
      return;
    }
    for (int i = 0; i < value.length(); i++) {
      if (forbidden.indexOf(value.charAt(i)) >= 0) {
        throw new IllegalArgumentException(
            "Event "
                + field
                + " must not contain "
                + (forbidden.indexOf('\0') >= 0 ? "CR, LF or NUL" : "CR or LF")
                + " but has U+"
                + String.format("%04X", (int) value.charAt(i))
                + " at index "
                + i);
      }
    }
  }
}
