package dev.weir.harness.trace;

import dev.weir.simulator.pacing.WallClock;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The record of a run: every send, delivery and lifecycle event of every stream, what the
 * frontend's probe reports (consumes, buffer snapshots, reconnection decisions) and the gauges the
 * harness reads, in the order they were appended. Checkers judge the run from it, and a failing run
 * leaves it behind as MCAP.
 *
 * <p>Transports append from producer threads and from CEF's thread at the same time, so every
 * method is thread-safe. An append takes one lock and allocates nothing in the steady state: the
 * event goes into primitive columns (32 bytes per event), and each distinct stream name, detail,
 * decision and metric is stored once. Measured: 32.5 bytes allocated per event over a million
 * appends, the first chunk's growth included ({@code TraceMemoryTest}; {@code gc.alloc.rate.norm}
 * 32.2–32.5 B/op in {@code dev.weir.harness.bench.TraceBenchmark}). A million events hold 32 MB in
 * about 620 arrays.
 *
 * <p>Times are nanoseconds since {@link #start()}, read from the trace's {@link WallClock} under
 * the lock, so the times Java records never decrease in append order. The page's own times
 * (deliveries, consumes, buffer snapshots, reconnection decisions) are converted by the caller and
 * stored as given. A stream is registered once by name ({@link #stream(String)}) and named by its
 * id afterwards.
 */
public final class Trace {

  /** The decisions a {@link #reconnect} may report. */
  public static final List<String> RECONNECT_DECISIONS =
      List.of("retry", "open", "reset", "give-up");

  private static final int MAX_LISTED_STREAMS = 8;
  private static final long ABSENT = TraceEvent.ABSENT;

  /** The lifecycle kinds' labels, for the message that refuses any other kind. */
  private static final String LIFECYCLE_LABELS =
      Arrays.stream(EventKind.values())
          .filter(EventKind::isLifecycle)
          .map(EventKind::label)
          .collect(Collectors.joining(", ", "(", ")"));

  /** Private, so no caller can hold up appends by locking the trace. */
  private final Object lock = new Object();

  private final WallClock clock;
  private final long originNs;
  private final EventColumns events = new EventColumns();
  private final StringDictionary streams = new StringDictionary();
  private final StringDictionary details = new StringDictionary();
  private final long[] counts = new long[EventKind.values().length];

  private Trace(WallClock clock) {
    this.clock = clock;
    this.originNs = clock.nanoTime();
  }

  /** A trace whose time 0 is now on {@link System#nanoTime()}. */
  public static Trace start() {
    return start(WallClock.SYSTEM);
  }

  /** A trace timed by {@code clock} (tests pass a manual clock to get repeatable wall times). */
  public static Trace start(WallClock clock) {
    return new Trace(Objects.requireNonNull(clock, "clock"));
  }

  /**
   * The id of the stream called {@code name}, registering it on first use: ids are 0, 1, 2 … in
   * order of registration, and the same name always gives the same id.
   */
  public int stream(String name) {
    synchronized (lock) {
      checkStreamName(name);
      if (streams.size() == EventColumns.MAX_STREAMS && !streams.contains(name)) {
        throw new IllegalStateException(
            "a trace holds at most " + EventColumns.MAX_STREAMS + " streams; cannot add " + name);
      }
      return streams.intern(name);
    }
  }

  /** The trace's current time: what the JS side's clock is converted to for deliveries. */
  public long nowNs() {
    return clock.nanoTime() - originNs;
  }

  /**
   * A reading of the trace's clock ({@link System#nanoTime()} for every trace that records a
   * page) as this trace's time: how a time read once, where something arrived, is recorded without
   * reading the clock again.
   */
  public long timeOf(long clockNanos) {
    return clockNanos - originNs;
  }

  /**
   * Records that the Java side handed message {@code sequence} of {@code stream} to its transport.
   *
   * @param virtualNs the simulator's virtual time of the message (for a reading, its time), >= 0
   * @return the send's time, as recorded
   */
  public long send(int stream, long sequence, int sizeBytes, long virtualNs) {
    synchronized (lock) {
      checkMessage(EventKind.SEND, stream, sequence, sizeBytes);
      atLeastZero(EventKind.SEND, stream, sequence, "virtual time", virtualNs, " ns");
      long nowNs = nowNs();
      append(EventKind.SEND, stream, nowNs, sequence, virtualNs, sizeBytes);
      return nowNs;
    }
  }

  /**
   * Records that the page received message {@code sequence} of {@code stream}; the time Java learns
   * of it is kept beside the page's own.
   *
   * @param deliveredNs when the page received it, in this trace's time (the JS clock converted with
   *     the help of {@link #nowNs()}), >= 0
   */
  public void delivery(int stream, long sequence, int sizeBytes, long deliveredNs) {
    synchronized (lock) {
      checkMessage(EventKind.DELIVERY, stream, sequence, sizeBytes);
      pageTime(EventKind.DELIVERY, stream, sequence, "delivery time", deliveredNs);
      append(EventKind.DELIVERY, stream, deliveredNs, sequence, nowNs(), sizeBytes);
    }
  }

  /**
   * Records that the frontend handed message {@code sequence} of {@code stream} to its application,
   * after its own reorder buffer. As for a delivery, the time Java learns of it is kept beside the
   * page's own.
   *
   * @param consumedNs when the page handed it over, in this trace's time (converted as for {@link
   *     #delivery}), >= 0
   */
  public void consume(int stream, long sequence, long consumedNs) {
    synchronized (lock) {
      checkSequence(EventKind.CONSUME, stream, sequence);
      pageTime(EventKind.CONSUME, stream, sequence, "consume time", consumedNs);
      append(EventKind.CONSUME, stream, consumedNs, sequence, nowNs(), 0);
    }
  }

  /**
   * Records a snapshot of the frontend's circular buffer named by {@code stream}: one {@link
   * EventKind#BUFFER} event, then one {@link EventKind#BUFFER_ITEM} per held item, oldest first,
   * all appended at once so no other event comes between them and no snapshot of the trace sees
   * part of them. The counts are recorded as given; whether they agree is for checkers to judge.
   *
   * @param pushed items ever pushed into the buffer, >= 0
   * @param evictions items the buffer evicted so far, >= 0
   * @param items the held items' sequences, oldest first, in {@code items[0..count)}; each >= 0.
   *     The array is read during the call only, so a caller may reuse it
   * @param count how many items the buffer holds, 0 to {@code items.length}
   * @param takenNs when the page took the snapshot, in this trace's time (converted as for {@link
   *     #delivery}), >= 0
   */
  public void buffer(
      int stream, long pushed, long evictions, long[] items, int count, long takenNs) {
    synchronized (lock) {
      checkBuffer(stream, pushed, evictions, items, count, takenNs);
      append(EventKind.BUFFER, stream, takenNs, pushed, evictions, count);
      for (int position = 0; position < count; position++) {
        append(EventKind.BUFFER_ITEM, stream, takenNs, items[position], 0, position);
      }
    }
  }

  /**
   * Records a reconnection decision the frontend reports for {@code stream}.
   *
   * @param decision one of {@link #RECONNECT_DECISIONS}: {@code retry} (wait, then try again),
   *     {@code open} (a connection is up), {@code reset} (start over from attempt 0), {@code
   *     give-up}
   * @param attempt which attempt the decision concerns, >= 0
   * @param delayMicros how long the frontend waits before retrying, >= 0 (0 when not a retry;
   *     recorded as given, so a checker can see a frontend that reports one anyway)
   * @param decidedNs when the page decided, in this trace's time (converted as for {@link
   *     #delivery}), >= 0
   */
  public void reconnect(
      int stream, String decision, long attempt, long delayMicros, long decidedNs) {
    synchronized (lock) {
      checkStream(EventKind.RECONNECT, stream);
      if (decision == null || !RECONNECT_DECISIONS.contains(decision)) {
        throw new IllegalArgumentException(
            on(EventKind.RECONNECT, stream)
                + ": decision must be one of "
                + String.join(", ", RECONNECT_DECISIONS)
                + ", got "
                + (decision == null ? "null" : "\"" + decision + "\""));
      }
      atLeastZero(EventKind.RECONNECT, stream, ABSENT, "attempt", attempt, "");
      atLeastZero(EventKind.RECONNECT, stream, ABSENT, "delay", delayMicros, " µs");
      pageTime(EventKind.RECONNECT, stream, ABSENT, "decision time", decidedNs);
      append(
          EventKind.RECONNECT, stream, decidedNs, attempt, delayMicros, details.intern(decision));
    }
  }

  /**
   * Records a value the harness observed from outside the transports, such as the JS heap after a
   * GC or a listener count, at Java's time now.
   *
   * @param metric what was measured: a short name from a small set, such as {@code js-heap-bytes}
   *     (each distinct metric is stored once for the whole trace)
   * @param value the value, any long (negative ones too)
   */
  public void gauge(int stream, String metric, long value) {
    synchronized (lock) {
      checkStream(EventKind.GAUGE, stream);
      if (metric == null || metric.isEmpty()) {
        throw new IllegalArgumentException(
            on(EventKind.GAUGE, stream)
                + ": metric must be a non-empty name such as js-heap-bytes, got "
                + (metric == null ? "null" : "\"\""));
      }
      append(EventKind.GAUGE, stream, nowNs(), ABSENT, value, details.intern(metric));
    }
  }

  /**
   * Records a lifecycle event that concerns the stream as a whole, such as an open, a close or a
   * connection attempt.
   *
   * @param detail a short reason, policy or fault kind, from a small set (each distinct detail is
   *     stored once for the whole trace); "" for none
   */
  public void lifecycle(EventKind kind, int stream, String detail) {
    synchronized (lock) {
      appendLifecycle(kind, stream, ABSENT, detail);
    }
  }

  /**
   * Records a lifecycle event that concerns message {@code sequence} (a drop, a fault applied to
   * it).
   *
   * @param detail as for {@link #lifecycle(EventKind, int, String)}
   */
  public void lifecycle(EventKind kind, int stream, long sequence, String detail) {
    synchronized (lock) {
      if (sequence < 0) {
        checkLifecycle(kind, stream);
        throw new IllegalArgumentException(
            on(kind, stream)
                + ": sequence must be >= 0, got "
                + sequence
                + "; use lifecycle(kind, stream, detail) for an event without one");
      }
      appendLifecycle(kind, stream, sequence, detail);
    }
  }

  /**
   * Records a lifecycle event that the page timed: a connection attempt whose request says when the
   * page began it (a reconnection delay is the page's wait, not the browser's connect time), a
   * frontend's report that it closed. The moment Java recorded it is kept as its arrival.
   *
   * @param detail as for {@link #lifecycle(EventKind, int, String)}
   * @param atNs when the page did it, in this trace's time (converted as for {@link #delivery}),
   *     >= 0
   */
  public void lifecycleAt(EventKind kind, int stream, String detail, long atNs) {
    synchronized (lock) {
      checkLifecycle(kind, stream);
      pageTime(kind, stream, ABSENT, "page time", atNs);
      if (detail == null) {
        throw new IllegalArgumentException(
            on(kind, stream) + ": detail must not be null; pass \"\" for none");
      }
      append(kind, stream, atNs, ABSENT, nowNs(), details.intern(detail));
    }
  }

  /**
   * Records that the page clock's conversion error bound is now {@code boundNs}: page times
   * recorded after this event are at most that far from when the page really did what they time.
   *
   * @param boundNs >= 0; {@link Long#MAX_VALUE} while no bound is known
   */
  public void clock(int stream, long boundNs) {
    synchronized (lock) {
      checkStream(EventKind.CLOCK, stream);
      atLeastZero(EventKind.CLOCK, stream, ABSENT, "bound", boundNs, " ns");
      append(EventKind.CLOCK, stream, nowNs(), ABSENT, boundNs, 0);
    }
  }

  /**
   * Records that the page's event loop ran one of weir's timers {@code lagNs} late, at the page's
   * time {@code firedNs}.
   *
   * @param lagNs >= 0
   * @param firedNs when the late timer ran, in this trace's time (converted as for {@link
   *     #delivery}), >= 0
   */
  public void lag(int stream, long lagNs, long firedNs) {
    synchronized (lock) {
      checkStream(EventKind.LAG, stream);
      atLeastZero(EventKind.LAG, stream, ABSENT, "lag", lagNs, " ns");
      pageTime(EventKind.LAG, stream, ABSENT, "firing time", firedNs);
      append(EventKind.LAG, stream, firedNs, ABSENT, lagNs, 0);
    }
  }

  /** Events appended so far. */
  public long size() {
    synchronized (lock) {
      return events.size();
    }
  }

  /** The events so far, unaffected by later appends; cheap (it copies no events). */
  public TraceSnapshot snapshot() {
    synchronized (lock) {
      return new TraceSnapshot(events.view(), streams.copy(), details.copy(), counts.clone());
    }
  }

  /** Writes the events so far to {@code target} as MCAP; see {@link TraceWriter}. */
  public void writeMcap(Path target) throws IOException {
    TraceWriter.write(snapshot(), target);
  }

  /** Refuses null and "" as stream names, which would be unreadable in a report. */
  static void checkStreamName(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException(
          "a stream name must be a non-empty string, got " + (name == null ? "null" : "\"\""));
    }
  }

  private void appendLifecycle(EventKind kind, int stream, long sequence, String detail) {
    checkLifecycle(kind, stream);
    if (detail == null) {
      throw new IllegalArgumentException(
          on(kind, stream) + ": detail must not be null; pass \"\" for none");
    }
    long nowNs = nowNs();
    append(kind, stream, nowNs, sequence, nowNs, details.intern(detail));
  }

  private void append(EventKind kind, int stream, long wallNs, long seq, long aux, int value) {
    events.append(kind, stream, wallNs, seq, aux, value);
    counts[kind.ordinal()]++;
  }

  /** Checks a send's or delivery's stream, sequence and size. */
  private void checkMessage(EventKind kind, int stream, long sequence, int sizeBytes) {
    checkSequence(kind, stream, sequence);
    atLeastZero(kind, stream, sequence, "size", sizeBytes, " bytes");
  }

  private void checkSequence(EventKind kind, int stream, long sequence) {
    checkStream(kind, stream);
    atLeastZero(kind, stream, ABSENT, "sequence", sequence, "");
  }

  private void checkBuffer(
      int stream, long pushed, long evictions, long[] items, int count, long takenNs) {
    EventKind buffer = EventKind.BUFFER;
    checkStream(buffer, stream);
    atLeastZero(buffer, stream, ABSENT, "pushed", pushed, "");
    atLeastZero(buffer, stream, ABSENT, "evictions", evictions, "");
    if (items == null) {
      throw new IllegalArgumentException(
          on(buffer, stream) + ": items must not be null; pass an empty array for an empty buffer");
    }
    if (count < 0 || count > items.length) {
      throw new IllegalArgumentException(
          on(buffer, stream)
              + ": count must be between 0 and items.length ("
              + items.length
              + "), got "
              + count);
    }
    for (int position = 0; position < count; position++) {
      if (items[position] < 0) {
        throw new IllegalArgumentException(
            on(buffer, stream)
                + ": the item at position "
                + position
                + " must be a sequence >= 0, got "
                + items[position]);
      }
    }
    pageTime(buffer, stream, ABSENT, "snapshot time", takenNs);
  }

  /**
   * Refuses a negative {@code value}: every real value is >= 0, and -1 means absent. The message
   * names the event, its stream and, unless {@code sequence} is {@link TraceEvent#ABSENT}, its
   * message; it is built only on refusal, so checking allocates nothing.
   */
  private void atLeastZero(
      EventKind kind, int stream, long sequence, String what, long value, String unit) {
    if (value < 0) {
      throw new IllegalArgumentException(
          subject(kind, stream, sequence)
              + ": "
              + what
              + " must be >= 0"
              + unit
              + ", got "
              + value);
    }
  }

  /** Refuses a page time before the trace started: it can only be a conversion error. */
  private void pageTime(EventKind kind, int stream, long sequence, String what, long timeNs) {
    if (timeNs < 0) {
      throw new IllegalArgumentException(
          subject(kind, stream, sequence)
              + ": "
              + what
              + " must be >= 0 ns since the trace started, got "
              + timeNs
              + "; convert the page's clock to the trace's with Trace.nowNs()");
    }
  }

  private void checkLifecycle(EventKind kind, int stream) {
    if (kind == null || !kind.isLifecycle()) {
      throw new IllegalArgumentException(
          "expected a lifecycle kind "
              + LIFECYCLE_LABELS
              + (kind == null
                  ? ", got null"
                  : ", got " + kind.label() + "; record it with Trace." + recorder(kind)));
    }
    checkStream(kind, stream);
  }

  /** The method that records {@code kind}, for a message that points there. */
  private static String recorder(EventKind kind) {
    return kind == EventKind.BUFFER_ITEM ? "buffer" : kind.label();
  }

  private void checkStream(EventKind kind, int stream) {
    if (stream >= 0 && stream < streams.size()) {
      return;
    }
    StringBuilder known = new StringBuilder();
    int listed = Math.min(streams.size(), MAX_LISTED_STREAMS);
    for (int id = 0; id < listed; id++) {
      known.append(id == 0 ? "" : ", ").append(describe(id));
    }
    if (listed < streams.size()) {
      known.append(", …");
    }
    throw new IllegalArgumentException(
        kind.label()
            + ": unknown stream id "
            + stream
            + "; "
            + (streams.size() == 0
                ? "this trace has no streams yet"
                : "this trace has streams " + known)
            + ". Register a stream with Trace.stream(name) and pass the id it returns");
  }

  private String subject(EventKind kind, int stream, long sequence) {
    return sequence == ABSENT ? on(kind, stream) : where(kind, stream, sequence);
  }

  private String where(EventKind kind, int stream, long sequence) {
    return kind.label() + " of sequence " + sequence + " on stream " + describe(stream);
  }

  private String on(EventKind kind, int stream) {
    return kind.label() + " on stream " + describe(stream);
  }

  private String describe(int stream) {
    return stream + " (" + streams.get(stream) + ")";
  }
}
