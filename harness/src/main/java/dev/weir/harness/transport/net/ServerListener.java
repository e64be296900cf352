package dev.weir.harness.transport.net;

/**
 * Hears every request the server receives, so a trace can record connection attempts and refusals
 * that never become connections. Called on the server's threads: return quickly.
 */
public interface ServerListener {

  /** Called first for every request, before the token is checked. */
  default void attempted(Attempt attempt) {}

  /** Called when the request is turned away, after {@link #attempted}. */
  default void refused(Attempt attempt, Refusal refusal) {}
}
