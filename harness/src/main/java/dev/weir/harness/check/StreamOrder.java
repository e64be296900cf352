package dev.weir.harness.check;

import static dev.weir.harness.check.OrderingDefect.ALLOWED_LOST;
import static dev.weir.harness.check.OrderingDefect.DUPLICATE;
import static dev.weir.harness.check.OrderingDefect.LOST;
import static dev.weir.harness.check.OrderingDefect.OUT_OF_ORDER;
import static dev.weir.harness.check.OrderingDefect.PHANTOM;
import static dev.weir.harness.check.OrderingDefect.RESENT;
import static dev.weir.harness.check.OrderingDefect.STALL;

/**
 * One stream's side of the ordering check: what became of each sequence, matched by number whatever
 * order the trace recorded sends, arrivals and drops in.
 *
 * <p>The state of a sequence lives in a sliding window of the last {@code window} sequences: a ring
 * of primitive slots (a flag byte, a time and an event index: 17 bytes), grown by doubling as the
 * span in use grows, never beyond the window. A sequence is settled — counted fine, lost, dropped
 * or phantom — when it leaves the window (a sequence {@code window} newer is seen) or at the end of
 * the trace. So memory is set by the window, not by the stream's length, and each sequence costs a
 * constant amount of work.
 *
 * <p>Outside the window nothing is remembered, so: an arrival below it counts as out of order, a
 * send below it as resent, a drop below it is moot (the message was already settled); an arrival or
 * drop more than a window ahead of the newest send is a phantom at once, or ignored.
 */
final class StreamOrder {

  private static final byte SENT = 1;
  private static final byte ARRIVED = 2;
  private static final byte DROPPED = 4;

  /** Arrived with a defect (twice, out of order, late): not counted as fine. */
  private static final byte FLAGGED = 8;

  /** A duplicate already counted, so a third copy is not counted again. */
  private static final byte DUPLICATED = 16;

  private static final int FIRST_CAPACITY = 64;

  private final String stream;
  private final int window;
  private final long stallNs;
  private final OrderingTally tally;

  private byte[] flags = new byte[FIRST_CAPACITY];

  /** The send's wall time once sent; until then the first arrival's. */
  private long[] timeNs = new long[FIRST_CAPACITY];

  /**
   * The event a finding about the sequence names: its send; before that its first arrival; a drop
   * for a message that has not arrived.
   */
  private long[] index = new long[FIRST_CAPACITY];

  private int mask = FIRST_CAPACITY - 1;

  /** The lowest sequence held; every slot outside [base, top] is clear. */
  private long base;

  private long top = -1;
  private long maxSent = -1;
  private long maxArrived = -1;

  StreamOrder(String stream, int window, long stallNs, OrderingTally tally) {
    this.stream = stream;
    this.window = window;
    this.stallNs = stallNs;
    this.tally = tally;
    tally.countStream();
  }

  /**
   * A send of {@code sequence} at event {@code at}.
   *
   * @param nowNs the latest time the trace has reached, for messages this send pushes out
   */
  void sent(long sequence, long at, long wallNs, long nowNs) {
    tally.countSend();
    if (sequence < base) {
      tally.found(RESENT, stream, sequence, at, maxSent, true);
      return;
    }
    hold(sequence, nowNs);
    int s = slot(sequence);
    byte f = flags[s];
    if ((f & SENT) != 0) {
      tally.found(RESENT, stream, sequence, at, maxSent, false);
      return;
    }
    // It arrived before its send was recorded: its wait is known only now.
    if ((f & ARRIVED) != 0 && stalled(sequence, index[s], timeNs[s] - wallNs, false)) {
      f |= FLAGGED;
    }
    if ((f & (DROPPED | ARRIVED)) != DROPPED) {
      index[s] = at;
    }
    flags[s] = (byte) (f | SENT);
    timeNs[s] = wallNs;
    maxSent = Math.max(maxSent, sequence);
  }

