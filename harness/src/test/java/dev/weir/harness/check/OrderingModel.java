package dev.weir.harness.check;

import dev.weir.harness.trace.EventKind;
import dev.weir.harness.trace.TraceCursor;
import dev.weir.harness.trace.TraceEvent;
import dev.weir.harness.trace.TraceSnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ordering checker's definitions (the defect table in docs/checkers.md) read literally: every
 * event of every stream kept in lists and hash maps, nothing bounded, nothing clever. Slow and
 * plain, to compare {@link OrderingChecker} with on random traces.
 */
final class OrderingModel {

  /** What the checker should say: its counts and its first violation (null defect for none). */
  record Judgment(Map<String, Long> counts, String defect, long index) {}

  private record Event(EventKind kind, long sequence, long index, long wallNs) {}

  private final long stallNs;
  private final Map<String, Long> counts = new LinkedHashMap<>();
  private final long[] firstIndex = new long[OrderingDefect.values().length];
  private long worstWaitNs;

  private OrderingModel(long stallNs) {
    this.stallNs = stallNs;
    for (String name :
        List.of(
            "streams", "sent", "arrived", "ok", "lost", "allowed-lost", "duplicated",
            "out-of-order", "phantom", "stalled", "resent")) {
      counts.put(name, 0L);
    }
    Arrays.fill(firstIndex, Long.MAX_VALUE);
  }

  /** Judges {@code trace} with deliveries as arrivals and the stall bound {@code stallNs}. */
  static Judgment judge(TraceSnapshot trace, long stallNs) {
    Map<String, List<Event>> streams = new LinkedHashMap<>();
    long endNs = 0;
    TraceCursor c = trace.cursor();
    while (c.next()) {
      endNs = Math.max(endNs, Math.max(c.wallNs(), c.arrivalNs()));
      EventKind kind = c.kind();
      boolean judged =
          kind == EventKind.SEND || kind == EventKind.DELIVERY || kind == EventKind.DROP;
      if (judged && c.sequence() != TraceEvent.ABSENT) {
        streams
            .computeIfAbsent(c.stream(), s -> new ArrayList<>())
            .add(new Event(kind, c.sequence(), c.index(), c.wallNs()));
      }
    }
    OrderingModel model = new OrderingModel(stallNs);
    for (List<Event> events : streams.values()) {
      model.stream(events, endNs);
    }
    model.counts.put("worst-wait-ns", model.worstWaitNs);
    OrderingDefect first = null;
    for (OrderingDefect d : OrderingDefect.values()) { // declared from the most specific
      if (!d.allowed() && (first == null || model.firstIndex[d.ordinal()] < model.first(first))) {
        first = d;
      }
    }
    if (model.first(first) == Long.MAX_VALUE) {
      first = OrderingDefect.ALLOWED_LOST;
    }
    long index = model.first(first);
    return new Judgment(model.counts, index == Long.MAX_VALUE ? null : first.label(), index);
  }

  private void stream(List<Event> events, long endNs) {
    add("streams", 1);
    Map<Long, Event> firstSend = new HashMap<>();
    Map<Long, Event> firstArrival = new HashMap<>();
    Map<Long, Integer> arrivals = new HashMap<>();
    Map<Long, Event> lastDrop = new HashMap<>();
    Map<Long, Boolean> outOfOrder = new HashMap<>();
    long maxArrived = -1;
    for (Event e : events) {
      switch (e.kind()) {
        case SEND -> {
          add("sent", 1);
          if (firstSend.putIfAbsent(e.sequence(), e) != null) {
            found(OrderingDefect.RESENT, e.index());
          }
        }
        case DROP -> lastDrop.put(e.sequence(), e);
        default -> {
          add("arrived", 1);
          int copies = arrivals.merge(e.sequence(), 1, Integer::sum);
          if (copies == 1) {
            firstArrival.put(e.sequence(), e);
            if (e.sequence() < maxArrived) {
              outOfOrder.put(e.sequence(), true);
              found(OrderingDefect.OUT_OF_ORDER, e.index());
            }
          } else if (copies == 2) {
            found(OrderingDefect.DUPLICATE, e.index());
          }
          maxArrived = Math.max(maxArrived, e.sequence());
        }
      }
    }
    for (Map.Entry<Long, Event> arrived : firstArrival.entrySet()) {
      if (!firstSend.containsKey(arrived.getKey())) {
        found(OrderingDefect.PHANTOM, arrived.getValue().index());
      }
    }
    for (Map.Entry<Long, Event> sent : firstSend.entrySet()) {
      long sequence = sent.getKey();
      Event send = sent.getValue();
      Event arrival = firstArrival.get(sequence);
      if (arrival != null) {
        boolean stalled = waited(arrival.wallNs() - send.wallNs(), arrival.index());
        if (arrivals.get(sequence) == 1 && !outOfOrder.containsKey(sequence) && !stalled) {
          add("ok", 1);
        }
      } else if (lastDrop.containsKey(sequence)) {
        found(OrderingDefect.ALLOWED_LOST, lastDrop.get(sequence).index());
      } else {
        found(OrderingDefect.LOST, send.index());
        waited(endNs - send.wallNs(), send.index());
      }
    }
  }

  private boolean waited(long waitNs, long index) {
    worstWaitNs = Math.max(worstWaitNs, waitNs);
    if (waitNs > stallNs) {
      found(OrderingDefect.STALL, index);
      return true;
    }
    return false;
  }

  private void found(OrderingDefect defect, long index) {
    add(defect.countName(), 1);
    firstIndex[defect.ordinal()] = Math.min(firstIndex[defect.ordinal()], index);
  }

  private long first(OrderingDefect defect) {
    return firstIndex[defect.ordinal()];
  }

  private void add(String count, long n) {
    counts.merge(count, n, Long::sum);
  }
}
