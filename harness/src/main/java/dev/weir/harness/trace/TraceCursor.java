package dev.weir.harness.trace;

import dev.weir.harness.trace.EventColumns.Chunk;
import dev.weir.harness.trace.EventColumns.View;

/**
 * Walks a snapshot's events in append order, reading each in place: one cursor serves a million
 * events without creating an object per event. Fields that do not apply to the current event's kind
 * read {@link TraceEvent#ABSENT} (numbers) or "" (strings). Not thread-safe; take one cursor per
 * thread.
 *
 * <p>Fields per kind (every kind also has {@link #index()}, {@link #kind()}, {@link #stream()} and
 * {@link #wallNs()}):
 *
 * <ul>
 *   <li>send: {@link #sequence()}, {@link #sizeBytes()}, {@link #virtualNs()}
 *   <li>delivery: {@link #sequence()}, {@link #sizeBytes()}, {@link #arrivalNs()}
 *   <li>lifecycle kinds: {@link #sequence()} (when one message is concerned), {@link #detail()}
 *   <li>consume: {@link #sequence()}, {@link #arrivalNs()}
 *   <li>buffer: {@link #pushed()}, {@link #evictions()}, {@link #held()}
 *   <li>buffer-item: {@link #sequence()}, {@link #position()}
 *   <li>reconnect: {@link #decision()}, {@link #attempt()}, {@link #delayMicros()}
 *   <li>gauge: {@link #metric()}, {@link #value()}
 * </ul>
 *
 * <p>{@link #arrivalNs()} is Java's time: its own for a delivery or consume, {@link #wallNs()} for
 * the kinds Java times (send, lifecycle, gauge), absent for the rest.
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

  /**
   * The message's sequence: of a send, delivery or consume, of the message a lifecycle event
   * concerns ({@link TraceEvent#ABSENT} when it concerns the whole stream), of a buffer item;
   * {@link TraceEvent#ABSENT} for buffers, reconnects, gauges, clock bounds and lags.
   */
  public long sequence() {
    return switch (kind()) {
      case BUFFER, RECONNECT, GAUGE, CLOCK, LAG -> TraceEvent.ABSENT;
      default -> chunk.sequence[slot];
    };
  }

  /** Payload size of a send or delivery; {@link TraceEvent#ABSENT} for other kinds. */
  public int sizeBytes() {
    EventKind kind = kind();
    return kind == EventKind.SEND || kind == EventKind.DELIVERY
        ? chunk.sizeOrDetail[slot]
        : TraceEvent.ABSENT;
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
    return switch (kind()) {
      case DELIVERY, CONSUME, OPEN, CLOSE, END, CONNECT_ATTEMPT, REFUSAL, DROP, FAULT, LOSS_HEARD ->
          chunk.aux[slot];
      case BUFFER, BUFFER_ITEM, RECONNECT, LAG -> TraceEvent.ABSENT;
      case SEND, GAUGE, CLOCK -> chunk.wallNs[slot];
    };
  }

  /**
   * The detail of a lifecycle event, the decision of a reconnect, the metric of a gauge; "" for
   * other kinds.
   */
  public String detail() {
    EventKind kind = kind();
    return kind.isLifecycle() || kind == EventKind.RECONNECT || kind == EventKind.GAUGE
        ? details[chunk.sizeOrDetail[slot]]
        : "";
  }

  /** Items ever pushed into a buffer; {@link TraceEvent#ABSENT} for other kinds. */
  public long pushed() {
    return kind() == EventKind.BUFFER ? chunk.sequence[slot] : TraceEvent.ABSENT;
  }

  /** Items a buffer evicted so far; {@link TraceEvent#ABSENT} for other kinds. */
  public long evictions() {
    return kind() == EventKind.BUFFER ? chunk.aux[slot] : TraceEvent.ABSENT;
  }

  /**
   * Items a buffer held, as many as the {@link EventKind#BUFFER_ITEM} events that follow it; {@link
   * TraceEvent#ABSENT} for other kinds.
   */
  public int held() {
    return kind() == EventKind.BUFFER ? chunk.sizeOrDetail[slot] : TraceEvent.ABSENT;
  }

  /** A buffer item's position, 0 the oldest; {@link TraceEvent#ABSENT} for other kinds. */
  public int position() {
    return kind() == EventKind.BUFFER_ITEM ? chunk.sizeOrDetail[slot] : TraceEvent.ABSENT;
  }

  /** The attempt a reconnect decision concerns; {@link TraceEvent#ABSENT} for other kinds. */
  public long attempt() {
    return kind() == EventKind.RECONNECT ? chunk.sequence[slot] : TraceEvent.ABSENT;
  }

  /** A reconnect's delay before retrying, µs; {@link TraceEvent#ABSENT} for other kinds. */
  public long delayMicros() {
    return kind() == EventKind.RECONNECT ? chunk.aux[slot] : TraceEvent.ABSENT;
  }

  /** A reconnect's decision, one of {@link Trace#RECONNECT_DECISIONS}; "" for other kinds. */
  public String decision() {
    return kind() == EventKind.RECONNECT ? detail() : "";
  }

  /** What a gauge measured; "" for other kinds. */
  public String metric() {
    return kind() == EventKind.GAUGE ? detail() : "";
  }

  /**
   * A gauge's value, which may be any long; a clock event's bound and a lag event's lateness, in
   * ns; {@link TraceEvent#ABSENT} for other kinds (so check the kind before reading -1 as absent).
   */
  public long value() {
    return switch (kind()) {
      case GAUGE, CLOCK, LAG -> chunk.aux[slot];
      default -> TraceEvent.ABSENT;
    };
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
        detail(),
        pushed(),
        evictions(),
        held(),
        position(),
        attempt(),
        delayMicros(),
        value());
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