  /** An arrival of {@code sequence} at event {@code at}, received at {@code wallNs}. */
  void arrived(long sequence, long at, long wallNs, long nowNs) {
    tally.countArrival();
    if (sequence < base) {
      tally.found(OUT_OF_ORDER, stream, sequence, at, top, true);
      return;
    }
    if (sequence - maxSent > window) {
      tally.found(PHANTOM, stream, sequence, at, maxSent, true);
      return;
    }
    hold(sequence, nowNs);
    int s = slot(sequence);
    byte f = flags[s];
    if ((f & ARRIVED) != 0) {
      if ((f & DUPLICATED) == 0) {
        flags[s] = (byte) (f | DUPLICATED | FLAGGED);
        tally.found(DUPLICATE, stream, sequence, at, 0, false);
      }
      return;
    }
    f |= ARRIVED;
    if (sequence < maxArrived) {
      f |= FLAGGED;
      tally.found(OUT_OF_ORDER, stream, sequence, at, maxArrived, false);
    }
    maxArrived = Math.max(maxArrived, sequence);
    if ((f & SENT) != 0) {
      if (stalled(sequence, at, wallNs - timeNs[s], false)) {
        f |= FLAGGED;
      }
    } else {
      timeNs[s] = wallNs;
      index[s] = at;
    }
    flags[s] = f;
  }

  /** A drop of {@code sequence} at event {@code at}: if it never arrives, the loss is allowed. */
  void dropped(long sequence, long at, long nowNs) {
    if (sequence < base || sequence - maxSent > window) {
      return;
    }
    hold(sequence, nowNs);
    int s = slot(sequence);
    if ((flags[s] & ARRIVED) == 0) {
      index[s] = at;
    }
    flags[s] |= DROPPED;
  }

  /** Settles every sequence still held, at the trace's last time {@code endNs}. */
  void finish(long endNs) {
    for (long q = base; q <= top; q++) {
      settle(q, endNs, -1);
    }
    base = top + 1;
  }

  /** Makes {@code sequence} held, pushing the oldest sequences out of the window first. */
  private void hold(long sequence, long nowNs) {
    if (sequence - base >= window) {
      long newBase = sequence - window + 1;
      for (long q = base, end = Math.min(newBase, top + 1); q < end; q++) {
        settle(q, nowNs, sequence);
      }
      base = newBase;
      top = Math.max(top, base - 1);
    }
    if (sequence > top) {
      reserve(sequence - base + 1);
      top = sequence;
    }
  }

  /**
   * Judges what became of {@code sequence} and clears its slot.
   *
   * @param pushedBy the sequence that pushed it out of the window, or -1 at the end of the trace
   */
  private void settle(long sequence, long nowNs, long pushedBy) {
    int s = slot(sequence);
    byte f = flags[s];
    flags[s] = 0;
    if ((f & SENT) != 0) {
      if ((f & ARRIVED) != 0) {
        if ((f & FLAGGED) == 0) {
          tally.countOk();
        }
      } else if ((f & DROPPED) != 0) {
        tally.found(ALLOWED_LOST, stream, sequence, index[s], 0, false);
      } else {
        tally.found(LOST, stream, sequence, index[s], pushedBy, pushedBy >= 0);
        stalled(sequence, index[s], nowNs - timeNs[s], true);
      }
    } else if ((f & ARRIVED) != 0) {
      tally.found(PHANTOM, stream, sequence, index[s], maxSent, false);
    }
  }

  /** Records a message's wait; true (and a finding named by event {@code at}) if over the bound. */
  private boolean stalled(long sequence, long at, long waitNs, boolean neverArrived) {
    tally.waited(stream, sequence, waitNs);
    if (waitNs <= stallNs) {
      return false;
    }
    tally.found(STALL, stream, sequence, at, waitNs, neverArrived);
    return true;
  }

  /** Grows the ring to hold {@code span} sequences from {@link #base}. */
  private void reserve(long span) {
    if (span <= flags.length) {
      return;
    }
    int capacity = flags.length;
    while (capacity < span) {
      capacity <<= 1;
    }
    byte[] newFlags = new byte[capacity];
    long[] newTimes = new long[capacity];
    long[] newIndex = new long[capacity];
    int newMask = capacity - 1;
    for (long q = base; q <= top; q++) {
      int from = (int) (q & mask);
      int to = (int) (q & newMask);
      newFlags[to] = flags[from];
      newTimes[to] = timeNs[from];
      newIndex[to] = index[from];
    }
    flags = newFlags;
    timeNs = newTimes;
    index = newIndex;
    mask = newMask;
  }

  private int slot(long sequence) {
    return (int) (sequence & mask);
  }
}
