package dev.weir.simulator.mcap;

import java.util.zip.CRC32;

/**
 * Turns a Chunk record into its validated uncompressed records: checks the compression name, the declared sizes against
 * the memory cap, decompresses, and checks the uncompressed CRC.
 */
final class ChunkDecoder {
  private final long maxBytes;
  private final boolean validateCrcs;
  private final boolean reuseBuffer;
  private byte[] scratch = new byte[0];

  /**
   * @param reuseBuffer decompress into one buffer reused by every call (streamed reading), rather than a fresh array
   *     per chunk (indexed reading keeps several chunks alive at once)
   */
  ChunkDecoder(long maxBytes, boolean validateCrcs, boolean reuseBuffer) {
    this.maxBytes = maxBytes;
    this.validateCrcs = validateCrcs;
    this.reuseBuffer = reuseBuffer;
  }

  /** Decodes the chunk whose content is {@code content}, located at {@code fileOffset}. */
  ChunkRecords decode(ChunkHeader h, byte[] content, long fileOffset) throws McapFormatException {
    Compression compression = Compression.fromMcapName(h.compression()).orElseThrow(() ->
      McapFormatException.corrupt(fileOffset, Opcode.CHUNK, "unknown compression '" + h.compression()
        + "' (supported: '', 'zstd', 'lz4')"));
    long size = h.uncompressedSize();
    if (size < 0 || size > maxBytes) {
      throw McapFormatException.corrupt(fileOffset, Opcode.CHUNK, "uncompressed_size "
        + Long.toUnsignedString(size) + " exceeds the limit of " + maxBytes + " bytes");
    }
    int n = (int) size;
    byte[] records;
    int offset;
    if (compression == Compression.NONE) {
      if (h.recordsLength() != size) {
        throw McapFormatException.corrupt(fileOffset, Opcode.CHUNK, "uncompressed chunk holds "
          + h.recordsLength() + " bytes of records but declares uncompressed_size " + size);
      }
      records = content;
      offset = h.recordsOffset();
    } else {
      records = buffer(n);
      offset = 0;
      String problem = ChunkCodec.decompress(compression, content, h.recordsOffset(), h.recordsLength(),
        records, n);
      if (problem != null) {
        throw McapFormatException.corrupt(fileOffset, Opcode.CHUNK, problem);
      }
    }
    if (validateCrcs && h.uncompressedCrc() != 0) {
      CRC32 crc = new CRC32();
      crc.update(records, offset, n);
      if (crc.getValue() != h.uncompressedCrc()) {
        throw McapFormatException.corrupt(fileOffset, Opcode.CHUNK,
          McapFormatException.crcMismatch("uncompressed", h.uncompressedCrc(), crc.getValue()));
      }
    }
    return new ChunkRecords(records, offset, n, fileOffset, validateCrcs);
  }

  private byte[] buffer(int n) {
    if (!reuseBuffer) {
      return new byte[n];
    }
    if (scratch.length < n) {
      scratch = new byte[Math.max(n, (int) Math.min(maxBytes, 2L * scratch.length))];
    }
    return scratch;
  }
}
