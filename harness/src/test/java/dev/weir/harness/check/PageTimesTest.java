package dev.weir.harness.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PageTimesTest {

  private static final long MS = 1_000_000;

  @Test
  void aTraceNoPageTimedIsExact() {
    PageTimes times = PageTimes.of(new TestTrace().send("a", 0).snapshot());
    assertEquals(0, times.boundAt(0));
    assertEquals(0, times.worstBound());
    assertEquals(0, times.heldNs(0, Long.MAX_VALUE));
  }

  @Test
  void theBoundInForceIsTheLastRecordedBeforeTheEvent() {
    TestTrace t = new TestTrace().send("a", 0); // #0
    t.clockBound(PageTimes.UNKNOWN).send("a", 1); // #1, #2
    t.clockBound(3 * MS).send("a", 2).clockBound(MS).send("a", 3); // #3 .. #6
    PageTimes times = PageTimes.of(t.snapshot());
    assertEquals(PageTimes.UNKNOWN, times.boundAt(0), "before the page's clock was bounded");
    assertEquals(PageTimes.UNKNOWN, times.boundAt(2));
    assertEquals(3 * MS, times.boundAt(4));
    assertEquals(MS, times.boundAt(6));
    assertEquals(3 * MS, times.worstBound());
  }

  @Test
  void heldTimeIsTheLateTimersHeldSpansWithinTheSpanAsked() {
    TestTrace t = new TestTrace();
    t.lag(10 * MS, 110 * MS); // held 100..110
    t.lag(40 * MS, 240 * MS); // held 200..240
    t.lag(5 * MS, 65 * MS); // reported late: held 60..65
    PageTimes times = PageTimes.of(t.snapshot());
    assertEquals(55 * MS, times.heldNs(0, 300 * MS));
    assertEquals(5 * MS + 20 * MS, times.heldNs(105 * MS, 220 * MS));
    assertEquals(0, times.heldNs(120 * MS, 200 * MS));
    assertEquals(3 * MS, times.heldNs(62 * MS, 100 * MS));
  }

  @Test
  void lateAroundAnEventIsTheLongestTickLatenessNearItStillHeldIsWhatWasLeftOfAHold() {
    TestTrace t = new TestTrace();
    t.lag(10 * MS, 110 * MS); // held 100..110
    t.lag(40 * MS, 240 * MS); // held 200..240
    PageTimes times = PageTimes.of(t.snapshot());
    assertEquals(40 * MS, times.lateNs(245 * MS), "a tick that ran 5 ms before it");
    assertEquals(10 * MS, times.lateNs(100 * MS));
    assertEquals(0, times.lateNs(170 * MS), "no tick near it");
    assertEquals(30 * MS, times.stillHeldNs(210 * MS));
    assertEquals(0, times.stillHeldNs(150 * MS));
    assertEquals(5 * MS, times.stillHeldNs(105 * MS));
  }
}
