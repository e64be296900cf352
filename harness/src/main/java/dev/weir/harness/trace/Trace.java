package dev.weir.harness.trace;

import dev.weir.simulator.pacing.WallClock;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The record of a run: every send, delivery and lifecycle event of every stream, in the order they
 * were appended. Checkers judge the run from it, and a failing run leaves it behind as MCAP.
 *
 * <p>Transports append from producer threads and from CEF's thread at the same time, so every
 * method is thread-safe. An append takes one lock and allocates nothing in the steady state: the
 * event goes into primitive columns (32 bytes per event), and each distinct stream name and detail
 * is stored once. Measured: 32.5 bytes allocated per event over a million appends, the first
 * chunk's growth included ({@code TraceMemoryTest}; {@code gc.alloc.rate.norm} 32.2–32.5 B/op in
 * {@code dev.weir.harness.bench.TraceBenchmark}). A million events hold 32 MB in about 620 arrays.
 *
 * <p>Times are nanoseconds since {@link #start()}, read from the trace's {@link WallClock} under
 * the lock, so the times Java records never decrease in append order (a delivery's own time is the
 * page's). A stream is registered once by name ({@link #stream(String)}) and named by its id
 * afterwards.
 */
public final class Trace {

  private static final int MAX_LISTED_STREAMS = 8;

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
   * Records that the Java side handed message {@code sequence} of {@code stream} to its transport.
   *
   * @param virtualNs the simulator's virtual time of the message (for a reading, its time), >= 0
   */
  public void send(int stream, long sequence, int sizeBytes, long virtualNs) {
    synchronized (lock) {
      checkMessage(EventKind.SEND, stream, sequence, sizeBytes, virtualNs);
      append(EventKind.SEND, stream, nowNs(), sequence, virtualNs, sizeBytes);
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
      checkMessage(EventKind.DELIVERY, stream, sequence, sizeBytes, deliveredNs);
      append(EventKind.DELIVERY, stream, deliveredNs, sequence, nowNs(), sizeBytes);
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
      appendLifecycle(kind, stream, TraceEvent.ABSENT, detail);
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
    append(kind, stream, nowNs(), sequence, 0, details.intern(detail));
  }

  private void append(EventKind kind, int stream, long wallNs, long seq, long aux, int value) {
    events.append(kind, stream, wallNs, seq, aux, value);
    counts[kind.ordinal()]++;
  }

  /** Checks a send's or delivery's arguments; {@code timeNs} is its virtual or delivery time. */
  private void checkMessage(EventKind kind, int stream, long sequence, int sizeBytes, long timeNs) {
    checkStream(kind, stream);
    if (sequence < 0) {
      throw new IllegalArgumentException(
          on(kind, stream) + ": sequence must be >= 0, got " + sequence);
    }
    if (sizeBytes < 0) {
      throw new IllegalArgumentException(
          where(kind, stream, sequence) + ": size must be >= 0 bytes, got " + sizeBytes);
    }
    if (timeNs < 0) {
      throw new IllegalArgumentException(
          where(kind, stream, sequence)
              + (kind == EventKind.SEND
                  ? ": virtual time must be >= 0 ns, got " + timeNs
                  : ": delivery time must be >= 0 ns since the trace started, got "
                      + timeNs
                      + "; convert the page's clock to the trace's with Trace.nowNs()"));
    }
  }

  private void checkLifecycle(EventKind kind, int stream) {
    if (kind == null || !kind.isLifecycle()) {
      throw new IllegalArgumentException(
          "expected a lifecycle kind (open, close, end, connect-attempt, refusal, drop, fault),"
              + (kind == null
                  ? " got null"
                  : " got " + kind.label() + "; record it with Trace." + kind.label()));
    }
    checkStream(kind, stream);
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
