package dev.weir.simulator.mcap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders records in the JSON layout of the MCAP conformance suite ({@code {"type": ..., "fields": [[name, value],
 * ...]}} with snake_case names sorted, integers as decimal strings, bytes as arrays of decimal strings), byte for byte
 * as its printer lays it out. Lets {@code weir inspect} output be diffed against other MCAP implementations.
 */
public final class ConformanceJson {
  private ConformanceJson() {}

  /** {@code {"records": [...]}} followed by a newline. */
  public static String render(List<McapRecord> records) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("records", records(records));
    return CompactJson.stringify(doc) + "\n";
  }

  /** The suite's full expected-output document, including {@code "meta": {"variant": {"features": [...]}}}. */
  public static String render(List<McapRecord> records, List<String> features) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("records", records(records));
    doc.put("meta", Map.of("variant", Map.of("features", List.copyOf(features))));
    return CompactJson.stringify(doc) + "\n";
  }

  /**
   * Streams what {@code reader} yields as {@link #render(List)} would lay it out, holding one record at a time, so a
   * file of any size can be printed.
   */
  public static void write(McapStreamReader reader, Appendable out) throws IOException {
    // The list goes on one line only when it fits beside `  "records": `; a few records decide that.
    int available = 80 - "  ".length() - "\"records\": ".length();
    List<Object> head = new ArrayList<>();
    int flatLength = 2;
    McapRecord r = reader.next();
    while (r != null && flatLength <= available) {
      Object record = record(r);
      head.add(record);
      flatLength += CompactJson.flat(record, true).length() + (head.size() > 1 ? 2 : 0);
      r = reader.next();
    }
    if (r == null && flatLength <= available) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("records", head);
      out.append(CompactJson.stringify(doc)).append('\n');
      return;
    }
    String indent = "    ";
    out.append("{\n  \"records\": [\n");
    Object pending = null;
    for (Object record : head) {
      if (pending != null) {
        out.append(indent).append(CompactJson.render(pending, indent, 1)).append(",\n");
      }
      pending = record;
    }
    for (; r != null; r = reader.next()) {
      out.append(indent).append(CompactJson.render(pending, indent, 1)).append(",\n");
      pending = record(r);
    }
    out.append(indent).append(CompactJson.render(pending, indent, 0)).append("\n  ]\n}\n");
  }

  private static List<Object> records(List<McapRecord> records) {
    List<Object> out = new ArrayList<>(records.size());
    for (McapRecord r : records) {
      out.add(record(r));
    }
    return out;
  }

  private static Map<String, Object> record(McapRecord r) {
    Map<String, Object> fields = new TreeMap<>();
    String type = r.getClass().getSimpleName();
    if (r instanceof Header h) {
      fields.put("profile", h.profile());
      fields.put("library", h.library());
    } else if (r instanceof Footer f) {
      fields.put("summary_start", u64(f.summaryStart()));
      fields.put("summary_offset_start", u64(f.summaryOffsetStart()));
      fields.put("summary_crc", u64(f.summaryCrc()));
    } else if (r instanceof Schema s) {
      fields.put("id", u64(s.id()));
      fields.put("name", s.name());
      fields.put("encoding", s.encoding());
      fields.put("data", bytes(s.data()));
    } else if (r instanceof Channel c) {
      fields.put("id", u64(c.id()));
      fields.put("schema_id", u64(c.schemaId()));
      fields.put("topic", c.topic());
      fields.put("message_encoding", c.messageEncoding());
      fields.put("metadata", new LinkedHashMap<>(c.metadata()));
    } else if (r instanceof Message m) {
      fields.put("channel_id", u64(m.channelId()));
      fields.put("sequence", u64(m.sequence()));
      fields.put("log_time", u64(m.logTime()));
      fields.put("publish_time", u64(m.publishTime()));
      fields.put("data", bytes(m.data()));
    } else if (r instanceof Chunk c) {
      fields.put("message_start_time", u64(c.messageStartTime()));
      fields.put("message_end_time", u64(c.messageEndTime()));
      fields.put("uncompressed_size", u64(c.uncompressedSize()));
      fields.put("uncompressed_crc", u64(c.uncompressedCrc()));
      fields.put("compression", c.compression());
      fields.put("records", bytes(c.records()));
    } else if (r instanceof MessageIndex mx) {
      fields.put("channel_id", u64(mx.channelId()));
      List<Object> entries = new ArrayList<>();
      for (MessageIndex.Entry e : mx.records()) {
        entries.add(List.of(u64(e.logTime()), u64(e.offset())));
      }
      fields.put("records", entries);
    } else if (r instanceof ChunkIndex ci) {
      fields.put("message_start_time", u64(ci.messageStartTime()));
      fields.put("message_end_time", u64(ci.messageEndTime()));
      fields.put("chunk_start_offset", u64(ci.chunkStartOffset()));
      fields.put("chunk_length", u64(ci.chunkLength()));
      fields.put("message_index_offsets", idMap(ci.messageIndexOffsets()));
      fields.put("message_index_length", u64(ci.messageIndexLength()));
      fields.put("compression", ci.compression());
      fields.put("compressed_size", u64(ci.compressedSize()));
      fields.put("uncompressed_size", u64(ci.uncompressedSize()));
    } else if (r instanceof Attachment a) {
      fields.put("log_time", u64(a.logTime()));
      fields.put("create_time", u64(a.createTime()));
      fields.put("name", a.name());
      fields.put("media_type", a.mediaType());
      fields.put("data", bytes(a.data()));
    } else if (r instanceof AttachmentIndex ai) {
      fields.put("offset", u64(ai.offset()));
      fields.put("length", u64(ai.length()));
      fields.put("log_time", u64(ai.logTime()));
      fields.put("create_time", u64(ai.createTime()));
      fields.put("data_size", u64(ai.dataSize()));
      fields.put("name", ai.name());
      fields.put("media_type", ai.mediaType());
    } else if (r instanceof Statistics st) {
      fields.put("message_count", u64(st.messageCount()));
      fields.put("schema_count", u64(st.schemaCount()));
      fields.put("channel_count", u64(st.channelCount()));
      fields.put("attachment_count", u64(st.attachmentCount()));
      fields.put("metadata_count", u64(st.metadataCount()));
      fields.put("chunk_count", u64(st.chunkCount()));
      fields.put("message_start_time", u64(st.messageStartTime()));
      fields.put("message_end_time", u64(st.messageEndTime()));
      fields.put("channel_message_counts", idMap(st.channelMessageCounts()));
    } else if (r instanceof Metadata m) {
      fields.put("name", m.name());
      fields.put("metadata", new LinkedHashMap<>(m.metadata()));
    } else if (r instanceof MetadataIndex mi) {
      fields.put("offset", u64(mi.offset()));
      fields.put("length", u64(mi.length()));
      fields.put("name", mi.name());
    } else if (r instanceof SummaryOffset so) {
      fields.put("group_opcode", u64(so.groupOpcode()));
      fields.put("group_start", u64(so.groupStart()));
      fields.put("group_length", u64(so.groupLength()));
    } else if (r instanceof DataEnd de) {
      fields.put("data_section_crc", u64(de.dataSectionCrc()));
    } else if (r instanceof UnknownRecord u) {
      type = "Unknown";
      fields.put("opcode", u64(u.opcode()));
      fields.put("data", bytes(u.data()));
    }
    List<Object> pairs = new ArrayList<>();
    fields.forEach((name, value) -> pairs.add(List.of(name, value)));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("type", type);
    out.put("fields", pairs);
    return out;
  }

  private static String u64(long v) {
    return Long.toUnsignedString(v);
  }

  private static List<String> bytes(byte[] data) {
    List<String> out = new ArrayList<>(data.length);
    for (byte b : data) {
      out.add(Integer.toString(b & 0xFF));
    }
    return out;
  }

  private static Map<String, Object> idMap(Map<Integer, Long> map) {
    Map<String, Object> out = new LinkedHashMap<>();
    map.forEach((id, v) -> out.put(Integer.toString(id), u64(v)));
    return out;
  }
}
