package dev.weir.harness.check;

/**
 * What one buffer pass found over all buffers: snapshots and items judged, defect counts (each
 * counted once per snapshot), and the first finding. Constant size, whatever the trace.
 */
final class BufferTally {

  private final long[] defects = new long[BufferDefect.values().length];
  private final BufferFinding first = new BufferFinding();
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

  /** Counts a finding and keeps it if it is the earliest. */
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
    first.offer(defect, stream, index, pushed, held, position, value, expected);
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

  BufferFinding first() {
    return first;
  }
}
