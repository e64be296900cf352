package dev.weir.harness.trace;

/**
 * What a trace event records. Sends and deliveries carry a sequence and a payload size; the
 * lifecycle kinds carry a detail string and, where one message is concerned, its sequence.
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
  FAULT("fault");

  private final String label;

  EventKind(String label) {
    this.label = label;
  }

  /** The kind's name in files and messages: lower case, words joined by {@code -}. */
  public String label() {
    return label;
  }

  /** True for every kind but {@link #SEND} and {@link #DELIVERY}. */
  public boolean isLifecycle() {
    return this != SEND && this != DELIVERY;
  }
}
