package dev.weir.simulator.mcap;

import dev.weir.simulator.io.ByteSink;
import dev.weir.simulator.io.LittleEndian;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32;

/** Serializes records into a {@link ByteSink} as {@code <opcode><uint64 length><content>}. */
final class RecordEncoder {
  private RecordEncoder() {}

  /** Writes the message header and payload in one pass; the hot path of the writer. */
  static void message(ByteSink sink, int channelId, long sequence, long logTime, long publishTime, byte[] data,
    int offset, int length) {
    int at = sink.reserve(Opcode.RECORD_HEADER_BYTES + 22);
    byte[] b = sink.array();
    b[at] = Opcode.MESSAGE;
    LittleEndian.putU64(b, at + 1, 22L + length);
    LittleEndian.putU16(b, at + 9, channelId);
    LittleEndian.putU32(b, at + 11, sequence);
    LittleEndian.putU64(b, at + 15, logTime);
    LittleEndian.putU64(b, at + 23, publishTime);
    sink.bytes(data, offset, length);
  }

  /**
   * Writes any record except Message, Chunk and Attachment, which have their own methods because their payloads are
   * large.
   */
  static void record(ByteSink sink, McapRecord record) {
    int start = begin(sink, opcodeOf(record));
    if (record instanceof Header h) {
      string(sink, h.profile());
      string(sink, h.library());
    } else if (record instanceof Schema s) {
      sink.u16(s.id());
      string(sink, s.name());
      string(sink, s.encoding());
      sink.u32(s.data().length);
      sink.bytes(s.data(), 0, s.data().length);
    } else if (record instanceof Channel c) {
      sink.u16(c.id());
      sink.u16(c.schemaId());
      string(sink, c.topic());
      string(sink, c.messageEncoding());
      stringMap(sink, c.metadata());
    } else if (record instanceof ChunkIndex ci) {
      sink.u64(ci.messageStartTime());
      sink.u64(ci.messageEndTime());
      sink.u64(ci.chunkStartOffset());
      sink.u64(ci.chunkLength());
      u16u64Map(sink, ci.messageIndexOffsets());
      sink.u64(ci.messageIndexLength());
      string(sink, ci.compression());
      sink.u64(ci.compressedSize());
      sink.u64(ci.uncompressedSize());
    } else if (record instanceof AttachmentIndex ai) {
      sink.u64(ai.offset());
      sink.u64(ai.length());
      sink.u64(ai.logTime());
      sink.u64(ai.createTime());
      sink.u64(ai.dataSize());
      string(sink, ai.name());
      string(sink, ai.mediaType());
    } else if (record instanceof Statistics st) {
      sink.u64(st.messageCount());
      sink.u16(st.schemaCount());
      sink.u32(st.channelCount());
      sink.u32(st.attachmentCount());
      sink.u32(st.metadataCount());
      sink.u32(st.chunkCount());
      sink.u64(st.messageStartTime());
      sink.u64(st.messageEndTime());
      u16u64Map(sink, st.channelMessageCounts());
    } else if (record instanceof Metadata m) {
      string(sink, m.name());
      stringMap(sink, m.metadata());
    } else if (record instanceof MetadataIndex mi) {
      sink.u64(mi.offset());
      sink.u64(mi.length());
      string(sink, mi.name());
    } else if (record instanceof SummaryOffset so) {
      sink.u8(so.groupOpcode());
      sink.u64(so.groupStart());
      sink.u64(so.groupLength());
    } else if (record instanceof DataEnd de) {
      sink.u32(de.dataSectionCrc());
    } else if (record instanceof MessageIndex mx) {
      sink.u16(mx.channelId());
      sink.u32(16L * mx.records().size());
      for (MessageIndex.Entry e : mx.records()) {
        sink.u64(e.logTime());
        sink.u64(e.offset());
      }
    } else {
      throw new IllegalArgumentException("RecordEncoder.record cannot encode " + record.getClass());
    }
    end(sink, start);
  }

  /** Writes an attachment, computing its CRC over the preceding fields when {@code crc} is set. */
  static void attachment(ByteSink sink, long logTime, long createTime, String name, String mediaType, byte[] data,
    boolean crc) {
    int start = begin(sink, Opcode.ATTACHMENT);
    sink.u64(logTime);
    sink.u64(createTime);
    string(sink, name);
    string(sink, mediaType);
    sink.u64(data.length);
    sink.bytes(data, 0, data.length);
    long value = 0;
    if (crc) {
      CRC32 c = new CRC32();
      c.update(sink.array(), start + Opcode.RECORD_HEADER_BYTES, sink.size() - start - Opcode.RECORD_HEADER_BYTES);
      value = c.getValue();
    }
    sink.u32(value);
    end(sink, start);
  }

  /** Starts a record and returns the position of its opcode, to be passed to {@link #end}. */
  static int begin(ByteSink sink, int opcode) {
    int start = sink.reserve(Opcode.RECORD_HEADER_BYTES);
    sink.array()[start] = (byte) opcode;
    return start;
  }

  static void end(ByteSink sink, int start) {
    sink.patchU64(start + 1, sink.size() - start - Opcode.RECORD_HEADER_BYTES);
  }

  private static int opcodeOf(McapRecord r) {
    if (r instanceof Header) return Opcode.HEADER;
    if (r instanceof Schema) return Opcode.SCHEMA;
    if (r instanceof Channel) return Opcode.CHANNEL;
    if (r instanceof MessageIndex) return Opcode.MESSAGE_INDEX;
    if (r instanceof ChunkIndex) return Opcode.CHUNK_INDEX;
    if (r instanceof AttachmentIndex) return Opcode.ATTACHMENT_INDEX;
    if (r instanceof Statistics) return Opcode.STATISTICS;
    if (r instanceof Metadata) return Opcode.METADATA;
    if (r instanceof MetadataIndex) return Opcode.METADATA_INDEX;
    if (r instanceof SummaryOffset) return Opcode.SUMMARY_OFFSET;
    if (r instanceof DataEnd) return Opcode.DATA_END;
    throw new IllegalArgumentException("RecordEncoder.record cannot encode " + r.getClass());
  }

  /** MCAP's string: a uint32 byte length, then UTF-8. */
  static void string(ByteSink sink, String s) {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    sink.u32(utf8.length);
    sink.bytes(utf8, 0, utf8.length);
  }

  /** MCAP's {@code Map<string, string>}: a uint32 byte length, then key-value pairs. */
  static void stringMap(ByteSink sink, Map<String, String> map) {
    int lengthAt = sink.reserve(4);
    for (Map.Entry<String, String> e : map.entrySet()) {
      string(sink, e.getKey());
      string(sink, e.getValue());
    }
    sink.patchU32(lengthAt, sink.size() - lengthAt - 4);
  }

  /** MCAP's {@code Map<uint16, uint64>}: a uint32 byte length, then pairs. */
  static void u16u64Map(ByteSink sink, Map<Integer, Long> map) {
    sink.u32(10L * map.size());
    for (Map.Entry<Integer, Long> e : map.entrySet()) {
      sink.u16(e.getKey());
      sink.u64(e.getValue());
    }
  }
}
