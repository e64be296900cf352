package dev.weir.harness.trace;

import dev.weir.simulator.mcap.McapWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * Writes a trace as an MCAP file that Foxglove, the {@code mcap} CLI and {@code weir inspect} open:
 * one channel per {@link EventKind} on topic {@code /trace/<kind>}, JSON messages with a JSON
 * Schema, log time = the event's wall time, messages in append order. The same events give the same
 * bytes. The file appears at its path only when complete (written beside it, then renamed), so a
 * failure never leaves a truncated trace. Layout: {@code docs/trace-format.md}.
 */
public final class TraceWriter {

  private static final long UINT32_MASK = 0xFFFF_FFFFL;

  private TraceWriter() {}

  /** Writes {@code trace} to {@code target}, replacing any file there. */
  public static void write(TraceSnapshot trace, Path target) throws IOException {
    McapWriter mcap = McapWriter.create(target, McapWriter.Options.defaults());
    try {
      mcap.addMetadata(TraceLayout.METADATA, TraceLayout.metadata(trace));
      writeEvents(trace, mcap, addChannels(mcap));
      mcap.close();
    } catch (IOException | RuntimeException e) {
      mcap.abort();
      throw e;
    }
  }

  /** Every kind gets its channel, events or not, so every trace file has the same layout. */
  private static int[] addChannels(McapWriter mcap) throws IOException {
    Map<TraceLayout.Shape, Integer> schemas = new EnumMap<>(TraceLayout.Shape.class);
    for (TraceLayout.Shape shape : TraceLayout.Shape.values()) {
      schemas.put(
          shape, mcap.addSchema(shape.schemaName, TraceLayout.SCHEMA_ENCODING, shape.schema()));
    }
    EventKind[] kinds = EventKind.values();
    int[] channels = new int[kinds.length];
    for (EventKind kind : kinds) {
      channels[kind.ordinal()] =
          mcap.addChannel(
              schemas.get(TraceLayout.Shape.of(kind)),
              TraceLayout.topic(kind),
              TraceLayout.MESSAGE_ENCODING,
              TraceLayout.channelMetadata(kind));
    }
    return channels;
  }

  private static void writeEvents(TraceSnapshot trace, McapWriter mcap, int[] channels)
      throws IOException {
    TraceJson json = new TraceJson();
    long[] sequences = new long[channels.length];
    TraceCursor event = trace.cursor();
    while (event.next()) {
      int kind = event.kind().ordinal();
      int length = json.encode(event);
      // MCAP sequences are uint32 and may wrap; the event's own index is in the message.
      mcap.addMessage(
          channels[kind],
          sequences[kind]++ & UINT32_MASK,
          event.wallNs(),
          event.wallNs(),
          json.buffer(),
          0,
          length);
    }
  }
}
