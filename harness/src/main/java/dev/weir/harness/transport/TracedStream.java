package dev.weir.harness.transport;

import dev.weir.harness.browser.Payload;
import dev.weir.harness.trace.EventKind;
import dev.weir.harness.trace.Trace;
import dev.weir.harness.trace.TraceEvent;
import java.util.Arrays;

/**
 * One offered stream's side of the trace: it numbers the stream's messages across all its
 * subscriptions, so a resubscribing page continues the sequence rather than repeating it, and it
 * remembers each message's size so that a delivery, which the page reports by sequence only, is
 * recorded with it. It also keeps the send times of the last {@value #SEND_TIMES} messages, so
 * that a delivery can be held against its send (a sample and a self-check of the page's clock).
 */
final class TracedStream {

  /** Send times kept: deliveries trail their sends by far fewer messages than this. */
  static final int SEND_TIMES = 1 << 16;

  private final Trace trace;
  private final int id;
  private final String name;
  private final String stream;
  private int[] sizes = new int[1024];
  private final long[] sentNs = new long[SEND_TIMES];
  private long next;

  TracedStream(Trace trace, String kind, String stream) {
    this.trace = trace;
    this.name = kind + " stream '" + stream + "'";
    this.stream = stream;
    this.id = trace.stream(stream);
  }

  String name() {
    return name;
  }

  /** The stream's name, as offered. */
  String stream() {
    return stream;
  }

  Trace trace() {
    return trace;
  }

  int id() {
    return id;
  }

  /** The next message's sequence. */
  synchronized long next() {
    long sequence = next++;
    if (sequence >= sizes.length && sizes.length < Integer.MAX_VALUE - 8) {
      sizes = Arrays.copyOf(sizes, (int) Math.min(Integer.MAX_VALUE - 8, sizes.length * 2L));
    }
    return sequence;
  }

  /** Records the send of message {@code sequence}. */
  void sent(long sequence, Payload message, long virtualNs) {
    int size = message.size();
    synchronized (this) {
      if (sequence < sizes.length) {
        sizes[(int) sequence] = size;
      }
    }
    long at = trace.send(id, sequence, size, virtualNs >= 0 ? virtualNs : trace.nowNs());
    synchronized (this) {
      sentNs[(int) (sequence & (SEND_TIMES - 1))] = at;
    }
  }

  /** Messages numbered so far. */
  synchronized long sentCount() {
    return next;
  }

  /**
   * Records that the page received message {@code sequence} at {@code deliveredNs} (trace time). A
   * sequence never sent (a phantom) is recorded with size 0 for the checkers to find.
   *
   * @return when it was sent (trace time), or {@link TraceEvent#ABSENT} when that is not known: not
   *     sent yet, or more than {@value #SEND_TIMES} messages ago
   */
  long delivered(long sequence, long deliveredNs) {
    int size;
    long sent;
    synchronized (this) {
      boolean known = sequence >= 0 && sequence < next;
      size = known && sequence < sizes.length ? sizes[(int) sequence] : 0;
      sent = known && next - sequence <= SEND_TIMES ? sentNs[(int) (sequence & (SEND_TIMES - 1))]
          : TraceEvent.ABSENT;
    }
    trace.delivery(id, Math.max(0, sequence), size, Math.max(0, deliveredNs));
    return sent;
  }

  void lifecycle(EventKind kind, String detail) {
    trace.lifecycle(kind, id, detail);
  }

  /** A lifecycle event the page timed: at {@code atNs}, trace time. */
  void lifecycleAt(EventKind kind, String detail, long atNs) {
    trace.lifecycleAt(kind, id, detail, atNs);
  }

  void lifecycle(EventKind kind, long sequence, String detail) {
    trace.lifecycle(kind, id, sequence, detail);
  }
}
