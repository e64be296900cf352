package dev.weir.harness.check;

import static dev.weir.harness.check.BufferDefect.FINAL_SNAPSHOT_BEHIND;
import static dev.weir.harness.check.BufferDefect.MISSING_ITEMS;
import static dev.weir.harness.check.BufferDefect.OVER_CAPACITY;
import static dev.weir.harness.check.BufferDefect.SNAPSHOT_AHEAD;
import static dev.weir.harness.check.BufferDefect.WRONG_EVICTIONS;
import static dev.weir.harness.check.BufferDefect.WRONG_ITEMS;

import dev.weir.harness.trace.TraceEvent;

/**
 * One stream's side of the buffer check: the sequences it consumed, in order, and the snapshots of
 * the buffer named after it. The frontend pushes every consumed message into its buffer right
 * before reporting the consume, so consume number k (from 0) is push number k, and a snapshot of P
 * pushes holding H items must hold consumes P - H to P - 1, oldest first.
 *
 * <p>A snapshot and its consumes come through different report channels, so either may be recorded
 * first. The consumed sequences live in a ring of the last {@code capacity + }{@link #SLACK}
 * (rounded up to a power of two, grown by doubling from 64), so a snapshot recorded after its
 * consumes is judged against the ring at once; one recorded before them waits in {@link
 * BufferPending} with the items still to come, and is judged when its stream has consumed P
 * messages. An item whose consume has already left the ring cannot be compared: its snapshot counts
 * as unverifiable.
 */
final class BufferStream {

  /**
   * How many consumes beyond the capacity the ring keeps: how far a snapshot's report may trail the
   * consumes it covers. Reports are flushed every 50 ms and snapshots are appended a few hundred ms
   * from their consumes at most; 65,536 consumes is 650 ms at 100,000 messages a second.
   */
  static final int SLACK = 1 << 16;

  /** The largest capacity: its ring, with the slack, must fit in an array. */
  static final int MAX_CAPACITY = (1 << 30) - SLACK;

  private static final int FIRST_RING = 64;

  private final String name;
  private final int capacity;
  private final int ringLimit;
  private final BufferTally tally;
  private final BufferPending pending = new BufferPending();

  /** Consume number k's sequence at {@code k & (ring.length - 1)}. */
  private long[] ring = new long[FIRST_RING];

  private long consumed;
  private long snapshots;
  private long lastIndex = TraceEvent.ABSENT;
  private long lastPushed;
  private long lastHeld;
  private byte lastFlags;

  /** The last snapshot came ahead of its consumes and found the queue full. */
  private boolean lastOverflowed;

  private long firstFullNs = Long.MAX_VALUE;

  // The snapshot whose items are being read: they follow its buffer event at once.
  private long readIndex;
  private long readPushed;
  private long readHeld;
  private int readSlot;
  private byte readFlags;

  BufferStream(String name, int capacity, BufferTally tally) {
    this.name = name;
    this.capacity = capacity;
    this.ringLimit = Integer.highestOneBit(capacity + SLACK - 1) << 1;
    this.tally = tally;
  }

  String name() {
    return name;
  }

  /** Consumes of the stream so far. */
  long consumed() {
    return consumed;
  }

  /** True once a snapshot of the buffer named after the stream was read. */
  boolean buffered() {
    return snapshots > 0;
  }

  /** The page time of the first snapshot that reported the buffer full; MAX_VALUE before. */
  long firstFullNs() {
    return firstFullNs;
  }

  /** The stream consumed {@code sequence}; judges the snapshots that were waiting for it. */
  void consumed(long sequence) {
    if (consumed == ring.length && ring.length < ringLimit) {
      grow();
    }
    ring[(int) (consumed & (ring.length - 1))] = sequence;
    consumed++;
    if (consumed == pending.due()) {
      judgeDue();
    }
  }

  /**
   * A snapshot at event {@code at}: judges its counts and starts reading its items.
   *
   * @return true if it is the buffer's first report of being full (or an earlier one)
   */
  boolean snapshot(long at, long pushed, long evictions, int held, long takenNs) {
    tally.countSnapshot(held);
    snapshots++;
    lastIndex = at;
    lastPushed = pushed;
    lastHeld = held;
    lastFlags = 0;
    readIndex = at;
    readPushed = pushed;
    readHeld = held;
    readSlot = -1;
    readFlags = 0;
    if (held > capacity) {
      found(OVER_CAPACITY, at, 0, 0, TraceEvent.ABSENT);
    }
    if (evictions != Math.max(0, pushed - capacity)) {
      found(WRONG_EVICTIONS, at, 0, evictions, TraceEvent.ABSENT);
    }
    if (held < Math.min(pushed, capacity)) {
      found(MISSING_ITEMS, at, 0, 0, TraceEvent.ABSENT);
    }
    if (pushed > consumed) {
      readSlot =
          pending.open(
              at, pushed, held, Math.max(consumed, pushed - Math.min(held, ringLimit)), readFlags);
      if (readSlot < 0) {
        tally.countPendingOverflow();
      }
    }
    lastOverflowed = pushed > consumed && readSlot < 0;
    if (pushed >= capacity && takenNs < firstFullNs) {
      firstFullNs = takenNs;
      return true;
    }
    return false;
  }

