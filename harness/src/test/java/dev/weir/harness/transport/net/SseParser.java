package dev.weir.harness.transport.net;

import java.util.ArrayList;
import java.util.List;

/**
 * The event-stream interpretation of the HTML standard (9.2.6), fed one line at a time: what a
 * browser's EventSource would dispatch, so tests check framing without a browser.
 */
final class SseParser {

  /** A dispatched event; {@code lastEventId} is the id in force when it was dispatched. */
  record Event(String type, String data, String lastEventId) {}

  private final List<Event> events = new ArrayList<>();
  private final StringBuilder data = new StringBuilder();
  private String type = "";
  private String idBuffer = "";
  private String lastEventId = "";
  private long retry = -1;
  private int comments;

  synchronized void line(String line) {
    if (line.isEmpty()) {
      dispatch();
    } else if (line.startsWith(":")) {
      comments++;
    } else {
      int colon = line.indexOf(':');
      String field = colon < 0 ? line : line.substring(0, colon);
      String value = colon < 0 ? "" : line.substring(colon + 1);
      field(field, value.startsWith(" ") ? value.substring(1) : value);
    }
  }

  private void field(String field, String value) {
    switch (field) {
      case "event" -> type = value;
      case "data" -> data.append(value).append('\n');
      case "id" -> {
        if (value.indexOf('\0') < 0) {
          idBuffer = value;
        }
      }
      case "retry" -> {
        if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
          retry = Long.parseLong(value);
        }
      }
      default -> {}
    }
  }

  private void dispatch() {
    lastEventId = idBuffer;
    if (data.length() == 0) {
      type = "";
      return;
    }
    data.setLength(data.length() - 1);
    events.add(new Event(type.isEmpty() ? "message" : type, data.toString(), lastEventId));
    data.setLength(0);
    type = "";
  }

  synchronized List<Event> events() {
    return List.copyOf(events);
  }

  synchronized String lastEventId() {
    return lastEventId;
  }

  synchronized long retry() {
    return retry;
  }

  synchronized int comments() {
    return comments;
  }
}
