package dev.weir.harness.check;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.weir.harness.trace.TraceEvent;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * A verdict as JSON, fields in a fixed order. Events keep the layout of the trace's MCAP messages
 * ({@code docs/trace-format.md}) with their kind added second. Fractions are written with six
 * decimals at most, so the text does not depend on the JDK's double formatting.
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
      case OPEN, CLOSE, END, CONNECT_ATTEMPT, REFUSAL, DROP, FAULT -> {
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
    }
    json.writeEndObject();
  }

  /** {@code 0.333333}, {@code 0.5}, {@code 1}: plain decimal text, never an exponent. */
  private static String fraction(double value) {
    return BigDecimal.valueOf(value)
        .setScale(FRACTION_DIGITS, RoundingMode.HALF_EVEN)
        .stripTrailingZeros()
        .toPlainString();
  }
}
