package dev.weir.harness.check;

/**
 * What is known of each sequence of one stream, for the ordering checker: a flag byte, a time and
 * the event a finding about it names. It is exact at any distance between sequences, and its
 * memory follows what is outstanding (sent and not arrived, arrived and not sent, dropped and not
 * arrived), not the stream's length.
 *
 * <p>A sequence's state lives in one of three places:
 *
 * <ul>
 *   <li>a <b>ring</b> of primitive slots from the watermark {@code base} up: the span in flux,
 *       where nearly every event lands. It grows by doubling only while at least half its slots are
 *       outstanding, so it stays within four times the most that was ever outstanding at once;
 *   <li>below the watermark, {@link SettledRuns}: what each sequence ended as, in runs. The
 *       watermark moves up over sequences that have ended; when the ring would rather slide than
 *       grow, it moves over outstanding ones too, which go into the table;
 *   <li>a {@link SequenceTable} for the outstanding sequences outside the ring: those the watermark
 *       passed, and arrivals or drops so far ahead of every send that following them would drag the
 *       ring away from the stream (an absurd sequence number). The ring takes those back, lowest
 *       first ({@link SequenceHeap}), when it reaches them.
 * </ul>
 *
 * <p>Each event costs amortised constant time in the ring; one outside it costs a table probe, and
 * one below the watermark for a sequence that is not outstanding a binary search of the runs.
 *
 * <pre>{@code
 * byte flags = ledger.load(sequence, false);
 * ledger.store((byte) (flags | ARRIVED), wallNs, at);
 * }</pre>
 */
final class SequenceLedger {

  static final byte SENT = 1;
  static final byte ARRIVED = 2;
  static final byte DROPPED = 4;

  /** Arrived with a defect (twice, out of order, late): not counted as fine. */
  static final byte FLAGGED = 8;

  /** A duplicate already counted, so a third copy is not counted again. */
  static final byte DUPLICATED = 16;

  /** Sent and arrived, with nothing wrong found: the state nearly every sequence ends in. */
  static final byte CLEAN = SENT | ARRIVED;

  private static final int FIRST_CAPACITY = 64;
  private static final int MAX_CAPACITY = 1 << 30;

  private static final int IN_RING = 0;
  private static final int IN_TABLE = 1;
  private static final int SETTLED = 2;

  private byte[] flags = new byte[FIRST_CAPACITY];
  private long[] times = new long[FIRST_CAPACITY];
  private long[] indexes = new long[FIRST_CAPACITY];
  private int mask = FIRST_CAPACITY - 1;

  /** The watermark: the ring holds sequences from here; every one below is in {@link #settled}. */
  private long base;

  /** The highest sequence in the ring; every slot outside [base, top] is clear. */
  private long top = -1;

  /** Outstanding sequences in the ring. */
  private int live;

  private final SequenceTable outstanding = new SequenceTable();
  private final SequenceHeap ahead = new SequenceHeap();
  private final SettledRuns settled = new SettledRuns();
  private long maxSent = -1;
  private long maxArrived = -1;

  private long sequence;
  private int where;
  private int slot;
  private byte loaded;
  private long loadedTimeNs;
  private long loadedIndex;

  private long cursor;
  private int cursorSlot;

  /**
   * Makes {@code sequence}'s state the one {@link #timeNs()} and {@link #index()} read and {@link
   * #store} replaces.
   *
   * @param send whether a send is about to change it: a send always comes into the ring, an arrival
   *     or drop far ahead of every send is held apart
   * @return its flags: 0 if nothing is known of it
   */
  byte load(long sequence, boolean send) {
    this.sequence = sequence;
    if (sequence >= base) {
      if (sequence - base > mask) {
        if (!send && sequence - capacity() > maxSent) {
          where = IN_TABLE;
          return loadFromTable(outstanding.slotOf(sequence));
        }
        makeRoom(sequence);
      }
      where = IN_RING;
      slot = (int) (sequence & mask);
      return loaded = flags[slot];
    }
    int held = outstanding.slotOf(sequence);
    if (held >= 0) {
      where = IN_TABLE;
      return loadFromTable(held);
    }
    where = SETTLED;
    loadedTimeNs = 0;
    loadedIndex = 0;
    return loaded = settled.state(sequence);
  }

