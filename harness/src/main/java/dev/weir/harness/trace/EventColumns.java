package dev.weir.harness.trace;

import java.util.Arrays;

/**
 * A trace's events as primitive columns in chunks of 8192 events, so a million events cost a few
 * hundred arrays, not a million objects. Per event: wall time, sequence and a second time (longs),
 * the kind packed with the stream id, and the size or detail id (ints): 32 bytes. The first chunk
 * starts at 256 events and doubles, so a short trace stays small; later chunks are allocated full.
 *
 * <p>A slot below {@link #size()} is never written again, and a chunk that grows is replaced by a
 * copy, never changed in place below its size: that is what lets a {@link View} read while appends
 * continue. Not thread-safe: the trace appends under its lock.
 */
final class EventColumns {

  /** Stream ids share an int with the kind: 24 bits for the stream, the rest for the kind. */
  static final int MAX_STREAMS = 1 << 24;

  private static final int CHUNK_BITS = 13;
  private static final int CHUNK_EVENTS = 1 << CHUNK_BITS;
  private static final int FIRST_CAPACITY = 256;
  private static final EventKind[] KINDS = EventKind.values();

  private Chunk[] chunks = new Chunk[8];
  private int chunkCount;
  private long size;

  long size() {
    return size;
  }

  /** Appends one event; the caller has checked every argument. */
  void append(EventKind kind, int stream, long wallNs, long sequence, long aux, int sizeOrDetail) {
    int slot = (int) (size & (CHUNK_EVENTS - 1));
    Chunk chunk = writableChunk((int) (size >>> CHUNK_BITS), slot);
    chunk.wallNs[slot] = wallNs;
    chunk.sequence[slot] = sequence;
    chunk.aux[slot] = aux;
    chunk.kindStream[slot] = kind.ordinal() << 24 | stream;
    chunk.sizeOrDetail[slot] = sizeOrDetail;
    size++;
  }

  /** The events appended so far, unaffected by later appends. */
  View view() {
    return new View(Arrays.copyOf(chunks, chunkCount), size);
  }

  private Chunk writableChunk(int index, int slot) {
    if (index == chunkCount) {
      if (chunkCount == chunks.length) {
        chunks = Arrays.copyOf(chunks, 2 * chunkCount);
      }
      chunks[chunkCount++] = new Chunk(index == 0 ? FIRST_CAPACITY : CHUNK_EVENTS);
    }
    Chunk chunk = chunks[index];
    if (slot == chunk.capacity()) {
      chunk = chunk.grown(Math.min(2 * slot, CHUNK_EVENTS));
      chunks[index] = chunk;
    }
    return chunk;
  }

  /** One chunk's columns. */
  static final class Chunk {
    final long[] wallNs;
    final long[] sequence;
    final long[] aux;
    final int[] kindStream;
    final int[] sizeOrDetail;

    private Chunk(
        long[] wallNs, long[] sequence, long[] aux, int[] kindStream, int[] sizeOrDetail) {
      this.wallNs = wallNs;
      this.sequence = sequence;
      this.aux = aux;
      this.kindStream = kindStream;
      this.sizeOrDetail = sizeOrDetail;
    }

    Chunk(int capacity) {
      this(
          new long[capacity],
          new long[capacity],
          new long[capacity],
          new int[capacity],
          new int[capacity]);
    }

    int capacity() {
      return wallNs.length;
    }

    EventKind kind(int slot) {
      return KINDS[kindStream[slot] >>> 24];
    }

    int stream(int slot) {
      return kindStream[slot] & (MAX_STREAMS - 1);
    }

    private Chunk grown(int capacity) {
      return new Chunk(
          Arrays.copyOf(wallNs, capacity),
          Arrays.copyOf(sequence, capacity),
          Arrays.copyOf(aux, capacity),
          Arrays.copyOf(kindStream, capacity),
          Arrays.copyOf(sizeOrDetail, capacity));
    }
  }

  /** A fixed prefix of the events; any thread may read it. */
  static final class View {
    private final Chunk[] chunks;
    private final long size;

    private View(Chunk[] chunks, long size) {
      this.chunks = chunks;
      this.size = size;
    }

    long size() {
      return size;
    }

    /** The chunk holding event {@code index}; the event is at {@link #slot(long)} in it. */
    Chunk chunk(long index) {
      return chunks[(int) (index >>> CHUNK_BITS)];
    }

    static int slot(long index) {
      return (int) (index & (CHUNK_EVENTS - 1));
    }
  }
}
