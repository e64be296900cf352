package dev.weir.harness.check;

import dev.weir.harness.trace.TraceEvent;

/**
 * What one buffer pass found over all buffers: snapshots and items judged, defect counts (each
 * counted once per snapshot), and the first finding. Constant size, whatever the trace.
 */
final class BufferTally {

  /** A finding's numbers: the snapshot's pushes ({@link TraceEvent#ABSENT} for no snapshot). */
  static final int PUSHED = 0;

  /** The snapshot's held items. */
  static final int HELD = 1;

  /** A wrong item's position. */
  static final int POSITION = 2;

  /**
   * What the trace shows: a wrong item's sequence, the evictions reported, the stream's consumes,
   * the last heap sample.
   */
  static final int VALUE = 3;

  /**
   * What was due instead: the sequence consumed there ({@link TraceEvent#ABSENT} for none), the
   * first heap sample.
   */
  static final int EXPECTED = 4;

  private final long[] defects = new long[BufferDefect.values().length];
  private final EarliestFinding<BufferDefect> first = new EarliestFinding<>();
  private long snapshots;
  private long defective;
  private long itemsChecked;
  private long unverifiable;
  private long pendingOverflow;
  private long maxHeld;

  void countSnapshot(int held) {
    snapshots++;
    maxHeld = Math.max(maxHeld, held);
  }

  void countItemChecked() {
    itemsChecked++;
  }

  /** A snapshot some of whose items could no longer be compared: counted, not a failure. */
  void countUnverifiable() {
    unverifiable++;
  }

  /** A snapshot ahead of its consumes that found the pending queue full. */
  void countPendingOverflow() {
    pendingOverflow++;
  }

  /** A snapshot with its first defect; later defects of the same snapshot are not counted here. */
  void countDefective() {
    defective++;
  }

  /**
   * Counts a finding and keeps it if it is the earliest.
   *
   * @param index the event that shows the finding
   */
  void found(
      BufferDefect defect,
      String stream,
      long index,
      long pushed,
      long held,
      long position,
      long value,
      long expected) {
    defects[defect.ordinal()]++;
    if (first.offer(defect, stream, index)) {
      first
          .put(PUSHED, pushed)
          .put(HELD, held)
          .put(POSITION, position)
          .put(VALUE, value)
          .put(EXPECTED, expected);
    }
  }

  long count(BufferDefect defect) {
    return defects[defect.ordinal()];
  }

  long snapshots() {
    return snapshots;
  }

  /** Snapshots in which no defect was found (in what could be compared). */
  long correct() {
    return snapshots - defective;
  }

  long itemsChecked() {
    return itemsChecked;
  }

  long unverifiable() {
    return unverifiable;
  }

  long pendingOverflow() {
    return pendingOverflow;
  }

  long maxHeld() {
    return maxHeld;
  }

  EarliestFinding<BufferDefect> first() {
    return first;
  }
}
