package dev.weir.simulator.mcap;

import java.util.Map;

/**
 * Summary entry locating one chunk and its message indexes. {@code messageIndexOffsets} maps channel id to the file
 * offset of that channel's Message Index record; empty means the chunk has no message indexes.
 */
public record ChunkIndex(long messageStartTime, long messageEndTime, long chunkStartOffset, long chunkLength,
  Map<Integer, Long> messageIndexOffsets, long messageIndexLength, String compression, long compressedSize,
  long uncompressedSize) implements McapRecord {}
