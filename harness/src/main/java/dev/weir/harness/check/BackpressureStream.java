package dev.weir.harness.check;

import dev.weir.harness.trace.TraceCursor;

/**
 * One stream's side of the backpressure check: which messages are in flight — sent, neither
 * consumed by the frontend's application nor dropped — at each of its sends.
 *
 * <p>Consumes are timed by the page but appended late, in batches, so their place in the trace is
 * not their time. The stream therefore reads them with a cursor of its own ({@code consumes}, this
 * stream's consume events only), advanced at each send to the consumes timed up to the send plus
 * the clock tolerance; page times of one page rise, so each consume is read once. Drops are timed
 * by Java and counted as the main pass meets them: a drop recorded after a send does not help it.
 *
 * <p>The state of a sequence — sent, consumed, dropped, its size and its send's event — lives in a
 * sliding ring of the newest {@code window} sequences (13 bytes a slot), grown by doubling from 64
 * as the span in use grows, never beyond the window. A sequence older than the ring is forgotten:
 * if it was still in flight it is counted in {@link #evictedInFlight} with its bytes summed, and a
 * later consume or drop of a forgotten sequence settles one of those (a repeat of one that was
 * settled cannot be told apart, and is taken as settling one of them while any remain). Message
 * counts stay exact; bytes are exact unless such a message is settled: then the largest forgotten
 * size is taken off (the whole remainder for the last one), so bytes in flight are never
 * overstated and a bound is never failed falsely.
 */
final class BackpressureStream {

  private static final byte SENT = 1;
  private static final byte CONSUMED = 2;
  private static final byte DROPPED = 4;

  /** Dropped for a reason outside the window (a declared fault, the resume buffer). */
  private static final byte EXCUSED = 8;

  private static final int FIRST_CAPACITY = 64;

  private final String stream;
  private final TraceCursor consumes;
  private final int window;
  private final BackpressureTally tally;

  private byte[] flags = new byte[FIRST_CAPACITY];
  private int[] sizes = new int[FIRST_CAPACITY];
  private long[] sendIndex = new long[FIRST_CAPACITY];
  private int mask = FIRST_CAPACITY - 1;

  /** The lowest sequence held; every slot outside [base, top] is clear. */
  private long base;

  private long top = -1;

  /** True when {@link #consumes} stands on a consume not yet due. */
  private boolean consumeWaiting;

  private long inFlight;
  private long inFlightBytes;
  private long evictedInFlight;
  private long evictedBytes;
  private int largestEvicted;
  private long lastSent = -1;
  private long lastSendIndex = -1;
  private long endIndex = -1;

  /**
   * @param consumes a cursor over this stream's consume events only
   * @param window the most consecutive sequences held, a power of two >= 64
   */
  BackpressureStream(String stream, TraceCursor consumes, int window, BackpressureTally tally) {
    this.stream = stream;
    this.consumes = consumes;
    this.window = window;
    this.tally = tally;
    tally.countStream();
  }

  String name() {
    return stream;
  }

  /**
   * A send of {@code sequence} at event {@code at}, after the consumes timed up to {@code dueNs}.
   * A sequence sent again is the same message (it counts as a send, not again as in flight).
   */
  void sent(long sequence, int size, long at, long dueNs) {
    consumeUntil(dueNs);
    tally.countSend();
    lastSent = sequence;
    lastSendIndex = at;
    if (sequence < base) {
      // Older than the ring: in flight, and forgotten at once.
      inFlight++;
      inFlightBytes += size;
      forget(size);
      return;
    }
    hold(sequence);
    int s = slot(sequence);
    byte f = flags[s];
    if ((f & SENT) != 0) {
      return;
    }
    flags[s] = (byte) (f | SENT);
    sizes[s] = size;
    sendIndex[s] = at;
    if ((f & CONSUMED) != 0) {
      tally.countConsumed(); // its consume, timed within the tolerance, was read first
    } else if ((f & DROPPED) == 0) {
      inFlight++;
      inFlightBytes += size;
    }
  }

  long inFlight() {
    return inFlight;
  }

  long inFlightBytes() {
    return inFlightBytes;
  }

  /** A drop of {@code sequence}; {@code window} when a window policy dropped it. */
  void dropped(long sequence, boolean window) {
    settle(sequence, window ? DROPPED : (byte) (DROPPED | EXCUSED));
  }

  void ended(long at) {
    if (endIndex < 0) {
      endIndex = at;
    }
  }

