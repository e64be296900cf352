package dev.weir.harness.transport;

import dev.weir.harness.trace.EventKind;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One subscription as its transport tracks it: its declared window or the harness's pace, if any,
 * and how it ends. It ends once, whichever side ends it first.
 */
final class Subscription {

  private final TracedStream traced;
  private final Runnable forget;
  private final AtomicBoolean ended = new AtomicBoolean();
  private TransportWire wire;
  private WindowedWire window;
  private Pace pace;

  /** @param forget removes the subscription from its transport's registry */
  Subscription(TracedStream traced, Runnable forget) {
    this.traced = traced;
    this.forget = forget;
  }

  /** Completes construction, before the subscription is published. */
  void attach(TransportWire transportWire, WindowedWire windowOrNull, Pace paceOrNull) {
    this.wire = transportWire;
    this.window = windowOrNull;
    this.pace = paceOrNull;
  }

  /** The page's JS half took {@code count} more messages (the pace's acknowledgement). */
  void paced(int count) {
    if (pace != null) {
      pace.taken(count);
    }
  }

  /** How often the page acknowledges its declared window: 0 when the stream has none. */
  int ackEvery() {
    return window == null ? 0 : window.ackEvery();
  }

  /** {@code "ack":N}, for the JS half's reply. */
  String ackField() {
    return "\"ack\":" + ackEvery();
  }

  /** The page consumed {@code count} more messages (the declared window's acknowledgement). */
  void acknowledge(int count) {
    if (window != null) {
      window.acknowledge(count);
    }
  }

  /** The stream's name. */
  String stream() {
    return traced.stream();
  }

  /** True once either side has ended it. */
  boolean isEnded() {
    return ended.get();
  }

  WindowedWire window() {
    return window;
  }

  /** The page ended it (unsubscribed, closed the connection, reloaded): recorded as a close. */
  void closedByPage(String reason) {
    if (ended.compareAndSet(false, true)) {
      traced.lifecycle(EventKind.CLOSE, reason);
      wire.detach();
      release();
    }
  }

  /** The transport's wire closed after the backend ended the stream: forget it. */
  void ended() {
    if (ended.compareAndSet(false, true)) {
      release();
    }
  }

  private void release() {
    forget.run();
    if (window != null) {
      window.detached(); // a producer blocked on credit must see the end
    }
    if (pace != null) {
      pace.ended(); // a producer waiting for the page must see the end
    }
  }
}
