package dev.weir.harness.transport.net;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Writes an SSE comment line to every open event stream at a fixed period.
 *
 * <p>A server learns that an event-stream client went away only when a write fails: nothing is read
 * from a GET whose request is complete. Without a heartbeat, a closed page's stream would stay open
 * (and counted) until the next event. Browsers and SSE parsers ignore comment lines.
 */
final class Heartbeat implements Runnable {

  static final byte[] COMMENT = {':', '\n'};

  private final Scheduler scheduler;
  private final Streams streams;
  private final long periodNanos;

  Heartbeat(Scheduler scheduler, Streams streams, Duration period) {
    this.scheduler = scheduler;
    this.streams = streams;
    this.periodNanos = period.toNanos();
  }

  void start() {
    scheduler.schedule(this, periodNanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void run() {
    streams.heartbeat();
    if (scheduler.isRunning()) {
      start();
    }
  }
}
