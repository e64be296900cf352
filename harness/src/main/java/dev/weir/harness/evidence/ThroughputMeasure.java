package dev.weir.harness.evidence;

import dev.weir.harness.check.Checker;
import dev.weir.harness.check.Status;
import dev.weir.harness.check.Verdict;
import dev.weir.harness.trace.EventFilter;
import dev.weir.harness.trace.EventKind;
import dev.weir.harness.trace.TraceCursor;
import dev.weir.harness.trace.TraceSnapshot;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Throughput, measured and never judged: messages and bytes sent, over the time from the first
 * send to the last delivery the page reported, as an INFORMATIONAL verdict. One pass, no object
 * per event.
 */
public final class ThroughputMeasure implements Checker {

  @Override
  public String name() {
    return "throughput";
  }

  @Override
  public Verdict check(TraceSnapshot trace) {
    long messages = 0;
    long bytes = 0;
    long delivered = 0;
    long firstSendNs = Long.MAX_VALUE;
    long lastDeliveryNs = Long.MIN_VALUE;
    TraceCursor event = trace.cursor(EventFilter.of(EventKind.SEND, EventKind.DELIVERY));
    while (event.next()) {
      if (event.kind() == EventKind.SEND) {
        messages++;
        bytes += event.sizeBytes();
        firstSendNs = Math.min(firstSendNs, event.wallNs());
      } else {
        delivered++;
        lastDeliveryNs = Math.max(lastDeliveryNs, event.wallNs());
      }
    }
    long spanNs = delivered == 0 ? 0 : Math.max(1, lastDeliveryNs - firstSendNs);
    double seconds = spanNs / 1e9;
    long perSecond = spanNs == 0 ? 0 : Math.round(messages / seconds);
    long kbPerSecond = spanNs == 0 ? 0 : Math.round(bytes / 1e3 / seconds);
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("messages", messages);
    counts.put("bytes", bytes);
    counts.put("delivered", delivered);
    counts.put("span_us", spanNs / 1_000);
    counts.put("messages_per_s", perSecond);
    counts.put("kb_per_s", kbPerSecond);
    String summary = String.format(
        "INFORMATIONAL: %d messages (%d bytes) sent, %d delivered, in %.1f ms from the first send"
            + " to the last delivery: %d messages/s, %.1f MB/s.",
        messages, bytes, delivered, spanNs / 1e6, perSecond, kbPerSecond / 1e3);
    return new Verdict(name(), Status.INFORMATIONAL, counts, Map.of(), null, summary);
  }
}
