package dev.weir.harness.evidence;

import dev.weir.harness.trace.EventFilter;
import dev.weir.harness.trace.EventKind;
import dev.weir.harness.trace.TraceCursor;
import dev.weir.harness.trace.TraceSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one pass over a trace's sends, deliveries and buffer snapshots that gives a run's evidence:
 * latencies into {@link LogBins}, counts and occupancy into {@link TimeBuckets}. Memory: one
 * {@link LatencyWindow} per stream and fixed arrays.
 */
final class EvidencePass {

  /** No declared buffer capacity to draw. */
  static final long NO_CAPACITY = -1;

  private final LogBins latencies = new LogBins();
  private final TimeBuckets buckets = new TimeBuckets();
  private final int sends = buckets.summing();
  private final int deliveries = buckets.summing();
  private final Map<String, LatencyWindow> windows = new HashMap<>();
  private final Map<String, Integer> buffers = new LinkedHashMap<>();
  private long omittedBuffers;

  private EvidencePass() {}

  /**
   * @param capacity the buffers' declared capacity, drawn as a level; {@link #NO_CAPACITY} for none
   */
  static Evidence gather(TraceSnapshot trace, long capacity, Retries retries) {
    EvidencePass pass = new EvidencePass();
    TraceCursor event =
        trace.cursor(EventFilter.of(EventKind.SEND, EventKind.DELIVERY, EventKind.BUFFER));
    while (event.next()) {
      switch (event.kind()) {
        case SEND -> pass.sent(event.stream(), event.sequence(), event.wallNs());
        case DELIVERY -> pass.delivered(event.stream(), event.sequence(), event.wallNs());
        default -> pass.buffered(event.stream(), event.held(), event.wallNs());
      }
    }
    return pass.evidence(capacity, retries);
  }

  private void sent(String stream, long sequence, long ns) {
    buckets.put(sends, ns, 1);
    windows.computeIfAbsent(stream, s -> new LatencyWindow()).sent(sequence, ns, latencies);
  }

  private void delivered(String stream, long sequence, long ns) {
    buckets.put(deliveries, ns, 1);
    windows.computeIfAbsent(stream, s -> new LatencyWindow()).delivered(sequence, ns, latencies);
  }

  private void buffered(String buffer, int held, long ns) {
    Integer column = buffers.get(buffer);
    if (column == null) {
      if (buffers.size() - omittedBuffers == TimeBuckets.MAX_SERIES) {
        omittedBuffers++;
        buffers.put(buffer, -1);
        return;
      }
      column = buckets.keepingMost();
      buffers.put(buffer, column);
    }
    if (column >= 0) {
      buckets.put(column, ns, held);
    }
  }

  private Evidence evidence(long capacity, Retries retries) {
    Timeline throughput =
        new Timeline(
            "throughput",
            buckets.widthNs(),
            List.of(
                new Timeline.Series("sends", "messages", buckets.points(sends)),
                new Timeline.Series("deliveries", "messages", buckets.points(deliveries))),
            List.of(),
            0);
    List<Timeline.Series> held = new ArrayList<>();
    buffers.forEach(
        (buffer, column) -> {
          if (column >= 0) {
            held.add(new Timeline.Series(buffer, "items", buckets.points(column)));
          }
        });
    Timeline occupancy =
        new Timeline(
            "buffer occupancy",
            buckets.widthNs(),
            held,
            capacity == NO_CAPACITY ? List.of() : List.of(new Timeline.Level("capacity", capacity)),
            omittedBuffers);
    return new Evidence(latencies.histogram("delivery latency"), throughput, occupancy, retries);
  }
}
