package dev.weir.harness.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.weir.harness.trace.EventKind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class VerdictTest {

  private static final OrderingChecker ORDERING =
      new OrderingChecker(EventKind.DELIVERY, Duration.ofSeconds(1));

  @Test
  void aPassOfARunThatDidNotCompleteIsInconclusiveWithWhy() {
    Verdict ok = ORDERING.check(new TestTrace().send("a", 0).deliver("a", 0).snapshot());
    Verdict incomplete = ok.incomplete("50 of 100 readings were never sent.");
    assertEquals(Status.INCONCLUSIVE, incomplete.status());
    assertEquals("INCONCLUSIVE: 50 of 100 readings were never sent. What was there to judge: "
        + ok.summary().substring("OK: ".length()), incomplete.summary());
    assertEquals(ok.counts(), incomplete.counts());
  }

  @Test
  void aFailureOfARunThatDidNotCompleteStaysAFailure() {
    Verdict failed = ORDERING.check(new TestTrace().send("a", 0, 1).deliver("a", 1, 0).snapshot());
    assertEquals(Status.FAILED, failed.status());
    assertSame(failed, failed.incomplete("it stopped"));
  }
}
