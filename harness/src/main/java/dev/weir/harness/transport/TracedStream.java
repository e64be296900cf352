package dev.weir.harness.transport;

import dev.weir.harness.browser.Payload;
import dev.weir.harness.trace.EventKind;
import dev.weir.harness.trace.Trace;
import java.util.Arrays;

/**
 * One offered stream's side of the trace: it numbers the stream's messages across all its
 * subscriptions, so a resubscribing page continues the sequence rather than repeating it, and it
 * remembers each message's size so that a delivery, which the page reports by sequence only, is
 * recorded with it.
 */
final class TracedStream {

  private final Trace trace;
  private final int id;
  private final String name;
  private int[] sizes = new int[1024];
  private long next;

  TracedStream(Trace trace, String kind, String stream) {
    this.trace = trace;
    this.name = kind + " stream '" + stream + "'";
    this.id = trace.stream(stream);
  }

  String name() {
    return name;
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
    trace.send(id, sequence, size, virtualNs >= 0 ? virtualNs : trace.nowNs());
  }

  /** Messages numbered so far. */
  synchronized long sentCount() {
    return next;
  }

  /**
   * Records that the page received message {@code sequence} at {@code deliveredNs} (trace time). A
   * sequence never sent (a phantom) is recorded with size 0 for the checkers to find.
   */
  void delivered(long sequence, long deliveredNs) {
    int size;
    synchronized (this) {
      size = sequence >= 0 && sequence < next && sequence < sizes.length ? sizes[(int) sequence] : 0;
    }
    trace.delivery(id, Math.max(0, sequence), size, Math.max(0, deliveredNs));
  }

  void lifecycle(EventKind kind, String detail) {
    trace.lifecycle(kind, id, detail);
  }

  void connectAttempt(String detail, long beganNs) {
    trace.connectAttempt(id, detail, beganNs);
  }

  void lifecycle(EventKind kind, long sequence, String detail) {
    trace.lifecycle(kind, id, sequence, detail);
  }
}
