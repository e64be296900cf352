package dev.weir.harness.trace;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which events a {@link TraceCursor} visits: some kinds, on one stream or on all. Immutable, so one
 * filter can be shared; {@code EventFilter.of(SEND, DELIVERY).onStream("accel")}.
 */
public final class EventFilter {

  private static final EventFilter ALL = new EventFilter(null, EnumSet.allOf(EventKind.class));

  private final String stream;
  private final Set<EventKind> kinds;

  private EventFilter(String stream, Set<EventKind> kinds) {
    this.stream = stream;
    this.kinds = Collections.unmodifiableSet(kinds);
  }

  /** Every event. */
  public static EventFilter all() {
    return ALL;
  }

  /** Events of these kinds, on every stream. */
  public static EventFilter of(EventKind first, EventKind... more) {
    EnumSet<EventKind> kinds = EnumSet.of(Objects.requireNonNull(first, "kind"));
    for (EventKind kind : more) {
      kinds.add(Objects.requireNonNull(kind, () -> "kinds " + Arrays.toString(more)));
    }
    return new EventFilter(null, kinds);
  }

  /** This filter restricted to the stream called {@code name}. */
  public EventFilter onStream(String name) {
    Trace.checkStreamName(name);
    return new EventFilter(name, EnumSet.copyOf(kinds));
  }

  /** The stream events must be on; empty for every stream. */
  public Optional<String> stream() {
    return Optional.ofNullable(stream);
  }

  /** The kinds let through; never empty. */
  public Set<EventKind> kinds() {
    return kinds;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EventFilter f && Objects.equals(stream, f.stream) && kinds.equals(f.kinds);
  }

  @Override
  public int hashCode() {
    return Objects.hash(stream, kinds);
  }

  @Override
  public String toString() {
    return "EventFilter[stream=" + (stream == null ? "any" : stream) + ", kinds=" + kinds + "]";
  }
}
