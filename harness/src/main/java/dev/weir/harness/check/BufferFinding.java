package dev.weir.harness.check;

import dev.weir.harness.trace.TraceEvent;

/**
 * The earliest finding of a buffer pass, by the position of the event that shows it (ties go to the
 * more specific defect), as {@link FirstFinding} is for ordering: findings arrive out of trace
 * order (a snapshot's items are judged when its consumes come, a snapshot ahead only at the end),
 * so each is offered and the earliest kept, as primitives; its sentences are written once, for the
 * one that is reported.
 */
final class BufferFinding {

  private BufferDefect defect;
  private String stream;
  private long index;
  private long pushed;
  private long held;
  private long position;
  private long value;
  private long expected;

  /**
   * @param index the event that shows the finding
   * @param pushed the snapshot's pushes ({@link TraceEvent#ABSENT} when no snapshot is concerned)
   * @param held the snapshot's held items
   * @param position a wrong item's position
   * @param value what the trace shows: a wrong item's sequence, the evictions reported, the
   *     stream's consumes, the last heap sample
   * @param expected what was due instead: the sequence consumed there ({@link TraceEvent#ABSENT}
   *     for none), the first heap sample
   */
  void offer(
      BufferDefect defect,
      String stream,
      long index,
      long pushed,
      long held,
      long position,
      long value,
      long expected) {
    if (this.defect != null
        && (index > this.index
            || index == this.index && defect.ordinal() >= this.defect.ordinal())) {
      return;
    }
    this.defect = defect;
    this.stream = stream;
    this.index = index;
    this.pushed = pushed;
    this.held = held;
    this.position = position;
    this.value = value;
    this.expected = expected;
  }

  boolean present() {
    return defect != null;
  }

  BufferDefect defect() {
    return defect;
  }

  String stream() {
    return stream;
  }

  long index() {
    return index;
  }

  /** What the declared behaviour required, as a sentence. */
  String expected(int capacity, long toleranceBytes) {
    return switch (defect) {
      case NO_SNAPSHOT -> "a frontend judged for its circular buffer reports it with probe.buffer";
      case OVER_CAPACITY -> "buffer \"" + stream + "\" holds at most " + capacity + " items";
      case WRONG_EVICTIONS ->
          "after "
              + pushed
              + " pushes a buffer of capacity "
              + capacity
              + " has evicted "
              + Math.max(0, pushed - capacity);
      case MISSING_ITEMS ->
          "after " + pushed + " pushes the buffer holds " + Math.min(pushed, capacity) + " items";
      case SNAPSHOT_AHEAD, FINAL_SNAPSHOT_BEHIND ->
          "the buffer's pushes match the consumes of stream \"" + stream + "\"";
      case WRONG_ITEMS ->
          expected == TraceEvent.ABSENT
              ? "a buffer holds only what was pushed into it"
              : "the buffer holds, oldest first, the last "
                  + held
                  + " of the first "
                  + pushed
                  + " sequences consumed: position "
                  + position
                  + " is sequence "
                  + expected;
      case MEMORY_GROWTH ->
          "the page's heap grows by at most " + toleranceBytes + " bytes once the buffers are full";
    };
  }

  /** What the trace shows instead, as a sentence. */
  String actual() {
    return switch (defect) {
      case NO_SNAPSHOT -> value + " messages were consumed and no buffer snapshot was reported";
      case OVER_CAPACITY -> "it held " + held + " items after " + pushed + " pushes";
      case WRONG_EVICTIONS -> "it reported " + value + " evictions";
      case MISSING_ITEMS -> "it held " + held;
      case SNAPSHOT_AHEAD ->
          "a snapshot reports " + pushed + " pushes, but only " + value + " were consumed";
      case FINAL_SNAPSHOT_BEHIND ->
          "the last snapshot reports " + pushed + " pushes, but " + value + " were consumed";
      case WRONG_ITEMS ->
          expected == TraceEvent.ABSENT
              ? "it held "
                  + held
                  + " items after "
                  + pushed
                  + " pushes: position "
                  + position
                  + " (sequence "
                  + value
                  + ") was never pushed"
              : "position " + position + " holds sequence " + value;
      case MEMORY_GROWTH ->
          "it grew by "
              + (value - expected)
              + " bytes, from "
              + expected
              + " to "
              + value
              + " bytes";
    };
  }
}
