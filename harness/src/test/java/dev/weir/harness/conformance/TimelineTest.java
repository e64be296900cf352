package dev.weir.harness.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.harness.browser.Payload;
import dev.weir.simulator.pacing.Speed;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** When each send is due, and which message a virtual time falls on, for both kinds of timeline. */
class TimelineTest {

  private static final Payload[] THREE =
      {Payload.json("1"), Payload.json("2"), Payload.json("3")};

  @Test
  void aSteadyTimelineCyclesItsPayloadsIntervalApart() {
    Timeline steady = Timeline.steady(THREE, 7, Duration.ofMillis(2));
    assertEquals(Payload.json("1"), steady.payload(3));
    assertEquals(10_000_000L, steady.offsetNs(5));
    assertEquals(Duration.ofMillis(12), steady.length());
    assertEquals(2, steady.sequenceAt(3_000_000L)); // sends at 0, 2, 4 ms: 4 ms is the first >= 3
    assertEquals(7, steady.sequenceAt(1_000_000_000L));
  }

  @Test
  void aTimedTimelinePlaysVirtualTimesAtItsSpeed() {
    long[] at = {1_000_000_000L, 1_000_000_000L, 1_400_000_000L};
    Timeline twentyTimes = Timeline.timed(THREE, at, Speed.parse("20x"));
    assertEquals(20_000_000L, twentyTimes.offsetNs(2)); // 400 ms of virtual time in 20 ms
    assertEquals(0, twentyTimes.sequenceAt(1_000_000_000L)); // the first of equal times
    assertEquals(2, twentyTimes.sequenceAt(1_000_000_001L));
    assertEquals(3, twentyTimes.sequenceAt(2_000_000_000L));
    assertEquals(1_400_000_000L, twentyTimes.virtualNs(2));
    assertEquals(0, Timeline.timed(THREE, at, Speed.MAX).offsetNs(2));
  }

  @Test
  void badTimelinesAreRefusedSayingWhy() {
    assertEquals("virtual times must not decrease: payload 2 at 5 ns follows 9 ns",
        assertThrows(IllegalArgumentException.class,
            () -> Timeline.timed(THREE, new long[] {1, 9, 5}, Speed.REAL_TIME)).getMessage());
    assertEquals("a timed timeline needs one virtual time per payload, got 2 for 3 payloads",
        assertThrows(IllegalArgumentException.class,
            () -> Timeline.timed(THREE, new long[] {1, 2}, Speed.REAL_TIME)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> Timeline.steady(THREE, 0, Duration.ZERO));
  }
}
