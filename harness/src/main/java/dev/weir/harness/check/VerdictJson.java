package dev.weir.harness.check;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.weir.harness.trace.EventKind;
import dev.weir.harness.trace.TraceEvent;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A verdict as JSON, fields in a fixed order. Events keep the layout of the trace's MCAP messages
 * ({@code docs/trace-format.md}) with their kind added second. Fractions are written with six
 * decimals at most, so the text does not depend on the JDK's double formatting.
 *
 * <p>{@link #read} reads the form back, for tools that turn a report's JSON into its page again.
 *
 * <p>The trace's own writer encodes a cursor's event into bytes, inside the trace package; this
 * one writes {@link TraceEvent} values into a Jackson document, so the per-kind layout is spelled
 * out here too: keep the two in step.
 */
final class VerdictJson {

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final int FRACTION_DIGITS = 6;

  private VerdictJson() {}

  static String toJson(Verdict verdict) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      write(verdict, json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  static void write(Verdict verdict, JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeStringField("checker", verdict.checker());
    json.writeStringField("status", verdict.status().label());
    json.writeStringField("summary", verdict.summary());
    json.writeObjectFieldStart("counts");
    for (Map.Entry<String, Long> count : verdict.counts().entrySet()) {
      json.writeNumberField(count.getKey(), count.getValue());
    }
    json.writeEndObject();
    json.writeObjectFieldStart("fractions");
    for (Map.Entry<String, Double> fraction : verdict.fractions().entrySet()) {
      json.writeFieldName(fraction.getKey());
      if (Double.isFinite(fraction.getValue())) {
        json.writeNumber(fraction(fraction.getValue()));
      } else {
        json.writeNull(); // JSON has no NaN: a ratio over nothing
      }
    }
    json.writeEndObject();
    json.writeFieldName("first_violation");
    if (verdict.firstViolation().isPresent()) {
      violation(verdict.firstViolation().get(), json);
    } else {
      json.writeNull();
    }
    json.writeEndObject();
  }

  private static void violation(Violation violation, JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeStringField("defect", violation.defect());
    json.writeStringField("expected", violation.expected());
    json.writeStringField("actual", violation.actual());
    json.writeFieldName("event");
    event(violation.event(), json);
    events("before", violation.before(), json);
    events("after", violation.after(), json);
    json.writeEndObject();
  }

  private static void events(String name, List<TraceEvent> events, JsonGenerator json)
      throws IOException {
    json.writeArrayFieldStart(name);
    for (TraceEvent event : events) {
      event(event, json);
    }
    json.writeEndArray();
  }

  /**
   * One event in its MCAP message's layout ({@code docs/trace-format.md}), {@code kind} second:
   * each kind writes only its own fields, as the trace file does.
   */
  private static void event(TraceEvent event, JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeNumberField("index", event.index());
    json.writeStringField("kind", event.kind().label());
    json.writeStringField("stream", event.stream());
    switch (event.kind()) {
      case SEND -> {
        json.writeNumberField("sequence", event.sequence());
        json.writeNumberField("size", event.sizeBytes());
        json.writeNumberField("virtual_ns", event.virtualNs());
        json.writeNumberField("wall_ns", event.wallNs());
      }
      case DELIVERY -> {
        json.writeNumberField("sequence", event.sequence());
        json.writeNumberField("size", event.sizeBytes());
        json.writeNumberField("wall_ns", event.wallNs());
        json.writeNumberField("arrival_ns", event.arrivalNs());
      }
      case OPEN, CLOSE, END, CONNECT_ATTEMPT, REFUSAL, DROP, FAULT, LOSS_HEARD -> {
        if (event.sequence() != TraceEvent.ABSENT) {
          json.writeNumberField("sequence", event.sequence());
        }
        json.writeStringField("detail", event.detail());
        json.writeNumberField("wall_ns", event.wallNs());
      }
      case CONSUME -> {
        json.writeNumberField("sequence", event.sequence());
        json.writeNumberField("wall_ns", event.wallNs());
        json.writeNumberField("arrival_ns", event.arrivalNs());
      }
      case BUFFER -> {
        json.writeNumberField("pushed", event.pushed());
        json.writeNumberField("evictions", event.evictions());
        json.writeNumberField("held", event.held());
        json.writeNumberField("wall_ns", event.wallNs());
      }
      case BUFFER_ITEM -> {
        json.writeNumberField("position", event.position());
        json.writeNumberField("sequence", event.sequence());
        json.writeNumberField("wall_ns", event.wallNs());
      }
      case RECONNECT -> {
        json.writeStringField("decision", event.decision());
        json.writeNumberField("attempt", event.attempt());
        json.writeNumberField("delay_us", event.delayMicros());
        json.writeNumberField("wall_ns", event.wallNs());
      }
      case GAUGE -> {
        json.writeStringField("metric", event.metric());
        json.writeNumberField("value", event.value());
        json.writeNumberField("wall_ns", event.wallNs());
      }
      case CLOCK, LAG -> {
        json.writeNumberField(event.kind().valueField(), event.value());
        json.writeNumberField("wall_ns", event.wallNs());
      }
    }
    json.writeEndObject();
  }

  /**
   * The verdict {@code json} holds, as {@link #write} wrote it: fractions as written (six decimals
   * at most; {@code null} reads as NaN), events with the fields their layout holds (the others
   * {@link TraceEvent#ABSENT}, or "" for a detail; an arrival time left out as {@link
   * #arrivalUnwritten} says).
   *
   * @throws IllegalArgumentException when a field is missing or holds no such value
   */
  static Verdict read(JsonNode json) {
    Map<String, Long> counts = new LinkedHashMap<>();
    json.required("counts").properties().forEach(c -> counts.put(c.getKey(), c.getValue().asLong()));
    Map<String, Double> fractions = new LinkedHashMap<>();
    json.required("fractions").properties().forEach(f ->
        fractions.put(f.getKey(), f.getValue().isNull() ? Double.NaN : f.getValue().asDouble()));
    JsonNode violation = json.required("first_violation");
    return new Verdict(json.required("checker").asText(),
        Status.ofLabel(json.required("status").asText()), counts, fractions,
        violation.isNull() ? null : violation(violation), json.required("summary").asText());
  }

  private static Violation violation(JsonNode json) {
    return new Violation(json.required("defect").asText(), json.required("expected").asText(),
        json.required("actual").asText(), event(json.required("event")),
        events(json.required("before")), events(json.required("after")));
  }

  private static List<TraceEvent> events(JsonNode json) {
    List<TraceEvent> events = new ArrayList<>();
    json.forEach(event -> events.add(event(event)));
    return events;
  }

  private static TraceEvent event(JsonNode json) {
    EventKind kind = EventKind.ofLabel(json.required("kind").asText());
    long wallNs = json.required("wall_ns").asLong();
    return new TraceEvent(json.required("index").asLong(), kind, json.required("stream").asText(),
        json.path("sequence").asLong(TraceEvent.ABSENT), json.path("size").asInt(TraceEvent.ABSENT),
        wallNs, json.path("virtual_ns").asLong(TraceEvent.ABSENT),
        json.path("arrival_ns").asLong(arrivalUnwritten(kind, wallNs)), detail(json),
        json.path("pushed").asLong(TraceEvent.ABSENT), json.path("evictions").asLong(TraceEvent.ABSENT),
        json.path("held").asInt(TraceEvent.ABSENT), json.path("position").asInt(TraceEvent.ABSENT),
        json.path("attempt").asLong(TraceEvent.ABSENT), json.path("delay_us").asLong(TraceEvent.ABSENT),
        kind.valueField() == null ? TraceEvent.ABSENT
            : json.path(kind.valueField()).asLong(TraceEvent.ABSENT));
  }

  /**
   * The arrival time of an event whose layout leaves it out: its own time for the kinds Java
   * records as they happen (for a connect attempt, whose request time the layout drops, that is
   * the page's time); none for the page's buffer and reconnect reports.
   */
  private static long arrivalUnwritten(EventKind kind, long wallNs) {
    return switch (kind) {
      case BUFFER, BUFFER_ITEM, RECONNECT, LAG -> TraceEvent.ABSENT;
      default -> wallNs;
    };
  }

  /** A lifecycle event's detail, a reconnect's decision or a gauge's metric: one field, by kind. */
  private static String detail(JsonNode json) {
    for (String field : List.of("detail", "decision", "metric")) {
      if (json.has(field)) {
        return json.get(field).asText();
      }
    }
    return "";
  }

  /** {@code 0.333333}, {@code 0.5}, {@code 1}: plain decimal text, never an exponent. */
  private static String fraction(double value) {
    return BigDecimal.valueOf(value)
        .setScale(FRACTION_DIGITS, RoundingMode.HALF_EVEN)
        .stripTrailingZeros()
        .toPlainString();
  }
}
