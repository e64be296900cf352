package dev.weir.harness.trace;

import dev.weir.simulator.pacing.ManualWallClock;

/** Traces with repeatable wall times, for tests that compare events or bytes. */
final class SampleTraces {

  private SampleTraces() {}

  /**
   * At least one event of every kind on three streams, one with a name JSON must escape, on a
   * manual clock that moves 1000 ns before each append, so every Java time is known: the append
   * that makes event i (i < 10) is at (i + 1) µs; a buffer snapshot's items come in the same append
   * as the buffer. The page's times (deliveries, consumes, buffers, reconnects) are given.
   */
  static Trace everyKind() {
    ManualWallClock clock = new ManualWallClock(5_000_000);
    Trace trace = Trace.start(clock);
    int accel = trace.stream("accel");
    int odd = trace.stream("wëird \"name\"\\\n");
    int ring = trace.stream("ring");
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
    clock.advance(1000);
    trace.consume(accel, 0, 2800);
    clock.advance(1000);
    trace.buffer(ring, 5, 2, new long[] {2, 3, 4, 99}, 3, 9500);
    clock.advance(1000);
    trace.reconnect(accel, "retry", 2, 250_000, 12_500);
    clock.advance(1000);
    trace.gauge(accel, "js-heap-bytes", 52_428_800);
    clock.advance(1000);
    trace.gauge(ring, "skew-ns", -1);
    clock.advance(1000);
    trace.clock(ring, 450_000);
    clock.advance(1000);
    trace.lag(ring, 12_000_000, 14_000);
    clock.advance(1000);
    trace.lifecycleAt(EventKind.CLOSE, accel, "frontend", 16_500);
    clock.advance(1000);
    trace.lifecycleAt(EventKind.LOSS_HEARD, odd, "websocket", 17_200);
    return trace;
  }

  /**
   * Exactly {@code events} events of every kind on three streams, times from a manual clock. Each
   * round of ten appends gives 12 events: 2 sends, 2 deliveries, a drop, 2 consumes, a buffer of 2
   * items, a reconnect and a gauge (a buffer near the end holds fewer items, to stop at {@code
   * events}).
   */
  static Trace many(int events) {
    ManualWallClock clock = new ManualWallClock(0);
    Trace trace = Trace.start(clock);
    int[] streams = {trace.stream("a"), trace.stream("b"), trace.stream("c")};
    long[] items = new long[2];
    for (int i = 0; trace.size() < events; i++) {
      clock.advance(i % 7);
      int stream = streams[i % 3];
      switch (i % 10) {
        case 0, 1 -> trace.send(stream, i, i % 4096, 1000L * i);
        case 2, 3 -> trace.delivery(stream, i, i % 4096, 900L * i);
        case 4 -> trace.lifecycle(EventKind.DROP, stream, i, i % 4 == 0 ? "latest-only" : "full");
        case 5, 9 -> trace.consume(stream, i, 950L * i);
        case 6 -> {
          items[0] = i - 2;
          items[1] = i - 1;
          int held = (int) Math.min(items.length, events - trace.size() - 1);
          trace.buffer(stream, i, i / 2, items, held, 950L * i);
        }
        case 7 -> {
          String decision = Trace.RECONNECT_DECISIONS.get(i / 10 % 4);
          trace.reconnect(stream, decision, i / 10 % 5, decision.equals("retry") ? 10L * i : 0, i);
        }
        default -> trace.gauge(stream, i % 3 == 0 ? "js-heap-bytes" : "listeners", i - 500);
      }
    }
    return trace;
  }
}
