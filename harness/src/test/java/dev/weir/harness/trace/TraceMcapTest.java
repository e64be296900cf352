package dev.weir.harness.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.networknt.schema.InputFormat;
import com.networknt.schema.OutputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.weir.simulator.inspect.ChannelStats;
import dev.weir.simulator.inspect.RecordingStats;
import dev.weir.simulator.mcap.Channel;
import dev.weir.simulator.mcap.McapRecord;
import dev.weir.simulator.mcap.McapStreamReader;
import dev.weir.simulator.mcap.Message;
import dev.weir.simulator.mcap.Metadata;
import dev.weir.simulator.mcap.ReadOptions;
import dev.weir.simulator.mcap.Schema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Traces as MCAP: every field survives, the bytes repeat, and MCAP tools read the file. */
class TraceMcapTest {

  private static final JsonFactory JSON = new JsonFactory();

  @TempDir Path dir;

  /** What a streamed read of a trace file yields. */
  private record TraceFile(
      List<Metadata> metadata,
      Map<Integer, Schema> schemas,
      Map<Integer, Channel> channels,
      List<Message> messages) {

    static TraceFile read(Path file) throws IOException {
      TraceFile f =
          new TraceFile(
              new ArrayList<>(), new LinkedHashMap<>(), new LinkedHashMap<>(), new ArrayList<>());
      try (McapStreamReader reader = McapStreamReader.open(file, ReadOptions.strict())) {
        for (McapRecord r = reader.next(); r != null; r = reader.next()) {
          if (r instanceof Metadata m) {
            f.metadata.add(m);
          } else if (r instanceof Schema s) {
            f.schemas.putIfAbsent(s.id(), s);
          } else if (r instanceof Channel c) {
            f.channels.putIfAbsent(c.id(), c);
          } else if (r instanceof Message m) {
            f.messages.add(m);
          }
        }
      }
      return f;
    }

    Channel channel(Message m) {
      return channels.get(m.channelId());
    }
  }

  @Test
  void everyFieldOfEveryEventSurvivesTheRoundTrip() throws IOException {
    // Enough events for several zstd chunks, plus every kind and a name JSON must escape.
    Trace trace = SampleTraces.everyKind();
    int odd = trace.stream("wëird \"name\"\\\n");
    for (int i = 1; i < 40_000; i++) {
      trace.send(odd, i, i, 10L * i);
    }
    TraceSnapshot snapshot = trace.snapshot();
    Path file = dir.resolve("trace.mcap");
    trace.writeMcap(file);

    TraceFile read = TraceFile.read(file);
    assertEquals(snapshot.size(), read.messages.size());
    Map<Integer, Long> nextSequence = new HashMap<>();
    TraceCursor event = snapshot.cursor();
    for (Message m : read.messages) {
      event.next();
      Channel channel = read.channel(m);
      assertEquals("/trace/" + event.kind().label(), channel.topic());
      assertEquals(nextSequence.merge(m.channelId(), 1L, Long::sum) - 1, m.sequence());
      assertEquals(event.wallNs(), m.logTime());
      assertEquals(event.wallNs(), m.publishTime());
      assertEquals(event.toEvent(), decode(m, channel));
    }
  }

  /** Rebuilds the event from its message alone (kind from the topic for sends and deliveries). */
  private static TraceEvent decode(Message m, Channel channel) throws IOException {
    Map<String, Object> f = parse(m.data());
    String label = channel.topic().substring("/trace/".length());
    EventKind kind = kindOf(f.containsKey("kind") ? (String) f.get("kind") : label);
    assertEquals(kind.label(), label);
    boolean lifecycle = kind.isLifecycle();
    long wall = (Long) f.get("wall_ns");
    return new TraceEvent(
        (Long) f.get("index"),
        kind,
        (String) f.get("stream"),
        (Long) f.getOrDefault("sequence", (long) TraceEvent.ABSENT),
        lifecycle ? TraceEvent.ABSENT : Math.toIntExact((Long) f.get("size")),
        wall,
        (Long) f.getOrDefault("virtual_ns", (long) TraceEvent.ABSENT),
        (Long) f.getOrDefault("arrival_ns", wall),
        lifecycle ? (String) f.get("detail") : "");
  }

  private static EventKind kindOf(String label) {
    for (EventKind kind : EventKind.values()) {
      if (kind.label().equals(label)) {
        return kind;
      }
    }
    throw new AssertionError("no kind labelled " + label);
  }

