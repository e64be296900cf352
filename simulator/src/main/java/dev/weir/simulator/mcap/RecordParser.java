package dev.weir.simulator.mcap;

import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * Decodes a record's content into its {@link McapRecord}. Bytes after the known fields are ignored, as the
 * specification requires for forward compatibility (except in Message, whose data runs to the end).
 */
final class RecordParser {
  private RecordParser() {}

  static McapRecord parse(FieldReader r, boolean validateCrcs) throws McapFormatException {
    return switch (r.opcode()) {
      case Opcode.HEADER -> new Header(r.string("profile"), r.string("library"));
      case Opcode.FOOTER -> new Footer(r.u64("summary_start"), r.u64("summary_offset_start"),
        r.u32("summary_crc"));
      case Opcode.SCHEMA -> new Schema(r.u16("id"), r.string("name"), r.string("encoding"), r.bytes32("data"));
      case Opcode.CHANNEL -> new Channel(r.u16("id"), r.u16("schema_id"), r.string("topic"),
        r.string("message_encoding"), r.stringMap("metadata"));
      case Opcode.MESSAGE -> new Message(r.u16("channel_id"), r.u32("sequence"), r.u64("log_time"),
        r.u64("publish_time"), r.rest());
      case Opcode.CHUNK -> ChunkHeader.parse(r).toRecord(r.buffer());
      case Opcode.MESSAGE_INDEX -> new MessageIndex(r.u16("channel_id"), r.entries("records"));
      case Opcode.CHUNK_INDEX -> new ChunkIndex(r.u64("message_start_time"), r.u64("message_end_time"),
        r.u64("chunk_start_offset"), r.u64("chunk_length"), r.u16u64Map("message_index_offsets"),
        r.u64("message_index_length"), r.string("compression"), r.u64("compressed_size"),
        r.u64("uncompressed_size"));
      case Opcode.ATTACHMENT -> attachment(r, validateCrcs);
      case Opcode.ATTACHMENT_INDEX -> new AttachmentIndex(r.u64("offset"), r.u64("length"), r.u64("log_time"),
        r.u64("create_time"), r.u64("data_size"), r.string("name"), r.string("media_type"));
      case Opcode.STATISTICS -> new Statistics(r.u64("message_count"), r.u16("schema_count"),
        r.u32("channel_count"), r.u32("attachment_count"), r.u32("metadata_count"), r.u32("chunk_count"),
        r.u64("message_start_time"), r.u64("message_end_time"), r.u16u64Map("channel_message_counts"));
      case Opcode.METADATA -> new Metadata(r.string("name"), r.stringMap("metadata"));
      case Opcode.METADATA_INDEX -> new MetadataIndex(r.u64("offset"), r.u64("length"), r.string("name"));
      case Opcode.SUMMARY_OFFSET -> new SummaryOffset(r.u8("group_opcode"), r.u64("group_start"),
        r.u64("group_length"));
      case Opcode.DATA_END -> new DataEnd(r.u32("data_section_crc"));
      default -> new UnknownRecord(r.opcode(), r.rest());
    };
  }

  private static Attachment attachment(FieldReader r, boolean validateCrcs) throws McapFormatException {
    long logTime = r.u64("log_time");
    long createTime = r.u64("create_time");
    String name = r.string("name");
    String mediaType = r.string("media_type");
    int dataAt = r.skip64("data");
    int dataEnd = r.position();
    int crcAt = r.position();
    long crc = r.u32("crc");
    if (validateCrcs && crc != 0) {
      CRC32 c = new CRC32();
      c.update(r.buffer(), r.start(), crcAt - r.start());
      if (c.getValue() != crc) {
        throw r.corrupt(McapFormatException.crcMismatch("attachment", crc, c.getValue()));
      }
    }
    return new Attachment(logTime, createTime, name, mediaType,
      Arrays.copyOfRange(r.buffer(), dataAt, dataEnd), crc);
  }
}
