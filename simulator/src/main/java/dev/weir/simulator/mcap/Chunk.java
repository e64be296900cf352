package dev.weir.simulator.mcap;

import java.util.Arrays;

/**
 * A batch of Schema, Channel and Message records, possibly compressed. Only yielded by the streamed reader when
 * {@link ReadOptions#includeChunkRecords()} asks; {@code records} holds the still compressed bytes.
 */
public record Chunk(long messageStartTime, long messageEndTime, long uncompressedSize, long uncompressedCrc,
  String compression, byte[] records) implements McapRecord {

  @Override
  public boolean equals(Object o) {
    return o instanceof Chunk c && messageStartTime == c.messageStartTime && messageEndTime == c.messageEndTime
      && uncompressedSize == c.uncompressedSize && uncompressedCrc == c.uncompressedCrc
      && compression.equals(c.compression) && Arrays.equals(records, c.records);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Long.hashCode(messageStartTime) + compression.hashCode()) + Arrays.hashCode(records);
  }

  @Override
  public String toString() {
    return "Chunk[messageStartTime=" + messageStartTime + ", messageEndTime=" + messageEndTime
      + ", uncompressedSize=" + uncompressedSize + ", uncompressedCrc=" + uncompressedCrc + ", compression="
      + compression + ", records=" + records.length + " bytes]";
  }
}
