package dev.weir.harness.check;

import static dev.weir.harness.check.BufferDefect.NO_SNAPSHOT;

import dev.weir.harness.trace.EventFilter;
import dev.weir.harness.trace.EventKind;
import dev.weir.harness.trace.TraceCursor;
import dev.weir.harness.trace.TraceEvent;
import dev.weir.harness.trace.TraceSnapshot;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Judges a frontend's circular buffers from the probe's snapshots: each holds at most its capacity,
 * has evicted exactly what overflowed, holds exactly the newest items in the order they were
 * consumed, and the page's heap stays flat once the buffers are full. The frontend pushes every
 * consumed message into the buffer named after its stream right before reporting the consume, so a
 * stream's consumes, in append order, are its buffer's pushes.
 *
 * <pre>{@code
 * Checker contents = new BufferChecker(1_000);         // capacity: what the buffer holds
 * Checker buffer = new BufferChecker(1_000, 4 << 20); // and the heap once full, within 4 MiB
 * Verdict verdict = buffer.check(trace.snapshot());
 * }</pre>
 *
 * <p>One pass over the trace, plus one to the first violation for its context. Per stream, a ring
 * of the last {@code capacity + 65,536} consumed sequences (8 bytes each) and at most {@value
 * BufferPending#LIMIT} snapshots waiting for their consumes. Semantics, counts and bounds: {@code
 * docs/checkers.md}.
 */
public final class BufferChecker implements Checker {

  /** The largest capacity: the ring of consumes, with its slack, must fit in an array. */
  public static final int MAX_CAPACITY = BufferStream.MAX_CAPACITY;

  private static final EventFilter READ =
      EventFilter.of(EventKind.CONSUME, EventKind.BUFFER, EventKind.BUFFER_ITEM, EventKind.GAUGE);

  /** No memory judgment declared. */
  private static final long UNDECLARED = -1;

  private final int capacity;
  private final long toleranceBytes;

  /**
   * Judges what the buffers hold, not memory.
   *
   * @param capacity the buffer's declared capacity, 1 to {@link #MAX_CAPACITY} items
   */
  public BufferChecker(int capacity) {
    this(capacity, UNDECLARED, true);
  }

  /**
   * Judges what the buffers hold and that memory stays flat once they are full: the run must then
   * have sampled the page's heap at least twice after that, or the verdict is INCONCLUSIVE.
   *
   * @param capacity the buffer's declared capacity, 1 to {@link #MAX_CAPACITY} items
   * @param memoryToleranceBytes how much the page's heap may grow from the first sample after the
   *     buffers are full to the last, >= 0
   */
  public BufferChecker(int capacity, long memoryToleranceBytes) {
    this(capacity, memoryToleranceBytes, false);
  }

  private BufferChecker(int capacity, long memoryToleranceBytes, boolean contentsOnly) {
    if (capacity < 1 || capacity > MAX_CAPACITY) {
      throw new IllegalArgumentException(
          "the buffer's capacity must be 1 to " + MAX_CAPACITY + " items, got " + capacity);
    }
    if (memoryToleranceBytes < 0 && !contentsOnly) {
      throw new IllegalArgumentException(
          "the memory tolerance must be >= 0 bytes, got " + memoryToleranceBytes);
    }
    this.capacity = capacity;
    this.toleranceBytes = memoryToleranceBytes;
  }

  /** Whether memory once full is judged (a heap tolerance was declared). */
  public boolean judgesMemory() {
    return toleranceBytes != UNDECLARED;
  }

  /** The buffers' declared capacity, items: what a report draws occupancy against. */
  public int capacity() {
    return capacity;
  }

  @Override
  public String name() {
    return "buffer";
  }

  @Override
  public Verdict check(TraceSnapshot trace) {
    BufferTally tally = new BufferTally();
    BufferHeap heap = new BufferHeap();
    Map<String, BufferStream> streams = new LinkedHashMap<>();
    TraceCursor event = trace.cursor(READ);
    BufferStream reading = null;
    long firstConsume = TraceEvent.ABSENT;
    String firstConsumeStream = null;
    long consumes = 0;
    while (event.next()) {
      switch (event.kind()) {
        case CONSUME -> {
          if (consumes++ == 0) {
            firstConsume = event.index();
            firstConsumeStream = event.stream();
          }
          stream(streams, event.stream(), tally).consumed(event.sequence());
        }
        case BUFFER -> {
          reading = stream(streams, event.stream(), tally);
          if (reading.snapshot(
              event.index(), event.pushed(), event.evictions(), event.held(), event.wallNs())) {
            heap.full(lastFull(streams));
          }
        }
        case BUFFER_ITEM -> reading.item(event.index(), event.position(), event.sequence());
        case GAUGE -> {
          if (BufferHeap.METRIC.equals(event.metric())) {
            heap.sample(event.stream(), event.index(), event.wallNs(), event.value());
          }
        }
        default -> throw new IllegalStateException("the filter lets through " + event.kind());
      }
    }
    boolean buffered = false;
    for (BufferStream stream : streams.values()) {
      stream.finish();
      buffered |= stream.buffered();
    }
    if (!buffered && consumes > 0) {
      long absent = TraceEvent.ABSENT;
      tally.found(
          NO_SNAPSHOT, firstConsumeStream, firstConsume, absent, absent, absent, consumes, absent);
    }
    if (judgesMemory()) {
      heap.judge(toleranceBytes, tally);
    }
    return new BufferReport(name(), capacity, toleranceBytes).verdict(trace, tally, streams, heap);
  }

  private BufferStream stream(Map<String, BufferStream> streams, String name, BufferTally tally) {
    BufferStream stream = streams.get(name);
    if (stream == null) {
      stream = new BufferStream(name, capacity, tally);
      streams.put(name, stream);
    }
    return stream;
  }

  /** When the last buffer that filled was first reported full. */
  private static long lastFull(Map<String, BufferStream> streams) {
    long last = Long.MIN_VALUE;
    for (BufferStream stream : streams.values()) {
      if (stream.firstFullNs() != Long.MAX_VALUE) {
        last = Math.max(last, stream.firstFullNs());
      }
    }
    return last;
  }

  @Override
  public String toString() {
    return name() + "[capacity " + capacity
        + (judgesMemory() ? ", heap tolerance " + toleranceBytes + " bytes" : "") + "]";
  }
}
