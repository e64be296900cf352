package dev.weir.harness.trace;

import java.util.Arrays;

/**
 * What a trace event records. Sends and deliveries carry a sequence and a payload size; the
 * lifecycle kinds carry a detail string and, where one message is concerned, its sequence. The
 * frontend's probe reports what the transports cannot see (consumes, buffer snapshots, reconnection
 * decisions), and gauges hold values the harness observed from outside. Which fields each kind has:
 * {@link TraceCursor} and {@code docs/trace-format.md}.
 *
 * <p>The declaration order is part of the file format (it numbers the MCAP channels): new kinds go
 * at the end.
 */
public enum EventKind {
  /** The Java side handed a message to the transport. */
  SEND("send"),
  /** The page received a message (reported by the JS side, in batches, after the fact). */
  DELIVERY("delivery"),
  /** A stream, subscription or connection opened. */
  OPEN("open"),
  /** A stream, subscription or connection closed, from either side. */
  CLOSE("close"),
  /** The backend ended a stream (a channel's {@code end} message with the count sent). */
  END("end"),
  /** A client tried to connect (observed by the server, so a page cannot hide its retries). */
  CONNECT_ATTEMPT("connect-attempt"),
  /** The server refused a connection: down for a fault, or a missing token. */
  REFUSAL("refusal"),
  /** A message was discarded; the detail names the policy or reason. */
  DROP("drop"),
  /** A declared fault was applied; the detail names the fault kind. */
  FAULT("fault"),
  /**
   * The frontend handed a message to its application, after its own reorder buffer (reported by the
   * probe, timed by the page's clock).
   */
  CONSUME("consume"),
  /**
   * A snapshot of a frontend circular buffer: items ever pushed, evictions so far, items held. The
   * held items follow it at once, as {@link #BUFFER_ITEM} events, oldest first.
   */
  BUFFER("buffer"),
  /** One item a {@link #BUFFER} snapshot held: its sequence and its position, 0 the oldest. */
  BUFFER_ITEM("buffer-item"),
  /** The frontend decided what to do about a lost connection: retry, open, reset or give up. */
  RECONNECT("reconnect"),
  /** A value the harness observed from outside, such as the JS heap after a GC. */
  GAUGE("gauge"),
  /**
   * How far, at most, the page times recorded after it may be from the truth: the error bound of
   * converting the page's clock to Java's, which tightens as the page and Java exchange messages.
   * Recorded by Java when the bound changes.
   */
  CLOCK("clock"),
  /**
   * How late the page's event loop ran a timer weir set (its lag monitor), at the page's time: a
   * busy renderer delays every timer and task the same way, so timing judgments allow it.
   */
  LAG("lag"),
  /**
   * When the page's transport half heard that a connection attempt failed or a connection was
   * lost, at the page's time: where a frontend's reconnection wait can begin, which on a busy
   * machine is well after the server refused (told with the page's next attempt).
   */
  LOSS_HEARD("loss-heard");

  private final String label;

  EventKind(String label) {
    this.label = label;
  }

  /** The kind's name in files and messages: lower case, words joined by {@code -}. */
  public String label() {
    return label;
  }

  /**
   * The field that holds {@link TraceCursor#value()} in the files weir writes (the trace's MCAP
   * messages, a verdict's events): {@code value} for a gauge, {@code bound_ns} for a clock event,
   * {@code lag_ns} for a lag; null for kinds without a value.
   */
  public String valueField() {
    return switch (this) {
      case GAUGE -> "value";
      case CLOCK -> "bound_ns";
      case LAG -> "lag_ns";
      default -> null;
    };
  }

  /**
   * The kind whose {@link #label()} is {@code label}, for readers of files weir wrote.
   *
   * @throws IllegalArgumentException naming the labels there are
   */
  public static EventKind ofLabel(String label) {
    for (EventKind kind : values()) {
      if (kind.label.equals(label)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown event kind \"" + label + "\"; expected one of "
        + Arrays.stream(values()).map(EventKind::label).toList());
  }

  /**
   * True for the kinds {@link Trace#lifecycle} records: open, close, end, connect-attempt, refusal,
   * drop, fault and loss-heard. They carry a detail and, where one message is concerned, its sequence.
   */
  public boolean isLifecycle() {
    return switch (this) {
      case OPEN, CLOSE, END, CONNECT_ATTEMPT, REFUSAL, DROP, FAULT, LOSS_HEARD -> true;
      case SEND, DELIVERY, CONSUME, BUFFER, BUFFER_ITEM, RECONNECT, GAUGE, CLOCK, LAG -> false;
    };
  }
}
