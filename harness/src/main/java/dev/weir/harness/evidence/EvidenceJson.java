package dev.weir.harness.evidence;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.weir.harness.check.ReconnectRetry;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Evidence as JSON, fields in a fixed order, integers only (times in ns, counts), so the text is
 * the same on every JDK. Snake_case field names, as in the trace file and the verdicts. Points are
 * {@code [at_ns, value]} pairs, to keep long timelines short.
 */
final class EvidenceJson {

  private static final JsonFactory FACTORY = new JsonFactory();

  private EvidenceJson() {}

  static String toJson(Evidence evidence) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      write(evidence, json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  static void write(Evidence evidence, JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeFieldName("latency");
    histogram(evidence.latency(), json);
    json.writeFieldName("throughput");
    timeline(evidence.throughput(), json);
    json.writeFieldName("occupancy");
    timeline(evidence.occupancy(), json);
    json.writeFieldName("retries");
    retries(evidence.retries(), json);
    json.writeEndObject();
  }

  private static void histogram(Histogram histogram, JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeStringField("name", histogram.name());
    json.writeStringField("unit", "ns");
    json.writeNumberField("count", histogram.count());
    json.writeNumberField("negative", histogram.negative());
    json.writeNumberField("p50_ns", histogram.p50Ns());
    json.writeNumberField("p90_ns", histogram.p90Ns());
    json.writeNumberField("p99_ns", histogram.p99Ns());
    json.writeNumberField("max_ns", histogram.maxNs());
    json.writeArrayFieldStart("bins");
    for (Histogram.Bin bin : histogram.bins()) {
      json.writeStartObject();
      json.writeNumberField("low_ns", bin.lowNs());
      json.writeNumberField("high_ns", bin.highNs());
      json.writeNumberField("count", bin.count());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void timeline(Timeline timeline, JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeStringField("name", timeline.name());
    json.writeNumberField("bucket_ns", timeline.bucketNs());
    json.writeArrayFieldStart("series");
    for (Timeline.Series series : timeline.series()) {
      json.writeStartObject();
      json.writeStringField("name", series.name());
      json.writeStringField("unit", series.unit());
      json.writeArrayFieldStart("points");
      for (Timeline.Point point : series.points()) {
        json.writeStartArray();
        json.writeNumber(point.atNs());
        json.writeNumber(point.value());
        json.writeEndArray();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("levels");
    for (Timeline.Level level : timeline.levels()) {
      json.writeStartObject();
      json.writeStringField("name", level.name());
      json.writeNumberField("value", level.value());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeNumberField("omitted_series", timeline.omittedSeries());
    json.writeEndObject();
  }

  private static void retries(Retries retries, JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeArrayFieldStart("judged");
    for (ReconnectRetry retry : retries.retries()) {
      json.writeStartObject();
      json.writeStringField("stream", retry.stream());
      json.writeNumberField("index", retry.index());
      json.writeNumberField("wall_ns", retry.wallNs());
      json.writeNumberField("attempt", retry.attempt());
      json.writeNumberField("delay_ns", retry.delayNs());
      json.writeNumberField("low_ns", retry.lowNs());
      json.writeNumberField("high_ns", retry.highNs());
      json.writeNumberField("earliest_ns", retry.earliestNs());
      json.writeNumberField("latest_ns", retry.latestNs());
      json.writeBooleanField("within", retry.within());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeNumberField("omitted", retries.omitted());
    json.writeEndObject();
  }
}
