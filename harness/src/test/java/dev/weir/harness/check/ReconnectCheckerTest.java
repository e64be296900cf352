package dev.weir.harness.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.harness.check.ReconnectPolicy.Jitter;
import dev.weir.harness.trace.EventKind;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each defect the reconnect checker names, on synthetic server-side traces, and correct clients
 * (backoff.js's draws, replayed in Java with a seeded random) passing in every jitter mode.
 */
class ReconnectCheckerTest {

  private static final long MS = 1_000_000;
  /** A refusal's trip to the page plus the next attempt's trip back: part of every delay. */
  private static final long LATENCY_NS = 1 * MS;

  /** 100 ms × 2^(k−1), capped at 1 s: ceilings 100, 200, 400, 800, 1000, 1000 … ms. */
  private static ReconnectPolicy policy(Jitter jitter, int maxAttempts) {
    return new ReconnectPolicy(
        Duration.ofMillis(100), 2, Duration.ofSeconds(1), jitter, maxAttempts, Duration.ofSeconds(1));
  }

  private static ReconnectChecker checker(Jitter jitter, int maxAttempts) {
    return new ReconnectChecker(policy(jitter, maxAttempts), ReconnectTolerance.DEFAULT);
  }

  private static void assertFirst(Verdict v, String defect, long index) {
    assertEquals(Status.FAILED, v.status(), v::summary);
    Violation first = v.firstViolation().orElseThrow();
    assertEquals(defect, first.defect(), v::summary);
    assertEquals(index, first.event().index(), v::summary);
    assertTrue(v.count(defect) > 0, v::summary);
  }

  /**
   * backoff.js's {@code Backoff} in Java, drawing as the page draws from {@code Math.random}: the
   * delays a correct client waits.
   */
  private static final class Backoff {
    private final ReconnectPolicy policy;
    private final Random random;
    private int attempts;
    private double previousMs;

    Backoff(ReconnectPolicy policy, long seed) {
      this.policy = policy;
      this.random = new Random(seed);
      this.previousMs = policy.base().toMillis();
    }

    /** The next delay in ns, or -1: give up. */
    long next() {
      double baseMs = policy.base().toMillis();
      double capMs = policy.cap().toMillis();
      if (attempts >= policy.maxAttempts()) {
        return -1;
      }
      double ceiling = Math.min(capMs, baseMs * Math.pow(policy.factor(), attempts));
      attempts++;
      double ms =
          switch (policy.jitter()) {
            case NONE -> ceiling;
            case FULL -> random.nextDouble() * ceiling;
            case EQUAL -> ceiling / 2 + random.nextDouble() * ceiling / 2;
            case DECORRELATED ->
                previousMs =
                    Math.min(capMs, baseMs + random.nextDouble() * (previousMs * 3 - baseMs));
          };
      return (long) (ms * MS);
    }

    void reset() {
      attempts = 0;
      previousMs = policy.base().toMillis();
    }
  }

  /** A correct client on stream "s": retries after each delay, reports its give-up. */
  private static final class Client {
    final TestTrace trace = new TestTrace();
    final Backoff backoff;

    Client(ReconnectPolicy policy, long seed) {
      backoff = new Backoff(policy, seed);
    }

    Client connect() {
      trace.attempt("s").open("s");
      return this;
    }

    /** Up for {@code upMs}, then lost; resets its backoff when up at least resetAfter. */
    Client upFor(long upMs) {
      trace.pause(upMs * MS);
      if (Duration.ofMillis(upMs).compareTo(backoff.policy.resetAfter()) >= 0) {
        backoff.reset();
      }
      trace.lose("s");
      return this;
    }

    /** Retries: {@code refused} attempts are refused, then one opens (or it gives up first). */
    Client retry(int refused) {
      for (int i = 0; i <= refused; i++) {
        long delay = backoff.next();
        if (delay < 0) {
          long gaveUpNs = trace.nowNs() + LATENCY_NS / 2;
          trace.pause(50 * MS).reconnect("s", "give-up", backoff.attempts, gaveUpNs);
          return this;
        }
        trace.attemptAfter("s", delay + LATENCY_NS);
        if (i < refused) {
          trace.refuse("s");
        } else {
          trace.open("s");
        }
      }
      return this;
    }
  }

  @Nested
  class Passing {

    @ParameterizedTest
    @EnumSource(Jitter.class)
    void aCorrectCappedExponentialBackoffPassesInEveryJitterMode(Jitter jitter) {
      for (long seed = 1; seed <= 20; seed++) {
        Client c = new Client(policy(jitter, 6), seed).connect();
        c.upFor(200).retry(2); // attempts 1-3
        c.upFor(300).retry(1); // not stable: attempts 4-5
        c.upFor(2000).retry(10); // stable: 1-6, all refused, then give-up
        Verdict v = checker(jitter, 6).check(c.trace.snapshot());
        assertEquals(Status.OK, v.status(), v::summary);
        assertEquals(1, v.count("streams"));
        assertEquals(3, v.count("outages"));
        assertEquals(12, v.count("attempts"));
        assertEquals(9, v.count("refusals"));
        assertEquals(1, v.count("resets"));
        assertEquals(1, v.count("give-ups"));
        assertEquals(11, v.count("retries-judged"));
        assertEquals(1.0, v.fraction("within-envelope"));
      }
    }

    @Test
    void aFirstAttemptRefusedStartsAnOutageAndItsRetriesAreJudged() {
      TestTrace t = new TestTrace().attempt("s").refuse("s");
      t.attemptAfter("s", 101 * MS).refuse("s").attemptAfter("s", 201 * MS).open("s");
      Verdict v = checker(Jitter.NONE, 6).check(t.snapshot());
      assertEquals(Status.OK, v.status(), v::summary);
      assertEquals(1, v.count("outages"));
      assertEquals(2, v.count("retries-judged"));
      assertEquals(MS, v.count("worst-late-ns"));
    }

    @Test
    void closesThePageAskedForAreNoOutageAndStartTheCountAfresh() {
      TestTrace t = new TestTrace().attempt("s").open("s").lose("s");
      t.attemptAfter("s", 100 * MS).refuse("s").attemptAfter("s", 200 * MS).open("s");
      t.lifecycle(EventKind.CLOSE, "s", "closed 1000"); // the page unsubscribed
      t.pause(5 * MS).attempt("s").open("s").pause(10 * MS).lose("s");
      t.attemptAfter("s", 100 * MS).open("s"); // attempt 1 again, though the last one was short
      Verdict v = checker(Jitter.NONE, 6).check(t.snapshot());
      assertEquals(Status.OK, v.status(), v::summary);
      assertEquals(2, v.count("outages"));
      assertEquals(0, v.count("resets"));
    }

    @Test
    void streamsWithoutConnectionAttemptsAreNotJudgedAndNothingJudgedIsInconclusive() {
      TestTrace t = new TestTrace().open("cmd").lose("cmd").send("cmd", 0).deliver("cmd", 0);
      Verdict v = checker(Jitter.NONE, 6).check(t.snapshot());
      assertEquals(Status.INCONCLUSIVE, v.status(), v::summary);
      assertTrue(v.summary().startsWith("INCONCLUSIVE: no connection attempt was seen"),
          v::summary);
      assertEquals(0, v.count("streams"));
      assertTrue(Double.isNaN(v.fraction("within-envelope")));
    }

    @Test
    void aConnectionNeverLostLeavesTheBackoffUnjudged() {
      TestTrace t = new TestTrace().attempt("s").open("s").send("s", 0);
      Verdict v = checker(Jitter.NONE, 6).check(t.snapshot());
      assertEquals(Status.INCONCLUSIVE, v.status(), v::summary);
      assertTrue(v.summary().startsWith("INCONCLUSIVE: no connection was lost or refused: the"
          + " backoff was never exercised."), v::summary);
    }

    @Test
    void aConnectionUpAboutResetAfterMayOrMayNotHaveReset() {
      for (long nextDelayMs : new long[] {100, 800}) { // attempt 1 after a reset, or attempt 4
        TestTrace t = new TestTrace().attempt("s").open("s").lose("s");
        t.attemptAfter("s", 100 * MS).refuse("s").attemptAfter("s", 200 * MS).refuse("s");
        t.attemptAfter("s", 400 * MS).open("s").pause(1010 * MS).lose("s");
        t.attemptAfter("s", nextDelayMs * MS).open("s");
        Verdict v = checker(Jitter.NONE, 6).check(t.snapshot());
        assertEquals(Status.OK, v.status(), v::summary);
        assertEquals(nextDelayMs == 100 ? 1 : 0, v.count("resets"), v::summary);
      }
    }
  }

  @Nested
  class Defects {

    @Test
    void aRetryStormIsTooEarly() {
      TestTrace t = new TestTrace().attempt("s").open("s").lose("s");
      long storm = t.nextIndex();
      t.attemptAfter("s", MS).refuse("s").attemptAfter("s", MS).refuse("s");
      Verdict v = checker(Jitter.EQUAL, 6).check(t.snapshot());
      assertFirst(v, "too-early", storm);
      assertEquals(2, v.count("retries-judged"));
      assertEquals(0.0, v.fraction("within-envelope"));
      assertTrue(v.firstViolation().orElseThrow().expected().contains("50 ms to 100 ms"), v::summary);
    }

    @Test
    void anUncappedBackoffIsAboveTheCap() {
      TestTrace t = new TestTrace().attempt("s").open("s").lose("s");
      long fifth = 0;
      for (int k = 1; k <= 5; k++) {
        fifth = t.nextIndex();
        t.attemptAfter("s", (100L << (k - 1)) * MS).refuse("s"); // 1.6 s for the fifth
      }
      Verdict v = checker(Jitter.NONE, 6).check(t.snapshot());
      assertFirst(v, "above-cap", fifth);
      assertTrue(v.firstViolation().orElseThrow().actual().contains("not capped"));
      assertEquals(600 * MS, v.count("worst-late-ns"));
    }

    @Test
    void aRetryLongAfterItsEnvelopeIsTooLate() {
      TestTrace t = new TestTrace().attempt("s").open("s").lose("s");
      t.attemptAfter("s", 100 * MS).refuse("s");
      long second = t.nextIndex();
      t.attemptAfter("s", 300 * MS).open("s"); // 200 ms at most, 50 ms late allowed
      Verdict v = checker(Jitter.NONE, 6).check(t.snapshot());
      assertFirst(v, "too-late", second);
      assertEquals(
          "it came after 300 ms, 100 ms late", v.firstViolation().orElseThrow().actual());
    }

    @Test
    void aRetryTheBusyPageRanLateIsAllowedTheTimeItsEventLoopWasHeld() {
      // Ledger: under load a correct backoff's timer fires late; the page's lag monitor saw its
      // event loop held when the refusal came (it heard late) and when the timer was due (it ran
      // late), and both are allowed, not blamed.
      TestTrace t = new TestTrace().attempt("s").open("s").lose("s");
      t.attemptAfter("s", 100 * MS).refuse("s");
      long refusedNs = t.nowNs();
      long second = t.nextIndex();
      t.attemptAfter("s", 300 * MS).open("s"); // 200 ms at most, 50 ms late allowed: 50 ms over
      t.lag(40 * MS, refusedNs + 30 * MS); // heard of the refusal 30 ms late
      t.lag(25 * MS, refusedNs + 300 * MS); // a tick held up to the attempt: the timer ran late
      assertEquals(Status.OK, checker(Jitter.NONE, 6).check(t.snapshot()).status());

      TestTrace less = new TestTrace().attempt("s").open("s").lose("s");
      less.attemptAfter("s", 100 * MS).refuse("s");
      long refused = less.nowNs();
      less.attemptAfter("s", 300 * MS).open("s");
      less.lag(30 * MS, refused + 150 * MS); // held mid-wait: it delays neither end
      less.lag(15 * MS, refused + 300 * MS);
      Verdict v = checker(Jitter.NONE, 6).check(less.snapshot());
      assertFirst(v, "too-late", second);
      assertEquals("it came after 300 ms, 100 ms late (more than the tolerance plus the page"
          + " clock's bound of 0 ms and the 15 ms the page's event loop was held when the loss came"
          + " and when its timer was due)", v.firstViolation().orElseThrow().actual());
    }

    @Test
    void aRetryIsTimedFromWhenThePageHeardOfTheLoss() {
      // Ledger 10: under load a refusal reached the page 60 ms after the server refused; the
      // backoff waited its 200 ms from then, and timed from the refusal it was 10 ms past the
      // 50 ms allowed.
      TestTrace t = new TestTrace().attempt("s").open("s").lose("s");
      t.attemptAfter("s", 100 * MS).refuse("s");
      long refusedNs = t.nowNs();
      t.pause(260 * MS).heard("s", refusedNs + 60 * MS).attempt("s").open("s");
      assertEquals(Status.OK, checker(Jitter.NONE, 6).check(t.snapshot()).status());

      // Waiting too long after hearing is still the page's: 300 ms from then.
      TestTrace late = new TestTrace().attempt("s").open("s").lose("s");
      late.attemptAfter("s", 100 * MS).refuse("s");
      long refused = late.nowNs();
      long second = late.nextIndex() + 1;
      late.pause(360 * MS).heard("s", refused + 60 * MS).attempt("s").open("s");
      Verdict v = checker(Jitter.NONE, 6).check(late.snapshot());
      assertFirst(v, "too-late", second);
      Violation first = v.firstViolation().orElseThrow();
      assertEquals("attempt 2 waits 200 ms to 200 ms after the page heard that attempt 1 was"
          + " refused (none jitter), within 50 ms late", first.expected());
      assertEquals("it came after 300.002 ms, 100.002 ms late (timed from when the page heard of"
          + " it, 60 ms after the server's)", first.actual());

      // A heard time before the loss (a clock's error) times from the loss, as without one.
      TestTrace early = new TestTrace().attempt("s").open("s").lose("s");
      early.attemptAfter("s", 100 * MS).refuse("s");
      long at = early.nowNs();
      early.pause(300 * MS).heard("s", at - MS).attempt("s").open("s");
      assertFirst(checker(Jitter.NONE, 6).check(early.snapshot()), "too-late", early.nextIndex() - 2);
    }

    @Test
    void attemptsBeyondMaxAttemptsAreTooManyNotASilentGiveUp() {
      TestTrace t = new TestTrace().attempt("s").refuse("s");
      t.attemptAfter("s", 100 * MS).refuse("s").attemptAfter("s", 200 * MS).refuse("s");
      long third = t.nextIndex();
      t.attemptAfter("s", 400 * MS).refuse("s").attemptAfter("s", 800 * MS).refuse("s");
      Verdict v = checker(Jitter.NONE, 2).check(t.snapshot());
      assertFirst(v, "too-many-attempts", third);
      assertEquals(0, v.count("give-up-not-visible"));
      assertEquals(2, v.count("retries-judged"));
    }

    @Test
    void anAttemptAfterTheReportedGiveUpIsARetryAfterGiveUpEvenWhenReportedLate() {
      TestTrace t = new TestTrace().attempt("s").refuse("s");
      t.attemptAfter("s", 100 * MS).refuse("s");
      long gaveUpNs = t.nowNs() + MS;
      long after = t.nextIndex();
      t.attemptAfter("s", 500 * MS).refuse("s");
      t.reconnect("s", "give-up", 1, gaveUpNs); // the page's report, batched, comes later
      Verdict v = checker(Jitter.NONE, 1).check(t.snapshot());
      assertFirst(v, "retry-after-give-up", after);
      assertEquals(0, v.count("too-many-attempts"));
    }

    @Test
    void runningOutOfAttemptsWithoutReportingItIsAGiveUpNotVisible() {
      TestTrace t = new TestTrace().attempt("s").open("s").lose("s");
      t.attemptAfter("s", 100 * MS).refuse("s").attemptAfter("s", 200 * MS);
      long last = t.nextIndex();
      t.refuse("s").pause(3_000 * MS).send("s", 0);
      Verdict v = checker(Jitter.NONE, 2).check(t.snapshot());
      assertFirst(v, "give-up-not-visible", last);

      long gaveUpNs = t.nowNs() - 2_900 * MS;
      t.reconnect("s", "give-up", 2, gaveUpNs);
      Verdict reported = checker(Jitter.NONE, 2).check(t.snapshot());
      assertEquals(Status.OK, reported.status(), reported::summary);
    }

    @Test
    void aGiveUpReportedBeforeTheAttemptsRanOutDoesNotCount() {
      TestTrace t = new TestTrace().attempt("s").open("s").lose("s");
      t.reconnect("s", "give-up", 0, t.nowNs());
      t.attemptAfter("s", 100 * MS);
      long last = t.nextIndex();
      t.refuse("s");
      Verdict v = checker(Jitter.NONE, 1).check(t.snapshot());
      assertFirst(v, "give-up-not-visible", last);
    }

    @Test
    void everyDelayAtTheTopOfAFullJitterEnvelopeIsNoJitter() {
      TestTrace t = new TestTrace().attempt("s").open("s").lose("s");
      t.attemptAfter("s", 100 * MS).refuse("s");
      long firstWide = t.nextIndex(); // 200 ms wide: more than 4 × 40 ms
      for (int k = 2; k <= 6; k++) {
        t.attemptAfter("s", Math.min(1000, 100L << (k - 1)) * MS).refuse("s");
      }
      Verdict v = checker(Jitter.FULL, 10).check(t.snapshot());
      assertFirst(v, "no-jitter", firstWide);
      assertTrue(v.firstViolation().orElseThrow().actual().startsWith("all 5 retries"), v::summary);
      assertEquals(6, v.count("within-envelope"), "each delay alone is allowed");

      Verdict none = checker(Jitter.NONE, 10).check(t.snapshot());
      assertEquals(Status.OK, none.status(), none::summary);
    }

    @Test
    void noResetAfterAStableConnectionMakesAttemptOneTooLate() {
      TestTrace t = new TestTrace().attempt("s").open("s").lose("s");
      t.attemptAfter("s", 100 * MS).refuse("s").attemptAfter("s", 200 * MS).refuse("s");
      t.attemptAfter("s", 400 * MS).open("s").pause(5_000 * MS).lose("s");
      long next = t.nextIndex();
      t.attemptAfter("s", 800 * MS).open("s"); // attempt 4's delay: the count went on
      Verdict v = checker(Jitter.NONE, 6).check(t.snapshot());
      assertFirst(v, "too-late", next);
      assertTrue(v.firstViolation().orElseThrow().expected().startsWith("attempt 1 waits 100 ms"));
      assertEquals(1, v.count("resets"));
    }

    @Test
    void aResumptionThatSkipsOrRepeatsIsResumeLostOrRepeated() {
      for (long resumed : new long[] {12, 9, 10}) {
        TestTrace t = new TestTrace().attempt("s").open("s");
        long beforeNs = t.nowNs();
        t.pause(100 * MS).lose("s").attemptAfter("s", 100 * MS).open("s");
        long reopenedNs = t.nowNs();
        t.pause(60 * MS); // the page's reports arrive in batches, after the fact
        for (long seq = 0; seq < 10; seq++) {
          t.consumeAt("s", seq, beforeNs + seq * 1_000);
        }
        long first = t.nextIndex();
        t.consumeAt("s", resumed, reopenedNs + MS).consumeAt("s", resumed + 1, reopenedNs + 2 * MS);
        Verdict v =
            new ReconnectChecker(policy(Jitter.NONE, 6), ReconnectTolerance.DEFAULT, true)
                .check(t.snapshot());
        assertEquals(1, v.count("resumes-judged"), v::summary);
        if (resumed == 10) {
          assertEquals(Status.OK, v.status(), v::summary);
        } else {
          assertFirst(v, resumed == 12 ? "resume-lost" : "resume-repeated", first);
        }
        Verdict unasked = checker(Jitter.NONE, 6).check(t.snapshot());
        assertEquals(Status.OK, unasked.status(), "resumption is judged only when asked");
      }
    }
  }

  @Nested
  class Policy {

    @Test
    void envelopesFollowBackoffJs() {
      assertEquals(new ReconnectPolicy.Envelope(100 * MS, 100 * MS), policy(Jitter.NONE, 1).envelope(1, 0));
      assertEquals(new ReconnectPolicy.Envelope(0, 400 * MS), policy(Jitter.FULL, 1).envelope(3, 0));
      assertEquals(
          new ReconnectPolicy.Envelope(500 * MS, 1000 * MS), policy(Jitter.EQUAL, 1).envelope(9, 0));
      ReconnectPolicy decorrelated = policy(Jitter.DECORRELATED, 1);
      assertEquals(
          new ReconnectPolicy.Envelope(100 * MS, 300 * MS),
          decorrelated.envelope(1, decorrelated.baseNs()));
      assertEquals(
          new ReconnectPolicy.Envelope(100 * MS, 750 * MS), decorrelated.envelope(2, 250 * MS));
      assertEquals(1000 * MS, decorrelated.highNs(3, 400 * MS), "capped");
      assertEquals(1000 * MS, policy(Jitter.NONE, 1).ceilingNs(Integer.MAX_VALUE));
      assertThrows(IllegalArgumentException.class, () -> decorrelated.ceilingNs(0));
    }

    @Test
    void invalidPoliciesSayWhatWasExpected() {
      Duration s = Duration.ofSeconds(1);
      assertMessage("base must be positive", () -> new ReconnectPolicy(Duration.ZERO, 2, s, Jitter.FULL, 1, s));
      assertMessage("factor must be a finite number >= 1, got 0.5", () -> new ReconnectPolicy(s, 0.5, s, Jitter.FULL, 1, s));
      assertMessage("got NaN", () -> new ReconnectPolicy(s, Double.NaN, s, Jitter.FULL, 1, s));
      assertMessage("cap must be at least the base (PT1S), got PT0.5S",
          () -> new ReconnectPolicy(s, 2, Duration.ofMillis(500), Jitter.FULL, 1, s));
      assertMessage("maxAttempts must be 0 or more", () -> new ReconnectPolicy(s, 2, s, Jitter.FULL, -1, s));
      assertMessage("resetAfter must be zero or more", () -> new ReconnectPolicy(s, 2, s, Jitter.FULL, 1, s.negated()));
      assertThrows(NullPointerException.class, () -> new ReconnectPolicy(s, 2, s, null, 1, s));
      assertMessage("early tolerance must be zero or more",
          () -> new ReconnectTolerance(s.negated(), s, 0));
      assertMessage("late ratio must be a finite number >= 0",
          () -> new ReconnectTolerance(s, s, Double.POSITIVE_INFINITY));
    }

    @Test
    void jitterParsesItsLabelsAndNamesTheChoices() {
      assertEquals(Jitter.DECORRELATED, Jitter.parse("decorrelated"));
      assertEquals(Jitter.FULL, Jitter.parse("Full"));
      assertEquals("equal", Jitter.EQUAL.label());
      assertMessage("jitter must be one of none, full, equal, decorrelated; got \"uniform\"",
          () -> Jitter.parse("uniform"));
      assertMessage("got null", () -> Jitter.parse(null));
    }

    private void assertMessage(String part, org.junit.jupiter.api.function.Executable call) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
      assertTrue(e.getMessage().contains(part), e::getMessage);
    }
  }

  @Nested
  class Review {

    @Test
    void listsEachJudgedRetryWithItsEnvelopeAndTheSameVerdict() {
      TestTrace t = new TestTrace().attempt("s").open("s").lose("s");
      long[] indexes = new long[5];
      long[] times = new long[5];
      for (int k = 1; k <= 5; k++) {
        indexes[k - 1] = t.nextIndex();
        t.attemptAfter("s", (100L << (k - 1)) * MS); // 100, 200, 400, 800, 1600 ms: uncapped
        times[k - 1] = t.nowNs();
        t.refuse("s");
      }
      ReconnectChecker checker = checker(Jitter.NONE, 6);
      ReconnectReview review = checker.review(t.snapshot());

      assertEquals(checker.check(t.snapshot()).toJson(), review.verdict().toJson());
      assertEquals(5, review.verdict().count("retries-judged"));
      assertEquals(0, review.omitted());
      long[] highs = {100, 200, 400, 800, 1000}; // the cap
      long[] allowances = {40, 50, 100, 200, 250}; // 40 ms or a quarter of the top
      for (int k = 1; k <= 5; k++) {
        long high = highs[k - 1] * MS;
        assertEquals(
            new ReconnectRetry("s", indexes[k - 1], times[k - 1], k, (100L << (k - 1)) * MS, high,
                high, high - 2 * MS, high + allowances[k - 1] * MS, k < 5),
            review.retries().get(k - 1));
      }
    }

    @Test
    void listsAtMostRetriesKeptAndCountsTheRest() {
      ReconnectPolicy everSlow = new ReconnectPolicy(Duration.ofMillis(10), 1,
          Duration.ofMillis(10), Jitter.NONE, ReconnectPolicy.UNLIMITED, Duration.ofSeconds(1));
      TestTrace t = new TestTrace().attempt("s").open("s").lose("s");
      int retries = ReconnectChecker.RETRIES_KEPT + 6;
      for (int k = 0; k < retries; k++) {
        t.attemptAfter("s", 10 * MS).refuse("s");
      }
      ReconnectReview review =
          new ReconnectChecker(everSlow, ReconnectTolerance.DEFAULT).review(t.snapshot());
      assertEquals(Status.OK, review.verdict().status(), review.verdict()::summary);
      assertEquals(retries, review.verdict().count("retries-judged"));
      assertEquals(ReconnectChecker.RETRIES_KEPT, review.retries().size());
      assertEquals(6, review.omitted());
      assertEquals(ReconnectChecker.RETRIES_KEPT, review.retries().get(
          ReconnectChecker.RETRIES_KEPT - 1).attempt());
    }
  }

  @Test
  void theVerdictsJsonIsStable() {
    TestTrace t = new TestTrace().attempt("s").open("s").lose("s");
    t.attemptAfter("s", MS).refuse("s");
    Verdict v = checker(Jitter.NONE, 6).check(t.snapshot());
    assertEquals(v.toJson(), checker(Jitter.NONE, 6).check(t.snapshot()).toJson());
    assertEquals(
        "{\"checker\":\"reconnect\",\"status\":\"FAILED\",\"summary\":\"FAILED: reconnection on 1"
            + " stream judged against base 100 ms, factor 2, cap 1000 ms, none jitter, 6 attempts,"
            + " reset after 1000 ms: 1 outage, 2 connection attempts (1 refusal), 0 resets, 0"
            + " give-ups reported; 0 of 1 retry judged came within their envelope and tolerance"
            + " (0.0%). Found: 1 too-early. First violation: too-early at event #3 (stream"
            + " \\\"s\\\"): expected attempt 1 waits 100 ms to 100 ms after the connection was"
            + " lost (none jitter), within 2 ms early, but it came after 1 ms, too soon: a retry"
            + " storm.\",\"counts\":{\"streams\":1,\"outages\":1,\"attempts\":2,\"refusals\":1,"
            + "\"resets\":0,\"give-ups\":0,\"retries-judged\":1,\"within-envelope\":0,"
            + "\"resumes-judged\":0,\"retry-after-give-up\":0,\"too-many-attempts\":0,"
            + "\"too-early\":1,\"above-cap\":0,\"too-late\":0,\"give-up-not-visible\":0,"
            + "\"no-jitter\":0,\"resume-lost\":0,\"resume-repeated\":0,\"worst-late-ns\":0},"
            + "\"fractions\":{\"within-envelope\":0},\"first_violation\":{\"defect\":\"too-early\","
            + "\"expected\":\"attempt 1 waits 100 ms to 100 ms after the connection was lost (none"
            + " jitter), within 2 ms early\",\"actual\":\"it came after 1 ms, too soon: a retry"
            + " storm\",\"event\":{\"index\":3,\"kind\":\"connect-attempt\",\"stream\":\"s\","
            + "\"detail\":\"websocket\",\"wall_ns\":1003000},\"before\":[{\"index\":0,\"kind\":"
            + "\"connect-attempt\",\"stream\":\"s\",\"detail\":\"websocket\",\"wall_ns\":1000},"
            + "{\"index\":1,\"kind\":\"open\",\"stream\":\"s\",\"detail\":\"connect\","
            + "\"wall_ns\":2000},{\"index\":2,\"kind\":\"close\",\"stream\":\"s\",\"detail\":"
            + "\"closed 1001\",\"wall_ns\":3000}],\"after\":[{\"index\":4,\"kind\":\"refusal\","
            + "\"stream\":\"s\",\"detail\":\"down\",\"wall_ns\":1004000}]}}",
        v.toJson());
  }
}
