package dev.weir.simulator.mcap;

/** Record opcodes and the magic bytes of MCAP major version 0. */
final class Opcode {
  static final int HEADER = 0x01;
  static final int FOOTER = 0x02;
  static final int SCHEMA = 0x03;
  static final int CHANNEL = 0x04;
  static final int MESSAGE = 0x05;
  static final int CHUNK = 0x06;
  static final int MESSAGE_INDEX = 0x07;
  static final int CHUNK_INDEX = 0x08;
  static final int ATTACHMENT = 0x09;
  static final int ATTACHMENT_INDEX = 0x0A;
  static final int STATISTICS = 0x0B;
  static final int METADATA = 0x0C;
  static final int METADATA_INDEX = 0x0D;
  static final int SUMMARY_OFFSET = 0x0E;
  static final int DATA_END = 0x0F;

  static final byte[] MAGIC = {(byte) 0x89, 'M', 'C', 'A', 'P', '0', '\r', '\n'};
  /** Opcode byte plus uint64 content length. */
  static final int RECORD_HEADER_BYTES = 9;
  /** Footer content: summary_start, summary_offset_start, summary_crc. */
  static final int FOOTER_CONTENT_BYTES = 20;

  private static final String[] NAMES = {"Unknown", "Header", "Footer", "Schema", "Channel", "Message", "Chunk",
    "MessageIndex", "ChunkIndex", "Attachment", "AttachmentIndex", "Statistics", "Metadata", "MetadataIndex",
    "SummaryOffset", "DataEnd"};

  private Opcode() {}

  static boolean isKnown(int opcode) {
    return opcode >= HEADER && opcode <= DATA_END;
  }

  /** The record kind an opcode stands for, {@code "Unknown"} for opcodes outside the specification. */
  static String name(int opcode) {
    return isKnown(opcode) ? NAMES[opcode] : NAMES[0];
  }
}
