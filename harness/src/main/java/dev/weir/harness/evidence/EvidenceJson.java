package dev.weir.harness.evidence;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.weir.harness.check.ReconnectRetry;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Evidence as JSON, fields in a fixed order, integers only (times in ns, counts), so the text is
 * the same on every JDK. Snake_case field names, as in the trace file and the verdicts. Points are
 * {@code [at_ns, value]} pairs, to keep long timelines short. {@link #read} reads it back.
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

  /**
   * The evidence {@code json} holds, as {@link #write} wrote it.
   *
   * @throws IllegalArgumentException when a field is missing or holds no such value
   */
  static Evidence read(JsonNode json) {
    return new Evidence(histogram(json.required("latency")), timeline(json.required("throughput")),
        timeline(json.required("occupancy")), retries(json.required("retries")));
  }

  private static Histogram histogram(JsonNode json) {
    List<Histogram.Bin> bins = new ArrayList<>();
    json.required("bins").forEach(bin -> bins.add(new Histogram.Bin(bin.required("low_ns").asLong(),
        bin.required("high_ns").asLong(), bin.required("count").asLong())));
    return new Histogram(json.required("name").asText(), json.required("count").asLong(),
        json.required("negative").asLong(), bins, json.required("p50_ns").asLong(),
        json.required("p90_ns").asLong(), json.required("p99_ns").asLong(),
        json.required("max_ns").asLong());
  }

  private static Timeline timeline(JsonNode json) {
    List<Timeline.Series> series = new ArrayList<>();
    json.required("series").forEach(line -> {
      List<Timeline.Point> points = new ArrayList<>();
      line.required("points").forEach(point ->
          points.add(new Timeline.Point(point.required(0).asLong(), point.required(1).asLong())));
      series.add(new Timeline.Series(line.required("name").asText(), line.required("unit").asText(),
          points));
    });
    List<Timeline.Level> levels = new ArrayList<>();
    json.required("levels").forEach(level -> levels.add(
        new Timeline.Level(level.required("name").asText(), level.required("value").asLong())));
    return new Timeline(json.required("name").asText(), json.required("bucket_ns").asLong(), series,
        levels, json.required("omitted_series").asLong());
  }

  private static Retries retries(JsonNode json) {
    List<ReconnectRetry> judged = new ArrayList<>();
    json.required("judged").forEach(retry -> judged.add(new ReconnectRetry(
        retry.required("stream").asText(), retry.required("index").asLong(),
        retry.required("wall_ns").asLong(), retry.required("attempt").asInt(),
        retry.required("delay_ns").asLong(), retry.required("low_ns").asLong(),
        retry.required("high_ns").asLong(), retry.required("earliest_ns").asLong(),
        retry.required("latest_ns").asLong(), retry.required("within").asBoolean())));
    return new Retries(judged, json.required("omitted").asLong());
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
