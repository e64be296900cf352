package dev.weir.harness.trace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The events of a trace up to one moment: a consistent view checkers read while transports keep
 * appending. Taking one copies no events, only the chunk directory and the strings, and later
 * appends never show in it. Immutable and safe to share between threads.
 */
public final class TraceSnapshot {

  private final EventColumns.View events;
  private final String[] streams;
  private final String[] details;
  private final long[] counts;

  TraceSnapshot(EventColumns.View events, String[] streams, String[] details, long[] counts) {
    this.events = events;
    this.streams = streams;
    this.details = details;
    this.counts = counts;
  }

  /** Number of events. */
  public long size() {
    return events.size();
  }

  /** Number of events of {@code kind}, without a scan. */
  public long count(EventKind kind) {
    return counts[kind.ordinal()];
  }

  /** Number of events per kind, every kind present (zero when none), in declaration order. */
  public Map<EventKind, Long> counts() {
    Map<EventKind, Long> byKind = new EnumMap<>(EventKind.class);
    for (EventKind kind : EventKind.values()) {
      byKind.put(kind, counts[kind.ordinal()]);
    }
    return Collections.unmodifiableMap(byKind);
  }

  /** Number of events {@code filter} lets through (a scan of all events). */
  public long count(EventFilter filter) {
    TraceCursor cursor = cursor(filter);
    long n = 0;
    while (cursor.next()) {
      n++;
    }
    return n;
  }

  /** Stream names by id, in order of registration; streams without events included. */
  public List<String> streams() {
    return List.of(streams);
  }

  /** A cursor over every event. */
  public TraceCursor cursor() {
    return cursor(EventFilter.all());
  }

  /**
   * A cursor over the events {@code filter} lets through.
   *
   * @throws IllegalArgumentException if the filter names a stream this snapshot does not have
   */
  public TraceCursor cursor(EventFilter filter) {
    int kindMask = 0;
    for (EventKind kind : filter.kinds()) {
      kindMask |= 1 << kind.ordinal();
    }
    int stream = filter.stream().map(this::streamId).orElse(-1);
    return new TraceCursor(events, streams, details, stream, kindMask);
  }

  /** The events {@code filter} lets through as values: one object each, for small selections. */
  public List<TraceEvent> events(EventFilter filter) {
    List<TraceEvent> list = new ArrayList<>();
    TraceCursor cursor = cursor(filter);
    while (cursor.next()) {
      list.add(cursor.toEvent());
    }
    return list;
  }

  private int streamId(String name) {
    for (int id = 0; id < streams.length; id++) {
      if (streams[id].equals(name)) {
        return id;
      }
    }
    throw new IllegalArgumentException(
        "no stream named \""
            + name
            + "\" in this trace; its streams are "
            + (streams.length == 0 ? "none" : String.join(", ", streams)));
  }
}