  /** The loaded sequence's send time once sent; until then its first arrival's. */
  long timeNs() {
    return where == IN_RING ? times[slot] : loadedTimeNs;
  }

  /**
   * The event a finding about the loaded sequence names: its send; before that its first arrival; a
   * drop for a message that has not arrived.
   */
  long index() {
    return where == IN_RING ? indexes[slot] : loadedIndex;
  }

  /** The loaded sequence: the one {@link #load}ed, or the one {@link #nextOutstanding} found. */
  long sequence() {
    return sequence;
  }

  long maxSent() {
    return maxSent;
  }

  long maxArrived() {
    return maxArrived;
  }

  /** Replaces the loaded sequence's flags, keeping its time and event. */
  void store(byte flag) {
    if (where == IN_RING) {
      storeInRing(flag);
    } else {
      storeApart(flag, loadedTimeNs, loadedIndex);
    }
  }

  /** Replaces the loaded sequence's state. */
  void store(byte flag, long timeNs, long index) {
    if (where == IN_RING) {
      times[slot] = timeNs;
      indexes[slot] = index;
      storeInRing(flag);
    } else {
      storeApart(flag, timeNs, index);
    }
  }

  /** Starts a walk over every outstanding sequence, for {@link #nextOutstanding}. */
  void startWalk() {
    cursor = base;
    cursorSlot = 0;
  }

  /**
   * Loads the next outstanding sequence of the walk, in no particular order, for {@link
   * #sequence()}, {@link #timeNs()} and {@link #index()}; its flags, or 0 at the end of the walk.
   */
  byte nextOutstanding() {
    while (cursor - base <= top - base) { // offsets from base: no overflow at Long.MAX_VALUE
      sequence = cursor++;
      where = IN_RING;
      slot = (int) (sequence & mask);
      if (isOutstanding(flags[slot])) {
        return loaded = flags[slot];
      }
    }
    while (cursorSlot < outstanding.capacity()) {
      int s = cursorSlot++;
      if (outstanding.held(s)) {
        sequence = outstanding.sequence(s);
        where = IN_TABLE;
        return loadFromTable(s);
      }
    }
    return 0;
  }

  private void storeInRing(byte flag) {
    noteMaxima(flag);
    live += (isOutstanding(flag) ? 1 : 0) - (isOutstanding(loaded) ? 1 : 0);
    flags[slot] = flag;
    if (sequence > top) {
      top = sequence;
    }
    if (sequence == base && (flag & CLEAN) == CLEAN) {
      advance();
    }
  }

  /** Stores outside the ring: in the table while outstanding, else as a change of what settled. */
  private void storeApart(byte flag, long timeNs, long index) {
    noteMaxima(flag);
    if (isOutstanding(flag)) {
      if (where == IN_TABLE && slot >= 0) {
        outstanding.set(slot, flag, timeNs, index);
      } else {
        outstanding.put(sequence, flag, timeNs, index);
        if (sequence > base) {
          ahead.push(sequence);
        }
      }
      return;
    }
    if (where == IN_TABLE) {
      outstanding.removeAt(slot); // below the watermark: arrivals and drops ahead stay outstanding
    }
    byte state = settledState(flag);
    if (state != settled.state(sequence)) {
      settled.change(sequence, state);
    }
  }

  private void noteMaxima(byte flag) {
    if ((flag & SENT) != 0 && sequence > maxSent) {
      maxSent = sequence;
    }
    if ((flag & ARRIVED) != 0 && sequence > maxArrived) {
      maxArrived = sequence;
    }
  }

  private byte loadFromTable(int held) {
    slot = held;
    if (held < 0) {
      loadedTimeNs = 0;
      loadedIndex = 0;
      return loaded = 0;
    }
    loadedTimeNs = outstanding.timeNs(held);
    loadedIndex = outstanding.index(held);
    return loaded = outstanding.flags(held);
  }

