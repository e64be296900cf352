package dev.weir.harness.check;

import java.util.Arrays;

/**
 * A min-heap of sequences in a growing {@code long[]}: the ordering checker's arrivals far ahead of
 * its ring, taken lowest first when the ring reaches them.
 */
final class SequenceHeap {

  private long[] heap = new long[0];
  private int size;

  boolean isEmpty() {
    return size == 0;
  }

  /** The lowest sequence held; only when one is. */
  long min() {
    return heap[0];
  }

  void push(long sequence) {
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, Math.max(8, 2 * size));
    }
    int at = size++;
    while (at > 0 && heap[(at - 1) >>> 1] > sequence) {
      heap[at] = heap[(at - 1) >>> 1];
      at = (at - 1) >>> 1;
    }
    heap[at] = sequence;
  }

  /** Removes and returns the lowest sequence; only when one is held. */
  long pop() {
    long min = heap[0];
    long last = heap[--size];
    int at = 0;
    for (int child = 1; child < size; child = 2 * at + 1) {
      if (child + 1 < size && heap[child + 1] < heap[child]) {
        child++;
      }
      if (heap[child] >= last) {
        break;
      }
      heap[at] = heap[child];
      at = child;
    }
    heap[at] = last;
    return min;
  }
}
