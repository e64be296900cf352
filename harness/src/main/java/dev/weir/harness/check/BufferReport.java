package dev.weir.harness.check;

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
    BufferFinding first = tally.first();
    Status status = first.present() ? Status.FAILED : Status.OK;
    Violation violation =
        first.present()
            ? ViolationContext.at(
                trace,
                first.stream(),
                first.index(),
                first.defect().label(),
                first.expected(capacity, toleranceBytes),
                first.actual())
            : null;
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
    String summary = summary(status, tally, buffers, consumed, unbuffered, heap, violation);
    return new Verdict(checker, status, counts, fractions, violation, summary);
  }

  private String summary(
      Status status,
      BufferTally tally,
      long buffers,
      long consumed,
      long unbuffered,
      BufferHeap heap,
      Violation violation) {
    StringBuilder s = new StringBuilder(status.label()).append(": ");
    s.append(plural(buffers, "buffer")).append(" of capacity ").append(capacity);
    s.append(", ").append(plural(tally.snapshots(), "snapshot"));
    s.append(" over ").append(plural(consumed, "consumed message")).append("; ");
    s.append(tally.correct()).append(" snapshot").append(tally.correct() == 1 ? "" : "s");
    s.append(" correct");
    if (tally.snapshots() > 0) {
      s.append(
          String.format(Locale.ROOT, " (%.1f%%)", 100.0 * tally.correct() / tally.snapshots()));
    }
    s.append(", ")
        .append(plural(tally.itemsChecked(), "item"))
        .append(" compared with the consumes");
    s.append(", at most ").append(tally.maxHeld()).append(" held.");
    if (tally.unverifiable() > 0) {
      s.append(' ')
          .append(plural(tally.unverifiable(), "snapshot"))
          .append(" had items whose consumes were no longer held, not compared");
      if (tally.pendingOverflow() > 0) {
        s.append(" (").append(tally.pendingOverflow()).append(" found the waiting queue full)");
      }
      s.append('.');
    }
    if (unbuffered > 0) {
      s.append(' ')
          .append(plural(unbuffered, "stream"))
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
    if (buffers == 0) {
      s.append(" Heap not judged: no buffer was reported.");
    } else if (heap.counted() < 2) {
      s.append(" Heap not judged: ")
          .append(plural(heap.counted(), BufferHeap.METRIC + " sample"))
          .append(" after the buffers were full, 2 needed.");
    } else {
      s.append(" Heap: ")
          .append(plural(heap.counted(), BufferHeap.METRIC + " sample"))
          .append(" after the buffers were full, grew ")
          .append(heap.growth())
          .append(" bytes (tolerance ")
          .append(toleranceBytes)
          .append(").");
    }
    if (violation != null) {
      s.append(" First violation: ")
          .append(violation.defect())
          .append(" at event #")
          .append(violation.event().index())
          .append(" (stream \"")
          .append(violation.event().stream())
          .append("\"): expected ")
          .append(violation.expected())
          .append(", but ")
          .append(violation.actual())
          .append('.');
    }
    return s.toString();
  }

  private static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
