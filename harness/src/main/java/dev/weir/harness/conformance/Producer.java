package dev.weir.harness.conformance;

import dev.weir.harness.browser.Payload;
import dev.weir.harness.transport.Sender;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The backend of a case: sends simulated readings at a steady pace to whichever subscription is
 * current, across the page's re-subscriptions, and waits while there is none. It stops after its
 * count (ending the stream, if asked) or when stopped; a stream that is never stopped by the page
 * keeps it going, which is what a cleanup check must see.
 */
final class Producer implements Consumer<Sender>, AutoCloseable {

  /** No limit: until {@link #close()}. */
  static final long UNBOUNDED = Long.MAX_VALUE;

  private static final long IDLE_NS = TimeUnit.MILLISECONDS.toNanos(1);

  private final Payload[] payloads;
  private final long count;
  private final long intervalNs;
  private final boolean endWhenDone;
  private final Thread thread;
  private volatile Sender current;
  private volatile long sent;
  private volatile boolean stopped;
  private volatile boolean done;

  /**
   * @param payloads sent in turn, from the first again after the last
   * @param count how many to send, or {@link #UNBOUNDED}
   * @param interval the pause between sends; zero for as fast as the transport takes them
   * @param endWhenDone whether to end the stream from the backend after the last
   */
  Producer(Payload[] payloads, long count, Duration interval, boolean endWhenDone) {
    this.payloads = payloads;
    this.count = count;
    this.intervalNs = interval.toNanos();
    this.endWhenDone = endWhenDone;
    this.thread = new Thread(this::run, "weir-producer");
    this.thread.setDaemon(true);
  }

  /** A subscription started: send to it from now on. */
  @Override
  public void accept(Sender sender) {
    current = sender;
    LockSupport.unpark(thread);
  }

  void start() {
    thread.start();
  }

  /** Messages sent so far, over every subscription. */
  long sent() {
    return sent;
  }

  /** True once the count is reached (and the stream ended, if asked) or it was stopped. */
  boolean done() {
    return done;
  }

  /** Ends the current subscription from the backend, as a backend that finished would. */
  void endCurrent() {
    Sender sender = current;
    if (sender != null) {
      sender.close();
    }
  }

  private void run() {
    long next = System.nanoTime();
    try {
      while (!stopped && sent < count) {
        Sender sender = current;
        if (sender == null || !sender.isOpen()) {
          LockSupport.parkNanos(IDLE_NS);
          next = System.nanoTime(); // no burst to catch up after a gap
          continue;
        }
        long wait = next - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
          continue;
        }
        try {
          sender.send(payloads[(int) (sent % payloads.length)]);
          sent++;
          next += intervalNs;
        } catch (IllegalStateException ended) {
          // The subscription ended under us: wait for the next one.
        }
      }
      if (!stopped && endWhenDone && current != null) {
        current.close();
      }
    } finally {
      done = true;
    }
  }

  /** Stops sending and waits for the producer's thread to finish. */
  @Override
  public void close() {
    stopped = true;
    LockSupport.unpark(thread);
    Sender sender = current;
    if (sender != null && !done) {
      // A send blocked on a full window waits for credit that may never come.
      thread.interrupt();
    }
    try {
      thread.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
