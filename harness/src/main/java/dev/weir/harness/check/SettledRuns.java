package dev.weir.harness.check;

import java.util.Arrays;

/**
 * What became of every sequence of a stream below its watermark, as runs of sequences that ended
 * alike. A settled state is the ordering checker's flag byte: sent and arrived (fine, or flagged,
 * or duplicated too), or 0 for a sequence never sent nor arrived. A stream whose messages all
 * arrived fine is one run, whatever its length; defects and gaps in the numbering add runs, not
 * every message does.
 *
 * <p>Runs are appended in sequence order as the watermark passes. A sequence that changes after
 * that (a late copy arrives, a gap is sent) is held apart, and once those are as many as the runs
 * they are folded in, so the runs stay exact and a change costs amortised O(log changes).
 */
final class SettledRuns {

  private static final int FIRST_CAPACITY = 16;

  /** Changes held apart before folding: at least this many, or as many as the runs. */
  private static final int FOLD_AT_LEAST = 64;

  /** Run i covers sequences from {@code starts[i]} up to the next run's start. */
  private long[] starts = new long[FIRST_CAPACITY];

  private byte[] states = new byte[FIRST_CAPACITY];
  private int size;
  private final SequenceTable changed = new SequenceTable();

  /**
   * Settles {@code sequence}, the lowest not yet settled, as {@code state}; the sequences after it
   * are taken to end alike until the next append.
   */
  void append(long sequence, byte state) {
    if (size > 0 && states[size - 1] == state) {
      return;
    }
    if (size == starts.length) {
      starts = Arrays.copyOf(starts, 2 * size);
      states = Arrays.copyOf(states, 2 * size);
    }
    starts[size] = sequence;
    states[size++] = state;
  }

  /** The settled state of {@code sequence}, which is below the watermark. */
  byte state(long sequence) {
    int slot = changed.slotOf(sequence);
    return slot >= 0 ? changed.flags(slot) : states[runOf(sequence)];
  }

  /** Records that {@code sequence}, below the watermark, has settled again as {@code state}. */
  void change(long sequence, byte state) {
    changed.put(sequence, state, 0, 0);
    if (changed.size() >= Math.max(FOLD_AT_LEAST, size)) {
      fold();
    }
  }

  /** The last run starting at or before {@code sequence}. */
  private int runOf(long sequence) {
    int low = 0;
    int high = size - 1;
    while (low < high) {
      int mid = (low + high + 1) >>> 1;
      if (starts[mid] <= sequence) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return low;
  }

  /** Merges the changes held apart into the runs, splitting and joining runs as needed. */
  private void fold() {
    int count = changed.size();
    if (count == 0) {
      return;
    }
    long[] sequences = new long[count];
    for (int s = 0, n = 0; n < count; s++) {
      if (changed.held(s)) {
        sequences[n++] = changed.sequence(s);
      }
    }
    Arrays.sort(sequences);
    long[] oldStarts = starts;
    byte[] oldStates = states;
    int oldSize = size;
    starts = new long[oldSize + 2 * count];
    states = new byte[oldSize + 2 * count];
    size = 0;
    int next = 0;
    for (int run = 0; run < oldSize; run++) {
      long end = run + 1 < oldSize ? oldStarts[run + 1] : Long.MAX_VALUE;
      long from = oldStarts[run];
      for (; next < count && sequences[next] < end; next++) {
        long sequence = sequences[next];
        if (sequence > from) {
          append(from, oldStates[run]);
        }
        append(sequence, changed.flags(changed.slotOf(sequence)));
        from = sequence + 1;
      }
      if (from < end) {
        append(from, oldStates[run]);
      }
    }
    changed.clear();
  }
}
