package dev.weir.simulator.mcap;

import dev.weir.simulator.io.LittleEndian;

/**
 * Iterates the records inside a decoded chunk. Only Schema, Channel, Message and unknown (future) opcodes may appear
 * there; any other known record, or a length running past the chunk, is reported as corruption.
 */
final class ChunkRecords {
  private final byte[] buf;
  private final int base;
  private final int end;
  private final long chunkOffset;
  private final boolean validateCrcs;
  private int pos;

  ChunkRecords(byte[] buf, int offset, int length, long chunkOffset, boolean validateCrcs) {
    this.buf = buf;
    this.base = offset;
    this.end = offset + length;
    this.chunkOffset = chunkOffset;
    this.validateCrcs = validateCrcs;
    this.pos = offset;
  }

  /** Offset in the uncompressed records of the record {@link #next()} returns next. */
  int offset() {
    return pos - base;
  }

  /** Moves to the record at {@code offset} of the uncompressed records (from a message index). */
  void seek(long offset) throws McapFormatException {
    if (offset < 0 || offset >= end - base) {
      throw McapFormatException.corrupt(chunkOffset, Opcode.CHUNK, "message index points at uncompressed offset "
        + Long.toUnsignedString(offset) + ", beyond the chunk's " + (end - base) + " bytes");
    }
    pos = base + (int) offset;
  }

  /** The next record, or null at the end of the chunk. */
  McapRecord next() throws McapFormatException {
    if (pos == end) {
      return null;
    }
    int at = pos - base;
    if (end - pos < Opcode.RECORD_HEADER_BYTES) {
      throw McapFormatException.corrupt(chunkOffset, Opcode.CHUNK, "record header at uncompressed offset " + at
        + " needs 9 bytes, but only " + (end - pos) + " remain in the chunk");
    }
    int opcode = buf[pos] & 0xFF;
    long length = LittleEndian.u64(buf, pos + 1);
    int contentAt = pos + Opcode.RECORD_HEADER_BYTES;
    if (length < 0 || length > end - contentAt) {
      throw McapFormatException.corrupt(chunkOffset, opcode, "record at uncompressed offset " + at
        + " declares " + Long.toUnsignedString(length) + " content bytes, but only " + (end - contentAt)
        + " remain in the chunk");
    }
    if (Opcode.isKnown(opcode) && opcode != Opcode.SCHEMA && opcode != Opcode.CHANNEL
      && opcode != Opcode.MESSAGE) {
      throw McapFormatException.corrupt(chunkOffset, Opcode.CHUNK, "a " + Opcode.name(opcode)
        + " record (opcode " + String.format("0x%02x", opcode) + ") at uncompressed offset " + at
        + " cannot appear inside a chunk");
    }
    pos = contentAt + (int) length;
    return RecordParser.parse(new FieldReader(buf, contentAt, (int) length, chunkOffset, opcode, at),
      validateCrcs);
  }
}