  /**
   * Reads the rest of the consumes and, if the stream ended, offers what is unaccounted for and,
   * when {@code newestMustArrive}, a last message never consumed.
   */
  void finish(boolean newestMustArrive) {
    consumeUntil(Long.MAX_VALUE);
    if (endIndex < 0) {
      return;
    }
    if (inFlight > 0) {
      tally.countUnaccounted(inFlight);
      long first = evictedInFlight > 0 ? -1 : firstUnsettled();
      tally.found(
          BackpressureDefect.UNACCOUNTED,
          stream,
          first,
          first < 0 ? endIndex : sendIndex[slot(first)],
          inFlight,
          "");
    }
    if (newestMustArrive && lastSent >= base) {
      byte f = flags[slot(lastSent)];
      if ((f & (CONSUMED | EXCUSED)) == 0) {
        tally.found(
            BackpressureDefect.NEWEST_NOT_DELIVERED, stream, lastSent, lastSendIndex, 0, "");
      }
    }
  }

  /** Settles each consume timed at or before {@code dueNs}. */
  private void consumeUntil(long dueNs) {
    while (consumeWaiting || consumes.next()) {
      if (consumes.wallNs() > dueNs) {
        consumeWaiting = true;
        return;
      }
      consumeWaiting = false;
      if (settle(consumes.sequence(), CONSUMED)) {
        tally.countConsumed();
      }
    }
    consumeWaiting = false;
  }

  /**
   * Marks {@code sequence} consumed or dropped; true if that settled a message in flight (the first
   * consume or drop of a sent message). Settling one not yet sent marks it, so its send, read
   * later, does not count it in flight. A sequence more than a window beyond the newest is ignored:
   * no send can be waiting for it.
   */
  private boolean settle(long sequence, byte how) {
    if (sequence < base) {
      if (evictedInFlight == 0) {
        return false;
      }
      long taken = evictedInFlight == 1 ? evictedBytes : Math.min(evictedBytes, largestEvicted);
      evictedInFlight--;
      evictedBytes -= taken;
      inFlightBytes -= taken;
      inFlight--;
      return true;
    }
    if (sequence - top > window) {
      return false;
    }
    hold(sequence);
    int s = slot(sequence);
    byte f = flags[s];
    if ((f & (CONSUMED | DROPPED)) != 0) {
      return false;
    }
    flags[s] = (byte) (f | how);
    if ((f & SENT) == 0) {
      return false;
    }
    inFlight--;
    inFlightBytes -= sizes[s];
    return true;
  }

  /** The lowest sequence in the ring sent and neither consumed nor dropped; -1 for none. */
  private long firstUnsettled() {
    for (long q = base; q <= top; q++) {
      if ((flags[slot(q)] & (SENT | CONSUMED | DROPPED)) == SENT) {
        return q;
      }
    }
    return -1;
  }

  /** Makes room for {@code sequence}, growing the ring or forgetting the oldest sequences. */
  private void hold(long sequence) {
    if (sequence <= top) {
      return;
    }
    long span = sequence - base + 1;
    if (span > flags.length && flags.length < window) {
      grow((int) Math.min(window, Long.highestOneBit(span - 1) << 1));
    }
    long keepFrom = sequence - flags.length + 1;
    long forgetTo = Math.min(keepFrom, top + 1);
    for (long q = base; q < forgetTo; q++) {
      int s = slot(q);
      if ((flags[s] & (SENT | CONSUMED | DROPPED)) == SENT) {
        forget(sizes[s]);
      }
      flags[s] = 0;
    }
    base = Math.max(base, keepFrom);
    top = sequence;
  }

  /** A message still in flight leaves the ring: its count stays, its size joins the forgotten. */
  private void forget(int size) {
    evictedInFlight++;
    evictedBytes += size;
    largestEvicted = Math.max(largestEvicted, size);
  }

  private void grow(int capacity) {
    byte[] newFlags = new byte[capacity];
    int[] newSizes = new int[capacity];
    long[] newIndex = new long[capacity];
    int newMask = capacity - 1;
    for (long q = base; q <= top; q++) {
      int from = slot(q);
      int to = (int) (q & newMask);
      newFlags[to] = flags[from];
      newSizes[to] = sizes[from];
      newIndex[to] = sendIndex[from];
    }
    flags = newFlags;
    sizes = newSizes;
    sendIndex = newIndex;
    mask = newMask;
  }

  private int slot(long sequence) {
    return (int) (sequence & mask);
  }
}
