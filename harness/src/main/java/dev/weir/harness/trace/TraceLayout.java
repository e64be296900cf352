package dev.weir.harness.trace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The names a trace has in an MCAP file: metadata, topics, schemas. One place, for docs too. */
final class TraceLayout {

  static final String METADATA = "weir";

  /**
   * v2: the probe's kinds (consume, buffer, buffer-item, reconnect, gauge) and their channels; v3:
   * the page clock's bound (clock) and the page's event-loop lag (lag).
   */
  static final String FORMAT = "weir.trace.v3";

  static final String TOPIC_PREFIX = "/trace/";
  static final String MESSAGE_ENCODING = "json";
  static final String SCHEMA_ENCODING = "jsonschema";

  private TraceLayout() {}

  /**
   * The message shapes, each with its JSON Schema: one per kind, but the lifecycle kinds share one.
   * The declaration order is the order of the schema records in the file.
   */
  enum Shape {
    SEND("weir.trace.Send", "send.schema.json"),
    DELIVERY("weir.trace.Delivery", "delivery.schema.json"),
    LIFECYCLE("weir.trace.Lifecycle", "lifecycle.schema.json"),
    CONSUME("weir.trace.Consume", "consume.schema.json"),
    BUFFER("weir.trace.Buffer", "buffer.schema.json"),
    BUFFER_ITEM("weir.trace.BufferItem", "buffer-item.schema.json"),
    RECONNECT("weir.trace.Reconnect", "reconnect.schema.json"),
    GAUGE("weir.trace.Gauge", "gauge.schema.json"),
    CLOCK("weir.trace.Clock", "clock.schema.json"),
    LAG("weir.trace.Lag", "lag.schema.json");

    final String schemaName;
    private final String resource;

    Shape(String schemaName, String resource) {
      this.schemaName = schemaName;
      this.resource = resource;
    }

    static Shape of(EventKind kind) {
      return switch (kind) {
        case SEND -> SEND;
        case DELIVERY -> DELIVERY;
        case OPEN, CLOSE, END, CONNECT_ATTEMPT, REFUSAL, DROP, FAULT, LOSS_HEARD -> LIFECYCLE;
        case CONSUME -> CONSUME;
        case BUFFER -> BUFFER;
        case BUFFER_ITEM -> BUFFER_ITEM;
        case RECONNECT -> RECONNECT;
        case GAUGE -> GAUGE;
        case CLOCK -> CLOCK;
        case LAG -> LAG;
      };
    }

    byte[] schema() {
      try (InputStream in = TraceLayout.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException(
              "schema resource " + resource + " is missing from the jar");
        }
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read schema resource " + resource, e);
      }
    }
  }

  static String topic(EventKind kind) {
    return TOPIC_PREFIX + kind.label();
  }

  static Map<String, String> channelMetadata(EventKind kind) {
    return Map.of("kind", kind.label());
  }

  static Map<String, String> metadata(TraceSnapshot trace) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("format", FORMAT);
    m.put("streams", TraceJson.stringArray(trace.streams()));
    m.put("events", Long.toString(trace.size()));
    return m;
  }
}
