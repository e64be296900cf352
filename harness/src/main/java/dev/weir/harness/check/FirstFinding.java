package dev.weir.harness.check;

import java.math.BigDecimal;

/**
 * The earliest finding of a pass, by the position of the event that shows it (ties go to the more
 * specific defect). Findings arrive out of trace order — a loss is known only at the end but named
 * by its send — so each is offered and the earliest kept, as primitives; its sentences are written
 * once, for the one that is reported.
 */
final class FirstFinding {

  private OrderingDefect defect;
  private String stream;
  private long sequence;
  private long index;
  private long value;
  private boolean beyond;

  /**
   * @param index the event that shows the finding
   * @param value what the sentences quote beside the sequence: the newest send or arrival it is
   *     measured against, or a wait in ns
   * @param beyond true when the finding concerns the edge of what the checker holds: beyond its
   *     window, or (for a stall) a message that never arrived
   */
  void offer(
      OrderingDefect defect, String stream, long sequence, long index, long value, boolean beyond) {
    if (this.defect != null
        && (index > this.index
            || index == this.index && defect.ordinal() >= this.defect.ordinal())) {
      return;
    }
    this.defect = defect;
    this.stream = stream;
    this.sequence = sequence;
    this.index = index;
    this.value = value;
    this.beyond = beyond;
  }

  boolean present() {
    return defect != null;
  }

  OrderingDefect defect() {
    return defect;
  }

  String stream() {
    return stream;
  }

  long sequence() {
    return sequence;
  }

  long index() {
    return index;
  }

  /** What the declared behaviour required, as a sentence. */
  String expected(long stallNs) {
    return switch (defect) {
      case RESENT -> "each sequence is sent once, in increasing order";
      case PHANTOM -> "only sequences that were sent arrive";
      case DUPLICATE -> "sequence " + sequence + " arrives once";
      case OUT_OF_ORDER -> "sequences arrive in the order they were sent";
      case LOST, ALLOWED_LOST ->
          "sequence " + sequence + " arrives, or a drop event accounts for it";
      case STALL -> "sequence " + sequence + " arrives within " + millis(stallNs) + " of its send";
    };
  }

  /** What the trace shows instead, as a sentence. */
  String actual(int window) {
    String s = "sequence " + sequence;
    return switch (defect) {
      case RESENT ->
          beyond
              ? s
                  + " was sent after sequence "
                  + value
                  + ", beyond the checker's window of "
                  + window
                  + " sequences"
              : s + " was sent a second time";
      case PHANTOM ->
          beyond
              ? s
                  + " arrived more than "
                  + window
                  + " sequences ahead of the newest send ("
                  + value
                  + ")"
              : s + " arrived but was never sent";
      case DUPLICATE -> s + " arrived again";
      case OUT_OF_ORDER ->
          beyond
              ? s
                  + " arrived after sequence "
                  + value
                  + " had been seen, beyond the checker's "
                  + "window of "
                  + window
                  + " sequences"
              : s + " arrived after sequence " + value;
      case LOST ->
          beyond
              ? s
                  + " had not arrived when sequence "
                  + value
                  + " was seen, beyond the checker's "
                  + "window of "
                  + window
                  + " sequences, and no drop was recorded for it"
              : s + " never arrived, and no drop was recorded for it";
      case STALL ->
          beyond
              ? s + " had still not arrived " + millis(value) + " after its send"
              : s + " arrived " + millis(value) + " after its send";
      case ALLOWED_LOST -> s + " never arrived; a drop event accounts for it";
    };
  }

  /** {@code 350 ms}, {@code 1.25 ms}: exact, in one unit, so reports compare at a glance. */
  static String millis(long ns) {
    return BigDecimal.valueOf(ns, 6).stripTrailingZeros().toPlainString() + " ms";
  }
}
