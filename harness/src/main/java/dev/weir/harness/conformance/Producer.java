package dev.weir.harness.conformance;

import dev.weir.harness.transport.Sender;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The backend of a case: plays a {@link Timeline} to whichever subscription is current, across the
 * page's re-subscriptions, and waits while there is none (the rest of the timeline moves later by
 * the wait: no burst to catch up). It stops after the timeline's last send (ending the stream, if
 * asked) or when stopped; a stream that is never stopped by the page keeps an unbounded timeline
 * going, which is what a cleanup check must see.
 */
final class Producer implements Consumer<Sender>, AutoCloseable {

  private static final long IDLE_NS = TimeUnit.MILLISECONDS.toNanos(1);

  private final Timeline timeline;
  private final boolean endWhenDone;
  private final Thread thread;
  private long heldOpenNs;
  private volatile Sender current;
  private volatile long sent;
  private volatile boolean stopped;
  private volatile boolean done;

  /** @param endWhenDone whether to end the stream from the backend after the last send */
  Producer(Timeline timeline, boolean endWhenDone) {
    this.timeline = timeline;
    this.endWhenDone = endWhenDone;
    this.thread = new Thread(this::run, "weir-producer");
    this.thread.setDaemon(true);
  }

  /**
   * Keeps the stream open, silent, for {@code tail} after the last send before ending it: what a
   * frontend holds back until the stream ends is then seen held that long. Call before {@link
   * #start()}.
   */
  Producer heldOpenFor(Duration tail) {
    heldOpenNs = tail.toNanos();
    return this;
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

  /** Whether its timeline goes as fast as the frontend takes it. */
  boolean asFastAsTaken() {
    return timeline.asFastAsTaken();
  }

  /** How many messages the timeline has ({@link Timeline#UNBOUNDED} for no end). */
  long count() {
    return timeline.count();
  }

  /**
   * Why the producer has not finished, for a run that ended before it did: how many messages it
   * sent of how many, and what it was waiting for.
   */
  String unfinished() {
    long left = timeline.count() - sent;
    Sender sender = current;
    String waiting = sender == null
        ? "the page never subscribed"
        : !sender.isOpen()
            ? "no subscription was open (the page had unsubscribed, or the connection was down)"
            : "its send of message " + sent + " was held (the page not taking messages, a full"
                + " window, or a wire fault holding messages)";
    return "The producer sent " + sent + " of " + timeline.count() + " messages; " + left
        + (left == 1 ? " was" : " were") + " never sent: " + waiting + " when the run ended.";
  }

  /** Ends the current subscription from the backend, as a backend that finished would. */
  void endCurrent() {
    Sender sender = current;
    if (sender != null) {
      sender.close();
    }
  }

  private void run() {
    long startNs = System.nanoTime(); // when send 0 is due; later by every wait for a subscriber
    try {
      while (!stopped && sent < timeline.count()) {
        Sender sender = current;
        if (sender == null || !sender.isOpen()) {
          LockSupport.parkNanos(IDLE_NS);
          startNs = Math.max(startNs, System.nanoTime() - timeline.offsetNs(sent));
          continue;
        }
        long wait = startNs + timeline.offsetNs(sent) - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
          continue;
        }
        try {
          sender.send(timeline.payload(sent));
          sent++;
        } catch (IllegalStateException ended) {
          // The subscription ended under us: wait for the next one.
        }
      }
      Sender last = current;
      if (!stopped && endWhenDone && last != null) {
        last.flush();
        long endNs = System.nanoTime() + heldOpenNs;
        for (long left = heldOpenNs; !stopped && left > 0; left = endNs - System.nanoTime()) {
          LockSupport.parkNanos(left); // close() unparks it
        }
        if (!stopped) {
          last.close();
        }
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
