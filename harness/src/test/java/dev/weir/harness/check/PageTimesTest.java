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
    // A tick due at d ran at f: the loop was held from at most a period (10 ms) before d to f.
    t.lag(10 * MS, 110 * MS); // held 90..110
    t.lag(40 * MS, 240 * MS); // held 190..240
    t.lag(5 * MS, 65 * MS); // reported late: held 50..65
    PageTimes times = PageTimes.of(t.snapshot());
    assertEquals(85 * MS, times.heldNs(0, 300 * MS));
    assertEquals(5 * MS + 30 * MS, times.heldNs(105 * MS, 220 * MS));
    assertEquals(0, times.heldNs(120 * MS, 185 * MS));
    assertEquals(3 * MS + 10 * MS, times.heldNs(62 * MS, 100 * MS));
  }

  @Test
  void lateAroundAnEventIsTheLongestTickLatenessNearItStillHeldIsWhatWasLeftOfAHold() {
    TestTrace t = new TestTrace();
    t.lag(10 * MS, 110 * MS); // held 90..110
    t.lag(40 * MS, 240 * MS); // held 190..240
    PageTimes times = PageTimes.of(t.snapshot());
    assertEquals(40 * MS, times.lateNs(245 * MS), "a tick that ran 5 ms before it");
    assertEquals(10 * MS, times.lateNs(100 * MS));
    assertEquals(0, times.lateNs(170 * MS), "no tick near it");
    assertEquals(30 * MS, times.stillHeldNs(210 * MS));
    assertEquals(45 * MS, times.stillHeldNs(195 * MS), "before the tick was due, within a period");
    assertEquals(58 * MS, times.stillHeldNs(182 * MS), "a hold began within 10 ms after it");
    assertEquals(0, times.stillHeldNs(150 * MS));
    assertEquals(5 * MS, times.stillHeldNs(105 * MS));
  }
}
