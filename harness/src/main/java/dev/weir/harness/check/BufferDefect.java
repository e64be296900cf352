package dev.weir.harness.check;

/**
 * What the buffer checker finds wrong with a frontend's circular buffer. Declared from the most to
 * the least specific: when two findings name the same snapshot event, the earlier one is reported.
 */
enum BufferDefect implements Defect {
  /**
   * Consumes were reported but no buffer snapshot at all: the frontend did not report its buffer.
   */
  NO_SNAPSHOT("no-snapshot"),
  /** A snapshot holding more items than the capacity. */
  OVER_CAPACITY("over-capacity"),
  /** A snapshot whose evictions are not max(0, pushed - capacity). */
  WRONG_EVICTIONS("wrong-evictions"),
  /** A snapshot holding fewer than min(pushed, capacity) items. */
  MISSING_ITEMS("missing-items"),
  /** A snapshot reporting more pushes than its stream ever consumed. */
  SNAPSHOT_AHEAD("snapshot-ahead"),
  /** A stream's last snapshot reporting fewer pushes than the stream consumed. */
  FINAL_SNAPSHOT_BEHIND("final-snapshot-behind"),
  /** An item that is not the consume it should be: the wrong end evicted, or reordered. */
  WRONG_ITEMS("wrong-items"),
  /** The page's heap grew by more than the tolerance once the buffers were full. */
  MEMORY_GROWTH("memory-growth");

  private final String label;

  BufferDefect(String label) {
    this.label = label;
  }

  /** Also its count's name in the verdict. */
  @Override
  public String label() {
    return label;
  }
}
