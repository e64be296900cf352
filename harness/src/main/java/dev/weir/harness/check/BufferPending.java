package dev.weir.harness.check;

import java.util.Arrays;

/**
 * One buffer's snapshots that came before the consumes they cover (a snapshot and its consumes are
 * reported through different channels): each waits here, with the items whose consumes have not
 * come yet, until its stream has consumed as many messages as it reports pushed.
 *
 * <p>At most {@link #LIMIT} wait at once. The items are kept as primitives in one array per slot,
 * reused and grown to the most a snapshot has had to keep: the consumes still unreported when it
 * was taken (a batch's worth for a correct frontend), never more than its held items.
 */
final class BufferPending {

  /** How many snapshots may wait at once; a correct frontend has a handful ahead at most. */
  static final int LIMIT = 64;

  /** Found a defect in the snapshot already, so it is not counted defective twice. */
  static final byte DEFECTIVE = 1;

  /** Some item could not be compared, counted once. */
  static final byte UNVERIFIABLE = 2;

  /** A wrong item was found already: the first one is the snapshot's. */
  static final byte WRONG = 4;

  private final long[] index = new long[LIMIT];
  private final long[] pushed = new long[LIMIT];
  private final long[] held = new long[LIMIT];
  private final long[] from = new long[LIMIT];
  private final int[] kept = new int[LIMIT];
  private final byte[] flags = new byte[LIMIT];
  private final long[][] items = new long[LIMIT][];
  private int size;

  /** The fewest pushes any waiting snapshot reports; {@link Long#MAX_VALUE} when none waits. */
  private long due = Long.MAX_VALUE;

  int size() {
    return size;
  }

  /** The consume count at which some waiting snapshot is due. */
  long due() {
    return due;
  }

  /**
   * Makes room for the snapshot at event {@code at}, whose items from consume number {@code first}
   * on are kept; -1 when {@link #LIMIT} already wait.
   */
  int open(long at, long pushed, long held, long first, byte flags) {
    if (size == LIMIT) {
      return -1;
    }
    int slot = size++;
    this.index[slot] = at;
    this.pushed[slot] = pushed;
    this.held[slot] = held;
    this.from[slot] = first;
    this.kept[slot] = 0;
    this.flags[slot] = flags;
    due = Math.min(due, pushed);
    return slot;
  }

  /**
   * Keeps the next item (the consume number after the last kept) of the snapshot in {@code slot}.
   */
  void keep(int slot, long sequence) {
    long[] a = items[slot];
    int n = kept[slot];
    if (a == null || n == a.length) {
      a = a == null ? new long[16] : Arrays.copyOf(a, 2 * a.length);
      items[slot] = a;
    }
    a[n] = sequence;
    kept[slot] = n + 1;
  }

  long index(int slot) {
    return index[slot];
  }

  long pushed(int slot) {
    return pushed[slot];
  }

  long held(int slot) {
    return held[slot];
  }

  /** The consume number of the first kept item. */
  long from(int slot) {
    return from[slot];
  }

  int kept(int slot) {
    return kept[slot];
  }

  long item(int slot, int k) {
    return items[slot][k];
  }

  byte flags(int slot) {
    return flags[slot];
  }

  void flag(int slot, byte flag) {
    flags[slot] |= flag;
  }

  /** Forgets the snapshot in {@code slot}; the last slot moves into its place, arrays swapped. */
  void remove(int slot) {
    int last = --size;
    if (slot != last) {
      index[slot] = index[last];
      pushed[slot] = pushed[last];
      held[slot] = held[last];
      from[slot] = from[last];
      kept[slot] = kept[last];
      flags[slot] = flags[last];
      long[] spare = items[slot];
      items[slot] = items[last];
      items[last] = spare;
    }
    due = Long.MAX_VALUE;
    for (int s = 0; s < size; s++) {
      due = Math.min(due, pushed[s]);
    }
  }
}