  /** Item {@code position} of the snapshot being read, at event {@code at}. */
  void item(long at, int position, long sequence) {
    long k = readPushed - readHeld + position;
    if (k < 0) {
      found(WRONG_ITEMS, at, position, sequence, TraceEvent.ABSENT);
    } else if (k < consumed) { // no consume comes between a snapshot and its items
      if (k >= consumed - Math.min(consumed, ring.length)) {
        compare(at, position, sequence, ring[(int) (k & (ring.length - 1))]);
      } else {
        mark(BufferPending.UNVERIFIABLE);
      }
    } else if (readSlot < 0 || k < pending.from(readSlot)) {
      mark(BufferPending.UNVERIFIABLE); // the queue was full, or it will have left the ring
    } else {
      pending.keep(readSlot, sequence);
    }
  }

  /** At the end of the trace: snapshots still ahead of their consumes, and the last snapshot. */
  void finish() {
    for (int s = 0; s < pending.size(); s++) {
      read(s);
      found(SNAPSHOT_AHEAD, readIndex, 0, consumed, TraceEvent.ABSENT);
    }
    if (lastIndex == TraceEvent.ABSENT) {
      return;
    }
    readIndex = lastIndex;
    readPushed = lastPushed;
    readHeld = lastHeld;
    readSlot = -1;
    readFlags = lastFlags;
    if (lastPushed < consumed) {
      found(FINAL_SNAPSHOT_BEHIND, lastIndex, 0, consumed, TraceEvent.ABSENT);
    } else if (lastPushed > consumed && lastOverflowed) {
      found(SNAPSHOT_AHEAD, lastIndex, 0, consumed, TraceEvent.ABSENT); // it waited nowhere
    }
  }

  /** Judges the waiting snapshots whose pushes the consumes have just reached. */
  private void judgeDue() {
    for (int s = pending.size() - 1; s >= 0; s--) {
      if (pending.pushed(s) != consumed) {
        continue;
      }
      read(s);
      long start = readPushed - readHeld;
      for (int j = 0; j < pending.kept(s); j++) {
        long k = pending.from(s) + j;
        int position = (int) (k - start);
        compare(
            readIndex + 1 + position,
            position,
            pending.item(s, j),
            ring[(int) (k & (ring.length - 1))]);
      }
      pending.remove(s);
    }
    readSlot = -1;
  }

  /** Makes the waiting snapshot in {@code slot} the one the read fields describe. */
  private void read(int slot) {
    readIndex = pending.index(slot);
    readPushed = pending.pushed(slot);
    readHeld = pending.held(slot);
    readSlot = slot;
    readFlags = pending.flags(slot);
  }

  private void compare(long at, int position, long sequence, long due) {
    tally.countItemChecked();
    if (sequence != due) {
      found(WRONG_ITEMS, at, position, sequence, due);
    }
  }

  /**
   * A defect of the snapshot in the read fields, shown by event {@code at}; wrong items are counted
   * once a snapshot, the first one kept.
   */
  private void found(BufferDefect defect, long at, int position, long value, long expected) {
    if (defect == WRONG_ITEMS) {
      if ((readFlags & BufferPending.WRONG) != 0) {
        return;
      }
      mark(BufferPending.WRONG);
    }
    if ((readFlags & BufferPending.DEFECTIVE) == 0) {
      tally.countDefective();
      mark(BufferPending.DEFECTIVE);
    }
    tally.found(defect, name, at, readPushed, readHeld, position, value, expected);
  }

  /** Flags the snapshot in the read fields (and its waiting slot); counts it unverifiable once. */
  private void mark(byte flag) {
    if (flag == BufferPending.UNVERIFIABLE && (readFlags & flag) == 0) {
      tally.countUnverifiable();
    }
    readFlags |= flag;
    if (readIndex == lastIndex) {
      lastFlags |= flag;
    }
    if (readSlot >= 0) {
      pending.flag(readSlot, flag);
    }
  }

  /** Doubles the ring; it is full, so consume k sits at slot k. */
  private void grow() {
    long[] bigger = new long[ring.length * 2];
    System.arraycopy(ring, 0, bigger, 0, ring.length);
    ring = bigger;
  }
}
