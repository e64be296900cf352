package dev.weir.harness.transport;

import dev.weir.harness.browser.Payload;
import java.util.function.LongSupplier;

/**
 * The harness's own pacing of one subscription sent as fast as the frontend takes it: before a
 * message is sent (and so recorded), the producer waits while the page has not taken enough of
 * those in flight. The JS half acknowledges as the page's handler returns. The limits: bytes in
 * flight; nothing sent while the oldest in flight has waited longer than a set age; and messages in
 * flight, a window that follows how long the page takes them (halved when what it took had waited
 * longer than the age, grown by what it took when that had waited less than half of it, within 16
 * and the limit) — so a fast page gets a deep queue, and a slow or starved one no more than it takes
 * in that time: no message waits long in front of the page because of weir.
 *
 * <p>A message is never held inside the transport: a subscription that ends while the producer
 * waits ends the wait with nothing sent, and the producer sends the message to the next one.
 */
final class Pace {

  /** The fewest messages the window lets in flight. */
  private static final int LEAST = 16;

  private final Offer.Pacing limits;
  private final long maxAgeNs;
  private final LongSupplier nanoTime;
  private int window;
  private final long[] sentNs;
  private final int[] sizes;
  private int oldest;
  private int inFlight;
  private long bytes;
  private boolean ended;

  Pace(Offer.Pacing limits) {
    this(limits, System::nanoTime);
  }

  /** A pace whose clock is {@code nanoTime} (tests pass their own). */
  Pace(Offer.Pacing limits, LongSupplier nanoTime) {
    this.limits = limits;
    this.nanoTime = nanoTime;
    this.maxAgeNs = limits.maxAge().toNanos();
    this.sentNs = new long[limits.maxMessages()];
    this.sizes = new int[limits.maxMessages()];
    this.window = Math.min(limits.maxMessages(), 4 * LEAST);
  }

  /**
   * Waits until there is room for {@code message}.
   *
   * @throws IllegalStateException when the subscription ended meanwhile, or the wait was
   *     interrupted: nothing was sent
   */
  synchronized void awaitRoom(Payload message) {
    while (!ended && full(message)) {
      try {
        wait(); // full by count, bytes or age: only the page taking messages makes room
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for the page to take messages", e);
      }
    }
    if (ended) {
      throw new IllegalStateException("the subscription ended while the producer waited for the page");
    }
  }

  private boolean full(Payload message) {
    if (inFlight == 0) {
      return false; // one message, however large, is always let through
    }
    return inFlight >= window
        || bytes + message.size() > limits.maxBytes()
        || nanoTime.getAsLong() - sentNs[oldest] > maxAgeNs;
  }

  /** {@code message} was sent. */
  synchronized void sent(Payload message) {
    int slot = (oldest + inFlight) % sentNs.length;
    sentNs[slot] = nanoTime.getAsLong();
    sizes[slot] = message.size();
    inFlight++;
    bytes += message.size();
  }

  /**
   * The page took {@code count} more messages, oldest first (more than in flight is ignored); the
   * window follows how long the newest of them had waited.
   */
  synchronized void taken(int count) {
    long newestSentNs = Long.MAX_VALUE;
    int took = 0;
    for (; took < count && inFlight > 0; took++) {
      newestSentNs = sentNs[oldest];
      bytes -= sizes[oldest];
      oldest = (oldest + 1) % sentNs.length;
      inFlight--;
    }
    if (took > 0) {
      long waitedNs = nanoTime.getAsLong() - newestSentNs;
      if (waitedNs > maxAgeNs) {
        window = Math.max(LEAST, window / 2);
      } else if (waitedNs < maxAgeNs / 2) {
        window = Math.min(sentNs.length, window + took);
      }
    }
    notifyAll();
  }

  /** The subscription ended: a producer waiting for room stops waiting. */
  synchronized void ended() {
    ended = true;
    notifyAll();
  }
}
