package dev.weir.simulator.mcap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * Merges the messages of time-overlapping chunks into one log-time order, loading a chunk only once iteration reaches
 * its start time, so at most the chunks overlapping the current time are in memory.
 */
final class IndexedMessages implements Iterator<Message> {
  /** Loads the messages of one chunk within the time range. */
  interface Loader {
    LoadedChunk load(ChunkIndex index, long start, long end) throws IOException;
  }

  private final List<ChunkIndex> chunks;
  private final Loader loader;
  private final long start;
  private final long end;
  private final PriorityQueue<LoadedChunk> heap = new PriorityQueue<>((a, b) -> {
    int c = Long.compareUnsigned(a.peekTime(), b.peekTime());
    if (c != 0) {
      return c;
    }
    c = Long.compare(a.chunkOffset(), b.chunkOffset());
    return c != 0 ? c : Long.compare(a.peekOffset(), b.peekOffset());
  });
  private int nextChunk;

  /** @param chunks the chunks overlapping the range, sorted by start time then file offset */
  IndexedMessages(List<ChunkIndex> chunks, Loader loader, long start, long end) {
    this.chunks = chunks;
    this.loader = loader;
    this.start = start;
    this.end = end;
  }

  @Override
  public boolean hasNext() {
    loadDue();
    return !heap.isEmpty();
  }

  @Override
  public Message next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    LoadedChunk chunk = heap.poll();
    try {
      Message m = chunk.take();
      if (chunk.hasNext()) {
        heap.add(chunk);
      }
      return m;
    } catch (McapFormatException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loads every chunk that may hold a message at or before the earliest one pending. */
  private void loadDue() {
    while (nextChunk < chunks.size() && (heap.isEmpty()
      || Long.compareUnsigned(chunks.get(nextChunk).messageStartTime(), heap.peek().peekTime()) <= 0)) {
      try {
        LoadedChunk chunk = loader.load(chunks.get(nextChunk++), start, end);
        if (chunk.hasNext()) {
          heap.add(chunk);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
