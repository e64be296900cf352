package dev.weir.harness.trace;

import dev.weir.harness.trace.EventColumns.Chunk;
import dev.weir.harness.trace.EventColumns.View;

/**
 * Walks a snapshot's events in append order, reading each in place: one cursor serves a million
 * events without creating an object per event. Fields that do not apply to the current event's kind
 * read {@link TraceEvent#ABSENT} (numbers) or "" (detail). Not thread-safe; take one cursor per
 * thread.
 *
 * <pre>{@code
 * TraceCursor c = snapshot.cursor(EventFilter.of(EventKind.SEND).onStream("accel"));
 * while (c.next()) {
 *   check(c.sequence(), c.wallNs());
 * }
 * }</pre>
 */
public final class TraceCursor {

  private final View events;
  private final String[] streams;
  private final String[] details;
  private final int stream;
  private final int kindMask;
  private long next;
  private long index;
  private boolean started;
  private Chunk chunk;
  private int slot;

  TraceCursor(View events, String[] streams, String[] details, int stream, int kindMask) {
    this.events = events;
    this.streams = streams;
    this.details = details;
    this.stream = stream;
    this.kindMask = kindMask;
  }

  /** Moves to the next event the filter lets through; false when there is none left. */
  public boolean next() {
    started = true;
    while (next < events.size()) {
      long i = next++;
      Chunk c = events.chunk(i);
      int s = View.slot(i);
      if ((kindMask & 1 << c.kind(s).ordinal()) != 0 && (stream < 0 || c.stream(s) == stream)) {
        chunk = c;
        slot = s;
        index = i;
        return true;
      }
    }
    chunk = null;
    return false;
  }

  /** Position of the current event in append order, from 0 over all events. */
  public long index() {
    current();
    return index;
  }

  public EventKind kind() {
    return current().kind(slot);
  }

  /** The current event's stream name. */
  public String stream() {
    return streams[current().stream(slot)];
  }

  /** The message's sequence; {@link TraceEvent#ABSENT} for a lifecycle event without one. */
  public long sequence() {
    return current().sequence[slot];
  }

  /** Payload size of a send or delivery; {@link TraceEvent#ABSENT} for lifecycle events. */
  public int sizeBytes() {
    return kind().isLifecycle() ? TraceEvent.ABSENT : chunk.sizeOrDetail[slot];
  }

  /** When it happened, ns since the trace started; see {@link TraceEvent#wallNs()}. */
  public long wallNs() {
    return current().wallNs[slot];
  }

  /** The virtual time of a send; {@link TraceEvent#ABSENT} for other kinds. */
  public long virtualNs() {
    return kind() == EventKind.SEND ? chunk.aux[slot] : TraceEvent.ABSENT;
  }

  /** When Java recorded the event; see {@link TraceEvent#arrivalNs()}. */
  public long arrivalNs() {
    return kind() == EventKind.DELIVERY ? chunk.aux[slot] : chunk.wallNs[slot];
  }

  /** The detail of a lifecycle event; "" for sends and deliveries. */
  public String detail() {
    return kind().isLifecycle() ? details[chunk.sizeOrDetail[slot]] : "";
  }

  /** The current event as a value. */
  public TraceEvent toEvent() {
    return new TraceEvent(
        index(),
        kind(),
        stream(),
        sequence(),
        sizeBytes(),
        wallNs(),
        virtualNs(),
        arrivalNs(),
        detail());
  }

  private Chunk current() {
    if (chunk == null) {
      throw new IllegalStateException(
          !started
              ? "no current event: call next() first"
              : "no current event: next() returned false, the cursor is past the last event");
    }
    return chunk;
  }
}
