package dev.weir.simulator.mcap;

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
      sink.string(h.profile());
      sink.string(h.library());
    } else if (record instanceof Schema s) {
      sink.u16(s.id());
      sink.string(s.name());
      sink.string(s.encoding());
      sink.u32(s.data().length);
      sink.bytes(s.data(), 0, s.data().length);
    } else if (record instanceof Channel c) {
      sink.u16(c.id());
      sink.u16(c.schemaId());
      sink.string(c.topic());
      sink.string(c.messageEncoding());
      sink.stringMap(c.metadata());
    } else if (record instanceof ChunkIndex ci) {
      sink.u64(ci.messageStartTime());
      sink.u64(ci.messageEndTime());
      sink.u64(ci.chunkStartOffset());
      sink.u64(ci.chunkLength());
      sink.u16u64Map(ci.messageIndexOffsets());
      sink.u64(ci.messageIndexLength());
      sink.string(ci.compression());
      sink.u64(ci.compressedSize());
      sink.u64(ci.uncompressedSize());
    } else if (record instanceof AttachmentIndex ai) {
      sink.u64(ai.offset());
      sink.u64(ai.length());
      sink.u64(ai.logTime());
      sink.u64(ai.createTime());
      sink.u64(ai.dataSize());
      sink.string(ai.name());
      sink.string(ai.mediaType());
    } else if (record instanceof Statistics st) {
      sink.u64(st.messageCount());
      sink.u16(st.schemaCount());
      sink.u32(st.channelCount());
      sink.u32(st.attachmentCount());
      sink.u32(st.metadataCount());
      sink.u32(st.chunkCount());
      sink.u64(st.messageStartTime());
      sink.u64(st.messageEndTime());
      sink.u16u64Map(st.channelMessageCounts());
    } else if (record instanceof Metadata m) {
      sink.string(m.name());
      sink.stringMap(m.metadata());
    } else if (record instanceof MetadataIndex mi) {
      sink.u64(mi.offset());
      sink.u64(mi.length());
      sink.string(mi.name());
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
    sink.string(name);
    sink.string(mediaType);
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
}
