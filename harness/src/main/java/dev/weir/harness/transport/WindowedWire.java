package dev.weir.harness.transport;

import dev.weir.harness.browser.Payload;
import dev.weir.harness.trace.EventKind;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * A wire behind a credit window: it forwards while the page has credit and applies the policy when
 * it has none, recording every drop in the trace. The page's acknowledgements ({@link
 * #acknowledge}) give credit back.
 */
final class WindowedWire implements Wire {

  private record Waiting(long sequence, Payload message) {}

  /** The detail of a drop of a message its window held until the subscription ended. */
  static final String UNSENT = "unsent";

  private final Wire target;
  private final Backpressure window;
  private final TracedStream traced;
  private final String dropDetail;
  private final Deque<Long> inFlightSizes = new ArrayDeque<>();
  private final Deque<Waiting> waiting = new ArrayDeque<>();
  private long inFlightBytes;
  private long dropped;
  private boolean closing;

  WindowedWire(Wire target, Backpressure window, TracedStream traced) {
    this.target = target;
    this.window = window;
    this.traced = traced;
    this.dropDetail = window.policy().name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  @Override
  public synchronized void send(long sequence, Payload message) {
    if (!target.isOpen()) {
      throw new IllegalStateException("the subscription is closed");
    }
    if (waiting.isEmpty() && fits(message)) {
      forward(sequence, message);
      return;
    }
    switch (window.policy()) {
      case BLOCK -> {
        Waiting mine = new Waiting(sequence, message);
        waiting.add(mine);
        while (waiting.contains(mine) && target.isOpen()) {
          try {
            wait();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unsent(mine);
            throw new IllegalStateException("Interrupted while waiting for the page's credit", e);
          }
        }
        if (waiting.contains(mine)) {
          unsent(mine);
          throw new IllegalStateException("the subscription ended before the page had credit for"
              + " message " + sequence);
        }
      }
      case DROP_NEWEST -> drop(sequence);
      case DROP_OLDEST -> {
        if (waiting.size() >= window.maxMessages()) {
          drop(waiting.removeFirst().sequence());
        }
        waiting.add(new Waiting(sequence, message));
      }
      case LATEST_ONLY -> {
        for (Waiting older : waiting) {
          drop(older.sequence());
        }
        waiting.clear();
        waiting.add(new Waiting(sequence, message));
      }
    }
  }

  private void drop(long sequence) {
    dropped++;
    traced.lifecycle(EventKind.DROP, sequence, dropDetail);
  }

  /**
   * A message the window held until its subscription ended (or its producer stopped): it never
   * left, and a drop {@value #UNSENT} says so, so no checker takes it for one the page lost. The
   * producer sends the reading again, under a new sequence, to the next subscription.
   */
  private void unsent(Waiting message) {
    if (waiting.remove(message)) {
      traced.lifecycle(EventKind.DROP, message.sequence(), UNSENT);
    }
  }

  /** The page consumed {@code count} more messages: credit for as many, oldest first. */
  synchronized void acknowledge(int count) {
    for (int i = 0; i < count && !inFlightSizes.isEmpty(); i++) {
      inFlightBytes -= inFlightSizes.removeFirst();
    }
    while (!waiting.isEmpty() && target.isOpen() && fits(waiting.peekFirst().message())) {
      Waiting next = waiting.removeFirst();
      forward(next.sequence(), next.message());
    }
    if (waiting.isEmpty() && closing) {
      closing = false;
      target.close();
    }
    notifyAll();
  }

  private boolean fits(Payload message) {
    return inFlightSizes.size() < window.maxMessages()
        && (inFlightSizes.isEmpty() || inFlightBytes + message.size() <= window.maxBytes());
  }

  private void forward(long sequence, Payload message) {
    long size = message.size();
    inFlightSizes.add(size);
    inFlightBytes += size;
    target.send(sequence, message);
  }

  /** How many deliveries the page acknowledges at once. */
  int ackEvery() {
    return window.ackEvery();
  }

  /** Messages the policy dropped so far. */
  synchronized long dropped() {
    return dropped;
  }

  /** Messages sent and not yet acknowledged. */
  synchronized int inFlight() {
    return inFlightSizes.size();
  }

  /** Ends the stream once what waits has been sent; nothing waiting is dropped by closing. */
  @Override
  public synchronized void close() {
    if (waiting.isEmpty()) {
      target.close();
    } else {
      closing = true;
    }
    notifyAll();
  }

  @Override
  public boolean isOpen() {
    return target.isOpen();
  }

  /** The page went away: wake a blocked producer. */
  synchronized void detached() {
    notifyAll();
  }
}
