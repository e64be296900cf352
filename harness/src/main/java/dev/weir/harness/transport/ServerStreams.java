package dev.weir.harness.transport;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Names on the loopback server: each websocket or sse transport registers its streams under a
 * prefix of its own ({@code t7.accel}), so that two pages offering the same stream on one server
 * each get their own connections.
 */
final class ServerStreams {

  private static final AtomicLong TRANSPORTS = new AtomicLong();

  private ServerStreams() {}

  static String prefix() {
    return "t" + TRANSPORTS.incrementAndGet() + ".";
  }
}
