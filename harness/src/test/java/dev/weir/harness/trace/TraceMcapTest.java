package dev.weir.harness.trace;

import static java.util.Map.entry;
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
    for (EventKind kind : EventKind.values()) {
      assertNotEquals(0, snapshot.count(kind), kind.label());
    }
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

  /**
   * Rebuilds the event from its message alone: the kind from the topic (and the lifecycle kinds'
   * {@code kind} field), each field by its name in the file, absent when the message has none.
   */
  private static TraceEvent decode(Message m, Channel channel) throws IOException {
    Map<String, Object> f = parse(m.data());
    String label = channel.topic().substring("/trace/".length());
    EventKind kind = kindOf(f.containsKey("kind") ? (String) f.get("kind") : label);
    assertEquals(kind.label(), label);
    long wall = (Long) f.get("wall_ns");
    // Java's time is the wall time, except where the page's is (then kept as arrival, or not).
    long arrival =
        switch (kind) {
          case BUFFER, BUFFER_ITEM, RECONNECT, LAG -> TraceEvent.ABSENT;
          default -> (Long) f.getOrDefault("arrival_ns", wall);
        };
    String detail = "";
    for (String name : List.of("detail", "decision", "metric")) {
      detail = (String) f.getOrDefault(name, detail);
    }
    return new TraceEvent(
        (Long) f.get("index"),
        kind,
        (String) f.get("stream"),
        number(f, "sequence"),
        Math.toIntExact(number(f, "size")),
        wall,
        number(f, "virtual_ns"),
        arrival,
        detail,
        number(f, "pushed"),
        number(f, "evictions"),
        Math.toIntExact(number(f, "held")),
        Math.toIntExact(number(f, "position")),
        number(f, "attempt"),
        number(f, "delay_us"),
        kind.valueField() == null ? TraceEvent.ABSENT : number(f, kind.valueField()));
  }

  private static long number(Map<String, Object> fields, String name) {
    return (Long) fields.getOrDefault(name, (long) TraceEvent.ABSENT);
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
            "weir.trace.v3",
            "streams",
            "[\"accel\",\"wëird \\\"name\\\"\\\\\\n\",\"ring\"]",
            "events",
            "22"),
        read.metadata.get(0).metadata());
    List<String> schemaNames = read.schemas.values().stream().map(Schema::name).toList();
    assertEquals(
        List.of(
            "weir.trace.Send",
            "weir.trace.Delivery",
            "weir.trace.Lifecycle",
            "weir.trace.Consume",
            "weir.trace.Buffer",
            "weir.trace.BufferItem",
            "weir.trace.Reconnect",
            "weir.trace.Gauge",
            "weir.trace.Clock",
            "weir.trace.Lag"),
        schemaNames);
    Map<String, String> schemaOf = new HashMap<>();
    for (String lifecycle :
        List.of("open", "close", "end", "connect-attempt", "refusal", "drop", "fault")) {
      schemaOf.put("/trace/" + lifecycle, "weir.trace.Lifecycle");
    }
    schemaOf.put("/trace/send", "weir.trace.Send");
    schemaOf.put("/trace/delivery", "weir.trace.Delivery");
    schemaOf.put("/trace/consume", "weir.trace.Consume");
    schemaOf.put("/trace/buffer", "weir.trace.Buffer");
    schemaOf.put("/trace/buffer-item", "weir.trace.BufferItem");
    schemaOf.put("/trace/reconnect", "weir.trace.Reconnect");
    schemaOf.put("/trace/gauge", "weir.trace.Gauge");
    schemaOf.put("/trace/clock", "weir.trace.Clock");
    schemaOf.put("/trace/lag", "weir.trace.Lag");
    schemaOf.put("/trace/loss-heard", "weir.trace.Lifecycle");
    for (Schema schema : read.schemas.values()) {
      assertEquals("jsonschema", schema.encoding());
    }
    List<String> topics = new ArrayList<>();
    for (Channel c : read.channels.values()) {
      topics.add(c.topic());
      assertEquals("json", c.messageEncoding());
      assertEquals(Map.of("kind", c.topic().substring("/trace/".length())), c.metadata());
      assertEquals(schemaOf.get(c.topic()), read.schemas.get(c.schemaId()).name(), c.topic());
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
            "/trace/fault",
            "/trace/consume",
            "/trace/buffer",
            "/trace/buffer-item",
            "/trace/reconnect",
            "/trace/gauge",
            "/trace/clock",
            "/trace/lag",
            "/trace/loss-heard"),
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
      com.networknt.schema.Schema validator =
          registry.getSchema(new String(schema.data(), StandardCharsets.UTF_8));
      String json = new String(m.data(), StandardCharsets.UTF_8);
      assertEquals(
          List.of(), validator.validate(json, InputFormat.JSON, OutputFormat.DEFAULT), json);
      // The schemas are strict: a field no kind has is refused.
      String extra = json.replaceFirst("\\{", "{\"extra\":0,");
      assertNotEquals(
          List.of(), validator.validate(extra, InputFormat.JSON, OutputFormat.DEFAULT), extra);
      if (json.contains("\"decision\":\"retry\"")) {
        String unknown = json.replace("\"retry\"", "\"wait\"");
        assertNotEquals(
            List.of(),
            validator.validate(unknown, InputFormat.JSON, OutputFormat.DEFAULT),
            unknown);
      }
    }
  }

  @Test
  void eachKindsMessageHasItsFieldsInTheDocumentedOrder() throws IOException {
    Path file = dir.resolve("trace.mcap");
    SampleTraces.everyKind().writeMcap(file);
    List<String> messages = new ArrayList<>();
    for (Message m : TraceFile.read(file).messages) {
      messages.add(new String(m.data(), StandardCharsets.UTF_8));
    }
    // One message of each shape, written with ' for " to be readable.
    Map<Integer, String> expected =
        Map.ofEntries(
            entry(
                0,
                "{'index':0,'stream':'accel','kind':'connect-attempt','detail':'token ok',"
                    + "'wall_ns':1000,'arrival_ns':1000}"),
            entry(
                2,
                "{'index':2,'stream':'accel','sequence':0,'size':16,'virtual_ns':0,"
                    + "'wall_ns':3000}"),
            entry(
                4,
                "{'index':4,'stream':'accel','kind':'fault','sequence':0,'detail':'reorder',"
                    + "'wall_ns':5000}"),
            entry(
                6,
                "{'index':6,'stream':'accel','sequence':0,'size':16,'wall_ns':2500,"
                    + "'arrival_ns':7000}"),
            entry(
                10, "{'index':10,'stream':'accel','sequence':0,'wall_ns':2800,'arrival_ns':11000}"),
            entry(
                11,
                "{'index':11,'stream':'ring','pushed':5,'evictions':2,'held':3,'wall_ns':9500}"),
            entry(12, "{'index':12,'stream':'ring','position':0,'sequence':2,'wall_ns':9500}"),
            entry(14, "{'index':14,'stream':'ring','position':2,'sequence':4,'wall_ns':9500}"),
            entry(
                15,
                "{'index':15,'stream':'accel','decision':'retry','attempt':2,'delay_us':250000,"
                    + "'wall_ns':12500}"),
            entry(
                16,
                "{'index':16,'stream':'accel','metric':'js-heap-bytes','value':52428800,"
                    + "'wall_ns':14000}"),
            entry(
                17, "{'index':17,'stream':'ring','metric':'skew-ns','value':-1,'wall_ns':15000}"),
            entry(18, "{'index':18,'stream':'ring','bound_ns':450000,'wall_ns':16000}"),
            entry(19, "{'index':19,'stream':'ring','lag_ns':12000000,'wall_ns':14000}"),
            entry(
                20,
                "{'index':20,'stream':'accel','kind':'close','detail':'frontend','wall_ns':16500,"
                    + "'arrival_ns':18000}"));
    expected.forEach(
        (index, json) -> assertEquals(json.replace('\'', '"'), messages.get(index), "" + index));
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