  /**
   * Brings {@code sequence}, beyond the ring, into it: by doubling the ring while at least half of
   * it is outstanding (the ring is then the cheapest place for them), else by sliding the
   * watermark up.
   */
  private void makeRoom(long sequence) {
    if (2 * live >= capacity() && sequence - base < 2L * capacity() && capacity() < MAX_CAPACITY) {
      grow();
    } else {
      slide(sequence - mask);
    }
  }

  /**
   * Moves the watermark over every sequence in the ring that has ended; never past {@link
   * Long#MAX_VALUE}, as no watermark could be above it.
   */
  private void advance() {
    long q = base;
    while (q <= top && q < Long.MAX_VALUE && (flags[(int) (q & mask)] & CLEAN) == CLEAN) {
      int s = (int) (q & mask);
      settled.append(q++, settledState(flags[s]));
      flags[s] = 0;
    }
    base = q;
    takeAhead();
  }

  /**
   * Moves the watermark up to {@code newBase}: what ended is settled, what is outstanding goes into
   * the table, and the sequences nothing was known of (gaps) settle as never sent nor arrived.
   */
  private void slide(long newBase) {
    for (long end = top < newBase ? top + 1 : newBase; base < end; base++) {
      int s = (int) (base & mask);
      byte f = flags[s];
      if (isOutstanding(f)) {
        outstanding.put(base, f, times[s], indexes[s]);
        live--;
        settled.append(base, placeholder(f, base));
      } else {
        settled.append(base, settledState(f));
      }
      flags[s] = 0;
    }
    long next = base; // above the ring's top: gaps, and any held apart below the new watermark
    while (!ahead.isEmpty() && ahead.min() < newBase) {
      long apart = ahead.pop();
      if (apart > next) {
        settled.append(next, (byte) 0);
      }
      settled.append(apart, placeholder(outstanding.flags(outstanding.slotOf(apart)), apart));
      next = apart + 1;
    }
    if (next < newBase) {
      settled.append(next, (byte) 0);
    }
    base = newBase;
    top = Math.max(top, base - 1);
    advance();
  }

  /**
   * What an outstanding sequence the watermark passes is expected to end as, so that when it does
   * (if it does) no change need be recorded: an early arrival as it arrived, once sent; a message
   * still waiting out of order if anything above it arrived already, else fine; a drop of something
   * never sent as nothing.
   */
  private byte placeholder(byte f, long sequence) {
    if ((f & ARRIVED) != 0) {
      return settledState((byte) (f | SENT));
    }
    if ((f & SENT) != 0) {
      return sequence < maxArrived ? (byte) (CLEAN | FLAGGED) : CLEAN;
    }
    return 0;
  }

  /** Doubles the ring, keeping every sequence at its place. */
  private void grow() {
    int capacity = 2 * capacity();
    byte[] newFlags = new byte[capacity];
    long[] newTimes = new long[capacity];
    long[] newIndexes = new long[capacity];
    int newMask = capacity - 1;
    for (long offset = 0; offset <= top - base; offset++) {
      int from = (int) ((base + offset) & mask);
      int to = (int) ((base + offset) & newMask);
      newFlags[to] = flags[from];
      newTimes[to] = times[from];
      newIndexes[to] = indexes[from];
    }
    flags = newFlags;
    times = newTimes;
    indexes = newIndexes;
    mask = newMask;
    takeAhead();
  }

  /** Moves into the ring the sequences held apart ahead that it now reaches. */
  private void takeAhead() {
    while (!ahead.isEmpty() && ahead.min() - base <= mask) {
      long apart = ahead.pop();
      int held = outstanding.slotOf(apart);
      int s = (int) (apart & mask);
      flags[s] = outstanding.flags(held);
      times[s] = outstanding.timeNs(held);
      indexes[s] = outstanding.index(held);
      outstanding.removeAt(held);
      live++;
      top = Math.max(top, apart);
    }
  }

  private int capacity() {
    return mask + 1;
  }

  /** Known of, and not yet both sent and arrived. */
  private static boolean isOutstanding(byte f) {
    return f != 0 && (f & CLEAN) != CLEAN;
  }

  /** The state a sequence that has ended settles as: a drop no longer matters. */
  private static byte settledState(byte f) {
    return (byte) (f & ~DROPPED);
  }
}
