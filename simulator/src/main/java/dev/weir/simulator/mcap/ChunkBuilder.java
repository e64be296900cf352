package dev.weir.simulator.mcap;

import dev.weir.simulator.io.ByteSink;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Accumulates the records of the open chunk with the message index of every channel in it, then writes the Chunk and
 * its Message Index records and describes them as a {@link ChunkIndex}.
 */
final class ChunkBuilder {
  private final Compression compression;
  private final boolean messageIndexes;
  private final boolean crcs;
  private final ByteSink records = new ByteSink(1 << 16);
  private final ByteSink compressed = new ByteSink(1 << 16);
  /** Per channel id: interleaved (log time, offset) pairs; null when the channel has no message in this chunk. */
  private long[][] index = new long[16][];
  private int[] indexSize = new int[16];
  /** Channel ids in order of their first message in this chunk, so index records come out deterministically. */
  private int[] channelOrder = new int[16];
  private int channelCount;
  private long startTime;
  private long endTime;
  private boolean hasMessages;

  ChunkBuilder(Compression compression, boolean messageIndexes, boolean crcs) {
    this.compression = compression;
    this.messageIndexes = messageIndexes;
    this.crcs = crcs;
  }

  /** Bytes of uncompressed records so far, compared against the chunk size threshold. */
  int size() {
    return records.size();
  }

  boolean isEmpty() {
    return records.size() == 0;
  }

  void add(McapRecord schemaOrChannel) {
    RecordEncoder.record(records, schemaOrChannel);
  }

  void addMessage(int channelId, long sequence, long logTime, long publishTime, byte[] data, int offset, int length) {
    int at = records.size();
    RecordEncoder.message(records, channelId, sequence, logTime, publishTime, data, offset, length);
    if (!hasMessages || Long.compareUnsigned(logTime, startTime) < 0) {
      startTime = logTime;
    }
    if (!hasMessages || Long.compareUnsigned(logTime, endTime) > 0) {
      endTime = logTime;
    }
    hasMessages = true;
    if (messageIndexes) {
      indexMessage(channelId, logTime, at);
    }
  }

  private void indexMessage(int channelId, long logTime, int at) {
    if (channelId >= index.length) {
      int n = Math.max(channelId + 1, 2 * index.length);
      index = Arrays.copyOf(index, n);
      indexSize = Arrays.copyOf(indexSize, n);
    }
    long[] entries = index[channelId];
    if (entries == null) {
      entries = index[channelId] = new long[32];
      if (channelCount == channelOrder.length) {
        channelOrder = Arrays.copyOf(channelOrder, 2 * channelCount);
      }
      channelOrder[channelCount++] = channelId;
    } else if (indexSize[channelId] == entries.length) {
      entries = index[channelId] = Arrays.copyOf(entries, 2 * entries.length);
    }
    entries[indexSize[channelId]++] = logTime;
    entries[indexSize[channelId]++] = at;
  }

  /** Writes the chunk and its message indexes, resets for the next chunk, and returns the chunk's index entry. */
  ChunkIndex finish(FileOutput out) throws IOException {
    long crc = 0;
    if (crcs) {
      CRC32 c = new CRC32();
      c.update(records.array(), 0, records.size());
      crc = c.getValue();
    }
    ChunkCodec.compress(compression, records.array(), records.size(), compressed);
    long chunkStart = out.position();
    ByteSink sink = out.sink();
    int start = RecordEncoder.begin(sink, Opcode.CHUNK);
    sink.u64(hasMessages ? startTime : 0);
    sink.u64(hasMessages ? endTime : 0);
    sink.u64(records.size());
    sink.u32(crc);
    RecordEncoder.string(sink, compression.mcapName());
    sink.u64(compressed.size());
    long contentLength = sink.size() - start - Opcode.RECORD_HEADER_BYTES + (long) compressed.size();
    sink.patchU64(start + 1, contentLength);
    out.write(compressed.array(), 0, compressed.size());
    long chunkLength = Opcode.RECORD_HEADER_BYTES + contentLength;

    long indexStart = out.position();
    Map<Integer, Long> offsets = new LinkedHashMap<>();
    for (int i = 0; i < channelCount; i++) {
      int channelId = channelOrder[i];
      offsets.put(channelId, out.position());
      writeIndex(out.sink(), channelId);
      out.maybeFlush();
      index[channelId] = null;
      indexSize[channelId] = 0;
    }
    ChunkIndex entry = new ChunkIndex(hasMessages ? startTime : 0, hasMessages ? endTime : 0, chunkStart,
      chunkLength, offsets, out.position() - indexStart, compression.mcapName(), compressed.size(),
      records.size());
    records.clear();
    channelCount = 0;
    hasMessages = false;
    return entry;
  }

  private void writeIndex(ByteSink sink, int channelId) {
    long[] entries = index[channelId];
    int n = indexSize[channelId];
    int start = RecordEncoder.begin(sink, Opcode.MESSAGE_INDEX);
    sink.u16(channelId);
    sink.u32(8L * n);
    for (int i = 0; i < n; i++) {
      sink.u64(entries[i]);
    }
    RecordEncoder.end(sink, start);
  }
}