  /** A flat JSON object of strings and integers, keys in file order; duplicates refused. */
  private static Map<String, Object> parse(byte[] json) throws IOException {
    Map<String, Object> fields = new LinkedHashMap<>();
    try (JsonParser p = JSON.createParser(json)) {
      assertEquals(JsonToken.START_OBJECT, p.nextToken());
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        Object v = value == JsonToken.VALUE_STRING ? p.getText() : (Object) p.getLongValue();
        assertEquals(null, fields.put(name, v), () -> "duplicate field " + name);
      }
      assertEquals(null, p.nextToken());
    }
    return fields;
  }

  @Test
  void theFileDeclaresItsFormatStreamsSchemasAndOneChannelPerKind() throws IOException {
    Path file = dir.resolve("trace.mcap");
    SampleTraces.everyKind().writeMcap(file);
    TraceFile read = TraceFile.read(file);

    assertEquals(1, read.metadata.size());
    assertEquals("weir", read.metadata.get(0).name());
    assertEquals(
        List.of("format", "streams", "events"),
        List.copyOf(read.metadata.get(0).metadata().keySet()));
    assertEquals(
        Map.of(
            "format",
            "weir.trace.v1",
            "streams",
            "[\"accel\",\"wëird \\\"name\\\"\\\\\\n\"]",
            "events",
            "10"),
        read.metadata.get(0).metadata());
    List<String> schemaNames = read.schemas.values().stream().map(Schema::name).toList();
    assertEquals(
        List.of("weir.trace.Send", "weir.trace.Delivery", "weir.trace.Lifecycle"), schemaNames);
    for (Schema schema : read.schemas.values()) {
      assertEquals("jsonschema", schema.encoding());
    }
    List<String> topics = new ArrayList<>();
    for (Channel c : read.channels.values()) {
      topics.add(c.topic());
      assertEquals("json", c.messageEncoding());
      assertEquals(Map.of("kind", c.topic().substring("/trace/".length())), c.metadata());
      String schema = read.schemas.get(c.schemaId()).name();
      assertEquals(
          c.topic().equals("/trace/send")
              ? "weir.trace.Send"
              : c.topic().equals("/trace/delivery")
                  ? "weir.trace.Delivery"
                  : "weir.trace.Lifecycle",
          schema);
    }
    assertEquals(
        List.of(
            "/trace/send",
            "/trace/delivery",
            "/trace/open",
            "/trace/close",
            "/trace/end",
            "/trace/connect-attempt",
            "/trace/refusal",
            "/trace/drop",
            "/trace/fault"),
        topics);
  }

  @Test
  void everyMessageValidatesAgainstItsChannelsSchema() throws IOException {
    Path file = dir.resolve("trace.mcap");
    SampleTraces.everyKind().writeMcap(file);
    TraceFile read = TraceFile.read(file);
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    for (Message m : read.messages) {
      Schema schema = read.schemas.get(read.channel(m).schemaId());
      String json = new String(m.data(), StandardCharsets.UTF_8);
      assertEquals(
          List.of(),
          registry
              .getSchema(new String(schema.data(), StandardCharsets.UTF_8))
              .validate(json, InputFormat.JSON, OutputFormat.DEFAULT),
          json);
    }
  }

  @Test
  void identicalTracesGiveIdenticalBytes() throws IOException {
    Path first = dir.resolve("first.mcap");
    Path second = dir.resolve("second.mcap");
    Path other = dir.resolve("other.mcap");
    SampleTraces.many(50_000).writeMcap(first);
    SampleTraces.many(50_000).writeMcap(second);
    Trace different = SampleTraces.many(50_000);
    different.lifecycle(EventKind.CLOSE, 0, "");
    different.writeMcap(other);
    assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
    assertNotEquals(-1L, Files.mismatch(first, other));
  }

  @Test
  void weirInspectReadsTheFile() throws IOException {
    Path file = dir.resolve("trace.mcap");
    Trace trace = SampleTraces.many(30_000);
    trace.writeMcap(file);
    TraceSnapshot snapshot = trace.snapshot();
    RecordingStats stats;
    try (McapStreamReader reader =
        McapStreamReader.open(file, ReadOptions.strict().withIncludeChunkRecords(true))) {
      stats = RecordingStats.scan(reader, position -> {});
    }
    assertEquals(30_000, stats.messages());
    assertEquals("weir", stats.library());
    assertEquals(List.of("zstd"), List.copyOf(stats.compressions()));
    assertEquals(EventKind.values().length, stats.channels().size());
    for (ChannelStats channel : stats.channels()) {
      EventKind kind = kindOf(channel.topic().substring("/trace/".length()));
      assertEquals(snapshot.count(kind), channel.messages(), channel.topic());
    }
  }
}
