package dev.weir.scenarios.report;

import dev.weir.harness.trace.TraceEvent;
import java.util.Locale;

/** A trace event's own fields in a few words, for the rows around a violation. */
final class EventText {

  private EventText() {}

  /** {@code sequence 3, 8 B}, {@code closed 1001}, {@code held 200 (pushed 600, evicted 400)}… */
  static String fields(TraceEvent e) {
    return switch (e.kind()) {
      case SEND, DELIVERY -> "sequence " + e.sequence() + ", " + e.sizeBytes() + " B";
      case OPEN, CLOSE, END, CONNECT_ATTEMPT, REFUSAL, DROP, FAULT, LOSS_HEARD ->
          (e.sequence() == TraceEvent.ABSENT ? "" : "sequence " + e.sequence() + " ") + e.detail();
      case CONSUME -> "sequence " + e.sequence();
      case BUFFER ->
          "held " + e.held() + " (pushed " + e.pushed() + ", evicted " + e.evictions() + ")";
      case BUFFER_ITEM -> "position " + e.position() + ": sequence " + e.sequence();
      case RECONNECT ->
          e.decision() + ", attempt " + e.attempt() + ", delay "
              + millis(e.delayMicros() * 1_000);
      case GAUGE -> e.metric() + " = " + e.value();
      case CLOCK -> "page clock within " + millis(e.value());
      case LAG -> "page event loop held " + millis(e.value());
    };
  }

  /** {@code 12.345 ms}: three decimals, the same text on every JDK. */
  static String millis(long ns) {
    return String.format(Locale.ROOT, "%.3f ms", ns / 1e6);
  }
}
