package dev.weir.harness.transport;

import dev.weir.harness.browser.Payload;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A sender behind a credit window: it forwards while the page has credit, and applies the policy
 * when it has none. The page's acknowledgements ({@link #acknowledge}) give credit back.
 */
final class WindowedSender implements Sender {

  private final Sender target;
  private final Backpressure window;
  private final Deque<Long> inFlightSizes = new ArrayDeque<>();
  private final Deque<Payload> waiting = new ArrayDeque<>();
  private final AtomicLong dropped = new AtomicLong();
  private long inFlightBytes;
  private boolean closing;

  WindowedSender(Sender target, Backpressure window) {
    this.target = target;
    this.window = window;
  }

  @Override
  public synchronized void send(Payload message) {
    if (!target.isOpen()) {
      throw new IllegalStateException("the subscription is closed");
    }
    if (waiting.isEmpty() && fits(message)) {
      forward(message);
      return;
    }
    switch (window.policy()) {
      case BLOCK -> {
        waiting.add(message);
        while (!waiting.isEmpty() && target.isOpen()) {
          try {
            wait();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the page's credit", e);
          }
        }
      }
      case DROP_NEWEST -> dropped.incrementAndGet();
      case DROP_OLDEST -> {
        if (waiting.size() >= window.maxMessages()) {
          waiting.removeFirst();
          dropped.incrementAndGet();
        }
        waiting.add(message);
      }
      case LATEST_ONLY -> {
        if (!waiting.isEmpty()) {
          waiting.clear();
          dropped.incrementAndGet();
        }
        waiting.add(message);
      }
    }
  }

  /** The page consumed {@code count} more messages: credit for as many, oldest first. */
  synchronized void acknowledge(int count) {
    for (int i = 0; i < count && !inFlightSizes.isEmpty(); i++) {
      inFlightBytes -= inFlightSizes.removeFirst();
    }
    while (!waiting.isEmpty() && fits(waiting.peekFirst())) {
      forward(waiting.removeFirst());
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

  private void forward(Payload message) {
    long size = message.size();
    inFlightSizes.add(size);
    inFlightBytes += size;
    target.send(message);
  }


  /** How many deliveries the page acknowledges at once. */
  int ackEvery() {
    return window.ackEvery();
  }

  /** The reply to a subscription: {@code "ack":N}, 0 without a window, for the JS half. */
  static String ackField(WindowedSender windowed) {
    return "\"ack\":" + (windowed == null ? 0 : windowed.ackEvery());
  }

  /** Messages the policy dropped so far. */
  long dropped() {
    return dropped.get();
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
