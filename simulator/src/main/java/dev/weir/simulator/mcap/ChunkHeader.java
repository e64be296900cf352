package dev.weir.simulator.mcap;

import java.util.Arrays;

/** The fields of a Chunk record, with its records located in the content buffer rather than copied. */
record ChunkHeader(long messageStartTime, long messageEndTime, long uncompressedSize, long uncompressedCrc,
  String compression, int recordsOffset, int recordsLength) {

  static ChunkHeader parse(FieldReader r) throws McapFormatException {
    long start = r.u64("message_start_time");
    long end = r.u64("message_end_time");
    long size = r.u64("uncompressed_size");
    long crc = r.u32("uncompressed_crc");
    String compression = r.string("compression");
    int recordsAt = r.skip64("records");
    return new ChunkHeader(start, end, size, crc, compression, recordsAt, r.position() - recordsAt);
  }

  Chunk toRecord(byte[] content) {
    return new Chunk(messageStartTime, messageEndTime, uncompressedSize, uncompressedCrc, compression,
      Arrays.copyOfRange(content, recordsOffset, recordsOffset + recordsLength));
  }
}
