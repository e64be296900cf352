package dev.weir.harness.evidence;

import dev.weir.harness.browser.PageClock;
import java.util.Arrays;

/**
 * One stream's sends and deliveries matched by sequence, whichever is recorded first, in a sliding
 * window of the newest {@value #WINDOW} sequences: each pair gives one latency, the first of each
 * repeated send or delivery counts. A sequence older than the window is not matched. Two longs per
 * slot, from 64 slots, doubling up to the window (1 MB).
 */
final class LatencyWindow {

  /** Sequences matched at once: far more than any transport holds in flight. */
  static final int WINDOW = 1 << 16;

  /** A latency below zero by no more than the page clock's reading error, twice, is zero. */
  private static final long ZERO_WITHIN_NS = 2 * PageClock.READING_ERROR_NS;

  private static final long NONE = Long.MIN_VALUE;
  private static final long MATCHED = Long.MAX_VALUE;

  private long[] sentNs = empty(64);
  private long[] deliveredNs = empty(64);
  private long base; // the oldest sequence the ring covers

  /** A send of {@code sequence} at {@code ns}; adds its latency to {@code bins} if delivered. */
  void sent(long sequence, long ns, LogBins bins) {
    record(sequence, ns, true, bins);
  }

  /** A delivery of {@code sequence} at {@code ns}; adds its latency to {@code bins} if sent. */
  void delivered(long sequence, long ns, LogBins bins) {
    record(sequence, ns, false, bins);
  }

  private void record(long sequence, long ns, boolean send, LogBins bins) {
    if (sequence < base) {
      return; // settled, or beyond the window
    }
    if (sequence >= base + sentNs.length) {
      makeRoom(sequence);
    }
    int slot = (int) (sequence & (sentNs.length - 1));
    long[] mine = send ? sentNs : deliveredNs;
    long[] other = send ? deliveredNs : sentNs;
    if (sentNs[slot] == MATCHED || mine[slot] != NONE) {
      return; // a repeat: the first one counted
    }
    if (other[slot] == NONE) {
      mine[slot] = ns;
      return;
    }
    bins.add(send ? other[slot] - ns : ns - other[slot], ZERO_WITHIN_NS);
    sentNs[slot] = MATCHED;
  }

  /** Grows the ring up to the window, then slides it so that {@code sequence} is its newest. */
  private void makeRoom(long sequence) {
    while (sequence >= base + sentNs.length && sentNs.length < WINDOW) {
      grow();
    }
    if (sequence < base + sentNs.length) {
      return;
    }
    long newBase = sequence - sentNs.length + 1;
    if (newBase - base >= sentNs.length) {
      Arrays.fill(sentNs, NONE);
      Arrays.fill(deliveredNs, NONE);
    } else {
      for (long old = base; old < newBase; old++) {
        int slot = (int) (old & (sentNs.length - 1));
        sentNs[slot] = NONE;
        deliveredNs[slot] = NONE;
      }
    }
    base = newBase;
  }

  private void grow() {
    long[] sent = empty(sentNs.length * 2);
    long[] delivered = empty(sentNs.length * 2);
    for (long sequence = base; sequence < base + sentNs.length; sequence++) {
      int from = (int) (sequence & (sentNs.length - 1));
      int to = (int) (sequence & (sent.length - 1));
      sent[to] = sentNs[from];
      delivered[to] = deliveredNs[from];
    }
    sentNs = sent;
    deliveredNs = delivered;
  }

  private static long[] empty(int slots) {
    long[] slotsNs = new long[slots];
    Arrays.fill(slotsNs, NONE);
    return slotsNs;
  }
}
