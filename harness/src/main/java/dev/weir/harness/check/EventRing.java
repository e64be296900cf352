package dev.weir.harness.check;

import dev.weir.harness.trace.EventKind;
import dev.weir.harness.trace.TraceCursor;
import dev.weir.harness.trace.TraceEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The last few events a cursor passed, copied field by field into primitive columns: a pass keeps
 * the context before a violation without creating an object per event it walks.
 */
final class EventRing {

  private final long[] index;
  private final EventKind[] kind;
  private final String[] stream;
  private final long[] sequence;
  private final int[] sizeBytes;
  private final long[] wallNs;
  private final long[] virtualNs;
  private final long[] arrivalNs;
  private final String[] detail;
  private final long[] pushed;
  private final long[] evictions;
  private final int[] held;
  private final int[] position;
  private final long[] attempt;
  private final long[] delayMicros;
  private final long[] value;
  private int size;
  private int next;

  EventRing(int capacity) {
    index = new long[capacity];
    kind = new EventKind[capacity];
    stream = new String[capacity];
    sequence = new long[capacity];
    sizeBytes = new int[capacity];
    wallNs = new long[capacity];
    virtualNs = new long[capacity];
    arrivalNs = new long[capacity];
    detail = new String[capacity];
    pushed = new long[capacity];
    evictions = new long[capacity];
    held = new int[capacity];
    position = new int[capacity];
    attempt = new long[capacity];
    delayMicros = new long[capacity];
    value = new long[capacity];
  }

  /** Keeps the cursor's current event, forgetting the oldest when full. */
  void add(TraceCursor event) {
    int i = next;
    index[i] = event.index();
    kind[i] = event.kind();
    stream[i] = event.stream();
    sequence[i] = event.sequence();
    sizeBytes[i] = event.sizeBytes();
    wallNs[i] = event.wallNs();
    virtualNs[i] = event.virtualNs();
    arrivalNs[i] = event.arrivalNs();
    detail[i] = event.detail();
    pushed[i] = event.pushed();
    evictions[i] = event.evictions();
    held[i] = event.held();
    position[i] = event.position();
    attempt[i] = event.attempt();
    delayMicros[i] = event.delayMicros();
    value[i] = event.value();
    next = (i + 1) % index.length;
    size = Math.min(size + 1, index.length);
  }

  /** The events kept, oldest first. */
  List<TraceEvent> events() {
    List<TraceEvent> events = new ArrayList<>(size);
    for (int k = 0; k < size; k++) {
      int i = Math.floorMod(next - size + k, index.length);
      events.add(
          new TraceEvent(
              index[i],
              kind[i],
              stream[i],
              sequence[i],
              sizeBytes[i],
              wallNs[i],
              virtualNs[i],
              arrivalNs[i],
              detail[i],
              pushed[i],
              evictions[i],
              held[i],
              position[i],
              attempt[i],
              delayMicros[i],
              value[i]));
    }
    return events;
  }
}
