package dev.weir.harness.trace;

import dev.weir.simulator.pacing.ManualWallClock;

/** Traces with repeatable wall times, for tests that compare events or bytes. */
final class SampleTraces {

  private SampleTraces() {}

  /**
   * One event of every kind on two streams, one with a name JSON must escape, on a manual clock
   * that moves 1000 ns before each event, so every wall time is known: event i at (i + 1) µs.
   */
  static Trace everyKind() {
    ManualWallClock clock = new ManualWallClock(5_000_000);
    Trace trace = Trace.start(clock);
    int accel = trace.stream("accel");
    int odd = trace.stream("wëird \"name\"\\\n");
    clock.advance(1000);
    trace.lifecycle(EventKind.CONNECT_ATTEMPT, accel, "token ok");
    clock.advance(1000);
    trace.lifecycle(EventKind.OPEN, accel, "");
    clock.advance(1000);
    trace.send(accel, 0, 16, 0);
    clock.advance(1000);
    trace.send(odd, 0, 1 << 20, 1_000_000);
    clock.advance(1000);
    trace.lifecycle(EventKind.FAULT, accel, 0, "reorder");
    clock.advance(1000);
    trace.lifecycle(EventKind.DROP, odd, 0, "drop-oldest");
    clock.advance(1000);
    trace.delivery(accel, 0, 16, 2500);
    clock.advance(1000);
    trace.lifecycle(EventKind.REFUSAL, odd, "down");
    clock.advance(1000);
    trace.lifecycle(EventKind.END, accel, 1, "sent 1");
    clock.advance(1000);
    trace.lifecycle(EventKind.CLOSE, accel, "backend");
    return trace;
  }

  /** {@code events} sends, deliveries and drops on three streams, times from a manual clock. */
  static Trace many(int events) {
    ManualWallClock clock = new ManualWallClock(0);
    Trace trace = Trace.start(clock);
    int[] streams = {trace.stream("a"), trace.stream("b"), trace.stream("c")};
    for (int i = 0; i < events; i++) {
      clock.advance(i % 7);
      int stream = streams[i % 3];
      switch (i % 5) {
        case 0, 1 -> trace.send(stream, i, i % 4096, 1000L * i);
        case 2, 3 -> trace.delivery(stream, i, i % 4096, 900L * i);
        default -> trace.lifecycle(EventKind.DROP, stream, i, i % 2 == 0 ? "latest-only" : "full");
      }
    }
    return trace;
  }
}
