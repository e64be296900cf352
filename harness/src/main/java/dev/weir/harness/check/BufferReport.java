package dev.weir.harness.check;

import static dev.weir.harness.check.BufferTally.EXPECTED;
import static dev.weir.harness.check.BufferTally.HELD;
import static dev.weir.harness.check.BufferTally.POSITION;
import static dev.weir.harness.check.BufferTally.PUSHED;
import static dev.weir.harness.check.BufferTally.VALUE;

import dev.weir.harness.trace.TraceEvent;
import dev.weir.harness.trace.TraceSnapshot;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Turns a buffer pass's tally into a verdict: counts, fraction, status, violation, summary. */
final class BufferReport {

  private final String checker;
  private final int capacity;
  private final long toleranceBytes;

  BufferReport(String checker, int capacity, long toleranceBytes) {
    this.checker = checker;
    this.capacity = capacity;
    this.toleranceBytes = toleranceBytes;
  }

  Verdict verdict(
      TraceSnapshot trace, BufferTally tally, Map<String, BufferStream> streams, BufferHeap heap) {
    long buffers = 0;
    long consumed = 0;
    long unbuffered = 0;
    for (BufferStream stream : streams.values()) {
      if (stream.buffered()) {
        buffers++;
        consumed += stream.consumed();
      } else if (stream.consumed() > 0) {
        unbuffered++;
      }
    }
    EarliestFinding<BufferDefect> first = tally.first();
    String unjudged = buffers == 0 && consumed == 0 && unbuffered == 0
        ? "nothing was consumed and no buffer was reported: there was nothing to judge."
        : toleranceBytes >= 0 && buffers > 0 && !heap.filled()
            ? "memory once the buffers are full was declared, but they never filled."
        : toleranceBytes >= 0 && heap.filled() && heap.counted() < 2
            ? "the buffers filled, but the heap was sampled " + heap.counted() + " time"
                + (heap.counted() == 1 ? "" : "s") + " after that, and its growth needs 2."
            : null;
    Status status =
        first.present() ? Status.FAILED : unjudged != null ? Status.INCONCLUSIVE : Status.OK;
    Violation violation =
        first.present() ? first.violation(trace, expected(first), actual(first)) : null;
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("buffers", buffers);
    counts.put("snapshots", tally.snapshots());
    counts.put("snapshots-correct", tally.correct());
    counts.put("items-checked", tally.itemsChecked());
    counts.put("consumed", consumed);
    counts.put("max-held", tally.maxHeld());
    counts.put("unverifiable", tally.unverifiable());
    counts.put("pending-overflow", tally.pendingOverflow());
    counts.put("unbuffered-streams", unbuffered);
    for (BufferDefect defect : BufferDefect.values()) {
      counts.put(defect.label(), tally.count(defect));
    }
    counts.put("heap-samples", heap.counted());
    counts.put("heap-growth-bytes", heap.growth());
    Map<String, Double> fractions = new LinkedHashMap<>();
    fractions.put(
        "snapshots-correct",
        tally.snapshots() == 0 ? Double.NaN : (double) tally.correct() / tally.snapshots());
    String summary =
        summary(status, unjudged, tally, buffers, consumed, unbuffered, heap, violation);
    return new Verdict(checker, status, counts, fractions, violation, summary);
  }

  /** What the declared behaviour required, as a sentence. */
  private String expected(EarliestFinding<BufferDefect> f) {
    String stream = f.stream();
    long pushed = f.number(PUSHED);
    long expected = f.number(EXPECTED);
    return switch (f.defect()) {
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
                  + f.number(HELD)
                  + " of the first "
                  + pushed
                  + " sequences consumed: position "
                  + f.number(POSITION)
                  + " is sequence "
                  + expected;
      case MEMORY_GROWTH ->
          "the page's heap grows by at most " + toleranceBytes + " bytes once the buffers are full";
    };
  }

  /** What the trace shows instead, as a sentence. */
  private static String actual(EarliestFinding<BufferDefect> f) {
    long pushed = f.number(PUSHED);
    long held = f.number(HELD);
    long position = f.number(POSITION);
    long value = f.number(VALUE);
    long expected = f.number(EXPECTED);
    return switch (f.defect()) {
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

  private String summary(
      Status status,
      String unjudged,
      BufferTally tally,
      long buffers,
      long consumed,
      long unbuffered,
      BufferHeap heap,
      Violation violation) {
    StringBuilder s = Units.verdictStart(status, unjudged);
    s.append(Units.plural(buffers, "buffer")).append(" of capacity ").append(capacity);
    s.append(", ").append(Units.plural(tally.snapshots(), "snapshot"));
    s.append(" over ").append(Units.plural(consumed, "consumed message")).append("; ");
    s.append(tally.correct()).append(" snapshot").append(tally.correct() == 1 ? "" : "s");
    s.append(" correct");
    if (tally.snapshots() > 0) {
      s.append(
          String.format(Locale.ROOT, " (%.1f%%)", 100.0 * tally.correct() / tally.snapshots()));
    }
    s.append(", ")
        .append(Units.plural(tally.itemsChecked(), "item"))
        .append(" compared with the consumes");
    s.append(", at most ").append(tally.maxHeld()).append(" held.");
    if (tally.unverifiable() > 0) {
      s.append(' ')
          .append(Units.plural(tally.unverifiable(), "snapshot"))
          .append(" had items whose consumes were no longer held, not compared");
      if (tally.pendingOverflow() > 0) {
        s.append(" (").append(tally.pendingOverflow()).append(" found the waiting queue full)");
      }
      s.append('.');
    }
    if (unbuffered > 0) {
      s.append(' ')
          .append(Units.plural(unbuffered, "stream"))
          .append(" consumed without a buffer of its name, not judged.");
    }
    StringBuilder found = new StringBuilder();
    for (BufferDefect defect : BufferDefect.values()) {
      long n = tally.count(defect);
      if (n > 0) {
        found.append(found.length() == 0 ? " Found: " : ", ").append(n).append(' ');
        found.append(defect.label());
      }
    }
    if (found.length() > 0) {
      s.append(found).append('.');
    }
    if (toleranceBytes < 0) {
      s.append(" Heap not judged: no memory tolerance was declared.");
    } else if (buffers == 0) {
      s.append(" Heap not judged: no buffer was reported.");
    } else if (!heap.filled()) {
      s.append(" Heap not judged: the buffers never filled (their memory is judged once full).");
    } else if (heap.counted() < 2) {
      s.append(" Heap not judged: ")
          .append(Units.plural(heap.counted(), BufferHeap.METRIC + " sample"))
          .append(" after the buffers were full, 2 needed.");
    } else {
      s.append(" Heap: ")
          .append(Units.plural(heap.counted(), BufferHeap.METRIC + " sample"))
          .append(" after the buffers were full, grew ")
          .append(heap.growth())
          .append(" bytes (tolerance ")
          .append(toleranceBytes)
          .append(").");
    }
    if (violation != null) {
      s.append(" First violation: ")
          .append(violation.describe()).append('.');
    }
    return s.toString();
  }

}
