package dev.weir.harness.check;

/**
 * A hash table from sequence to a state (a flag byte, a time and an event index) in primitive
 * columns, so holding a sequence boxes nothing: the ordering checker keeps here the few sequences
 * that are not where its ring is. Open addressing with linear probing, at most half full, and
 * deletion by shifting back (no tombstones), so a table that keeps churning does not fill up.
 *
 * <pre>{@code
 * int slot = table.slotOf(sequence);
 * if (slot >= 0) {
 *   byte flags = table.flags(slot);
 * }
 * }</pre>
 */
final class SequenceTable {

  private static final long EMPTY = -1; // sequences are never negative
  private static final int FIRST_CAPACITY = 16;

  private long[] keys;
  private byte[] flags;
  private long[] times;
  private long[] indexes;
  private int mask = -1;
  private int shift;
  private int size;

  /** The slot holding {@code sequence}, or -1; valid until the next {@link #put} or remove. */
  int slotOf(long sequence) {
    if (size == 0) {
      return -1;
    }
    for (int s = home(sequence); ; s = (s + 1) & mask) {
      long key = keys[s];
      if (key == sequence) {
        return s;
      }
      if (key == EMPTY) {
        return -1;
      }
    }
  }

  /** Holds {@code sequence} with this state, replacing any it had. */
  void put(long sequence, byte flag, long timeNs, long index) {
    if (2 * (size + 1) > capacity()) {
      resize(Math.max(FIRST_CAPACITY, 2 * capacity()));
    }
    int s = home(sequence);
    while (keys[s] != EMPTY && keys[s] != sequence) {
      s = (s + 1) & mask;
    }
    if (keys[s] == EMPTY) {
      keys[s] = sequence;
      size++;
    }
    set(s, flag, timeNs, index);
  }

  /** Replaces the state in {@code slot}, which holds a sequence. */
  void set(int slot, byte flag, long timeNs, long index) {
    flags[slot] = flag;
    times[slot] = timeNs;
    indexes[slot] = index;
  }

  /** Forgets the sequence in {@code slot}, moving back the ones that probed past it. */
  void removeAt(int slot) {
    int gap = slot;
    for (int s = (gap + 1) & mask; keys[s] != EMPTY; s = (s + 1) & mask) {
      // The key at s may fill the gap if the gap lies on its probe path, between home and s.
      if (((s - home(keys[s])) & mask) >= ((s - gap) & mask)) {
        keys[gap] = keys[s];
        set(gap, flags[s], times[s], indexes[s]);
        gap = s;
      }
    }
    keys[gap] = EMPTY;
    size--;
  }

  /** Forgets every sequence, keeping the columns. */
  void clear() {
    for (int s = 0; s < capacity(); s++) {
      keys[s] = EMPTY;
    }
    size = 0;
  }

  int size() {
    return size;
  }

  /** The number of slots, for walking them with {@link #held}. */
  int capacity() {
    return mask + 1;
  }

  boolean held(int slot) {
    return keys[slot] != EMPTY;
  }

  long sequence(int slot) {
    return keys[slot];
  }

  byte flags(int slot) {
    return flags[slot];
  }

  long timeNs(int slot) {
    return times[slot];
  }

  long index(int slot) {
    return indexes[slot];
  }

  /** Fibonacci hashing: consecutive sequences land far apart, in the table's top bits. */
  private int home(long sequence) {
    return (int) ((sequence * 0x9E3779B97F4A7C15L) >>> shift);
  }

  private void resize(int capacity) {
    long[] oldKeys = keys;
    byte[] oldFlags = flags;
    long[] oldTimes = times;
    long[] oldIndexes = indexes;
    keys = new long[capacity];
    flags = new byte[capacity];
    times = new long[capacity];
    indexes = new long[capacity];
    mask = capacity - 1;
    shift = Long.numberOfLeadingZeros(mask);
    size = 0;
    clear();
    if (oldKeys != null) {
      for (int s = 0; s < oldKeys.length; s++) {
        if (oldKeys[s] != EMPTY) {
          put(oldKeys[s], oldFlags[s], oldTimes[s], oldIndexes[s]);
        }
      }
    }
  }
}
