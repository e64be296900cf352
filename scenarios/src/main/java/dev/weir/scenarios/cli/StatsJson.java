package dev.weir.scenarios.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.weir.simulator.inspect.ChannelStats;
import dev.weir.simulator.inspect.RecordingStats;
import dev.weir.simulator.mcap.Metadata;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** {@code weir inspect --json}: the summary as one JSON object; times are integer nanoseconds. */
final class StatsJson {

  private StatsJson() {}

  static void write(Path file, RecordingStats stats, Writer out) throws IOException {
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("file", file.toString());
      g.writeNumberField("bytes", Files.size(file));
      g.writeStringField("profile", stats.profile());
      g.writeStringField("library", stats.library());
      g.writeNumberField("messages", stats.messages());
      g.writeNumberField("start_ns", stats.startNs());
      g.writeNumberField("end_ns", stats.endNs());
      g.writeNumberField("chunks", stats.chunks());
      g.writeArrayFieldStart("compressions");
      for (String c : stats.compressions()) {
        g.writeString(c);
      }
      g.writeEndArray();
      g.writeNumberField("attachments", stats.attachments());
      g.writeArrayFieldStart("channels");
      for (ChannelStats c : stats.channels()) {
        channel(g, c);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("metadata");
      for (Metadata m : stats.metadata()) {
        g.writeStartObject();
        g.writeStringField("name", m.name());
        map(g, "metadata", m.metadata());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.write('\n');
  }

  private static void channel(JsonGenerator g, ChannelStats c) throws IOException {
    g.writeStartObject();
    g.writeNumberField("id", c.id());
    g.writeStringField("topic", c.topic());
    g.writeStringField("message_encoding", c.messageEncoding());
    g.writeStringField("schema", c.schemaName());
    map(g, "metadata", c.metadata());
    g.writeNumberField("messages", c.messages());
    g.writeNumberField("first_ns", c.firstNs());
    g.writeNumberField("last_ns", c.lastNs());
    g.writeNumberField("rate_hz", c.rateHz());
    g.writeNumberField("period_ns", c.periodNs());
    g.writeNumberField("gaps", c.gaps());
    g.writeNumberField("largest_gap_ns", c.largestGapNs());
    g.writeNumberField("largest_gap_at_ns", c.largestGapAtNs());
    g.writeNumberField("backwards", c.backwards());
    g.writeEndObject();
  }

  private static void map(JsonGenerator g, String name, Map<String, String> m) throws IOException {
    g.writeObjectFieldStart(name);
    for (Map.Entry<String, String> e : m.entrySet()) {
      g.writeStringField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
  }
}
