package dev.weir.harness.check;

import dev.weir.harness.check.ReconnectPolicy.Jitter;
import dev.weir.harness.trace.TraceEvent;
import java.util.Set;

/**
 * One stream's connections as the server saw them, replayed against the policy: which outage each
 * attempt belongs to, its number, its delay and envelope; what the page reported (give-ups, and
 * for the resume check, consumes). Fed in append order; constant size.
 *
 * <p>The server's events (connect-attempt, refusal, open, close) are in time order in append
 * order: all carry Java's time, but an attempt that says when the page began it, which still comes
 * after the failure the page heard of before beginning it, and the loss-heard that attempt told of,
 * recorded right before it. The page's (reconnect, consume) come
 * late, in batches: they are related to the rest by time, which is why a give-up is settled only
 * at the end and a resumption waits for the first consume timed after it.
 */
final class ReconnectStream {

  /** Close details that end a connection on purpose: no outage, and the next try starts afresh. */
  private static final Set<String> ASKED =
      Set.of("unsubscribe", "unlisten", "abort", "reload", "frontend", "1000", "closed 1000");

  /** How many reconnections may wait for their first consume before the oldest is forgotten. */
  static final int RESUMPTIONS = 8;

  private enum Phase {
    /** No connection, none lost: the next attempt is a first try, not a retry. */
    IDLE,
    /** A first try is under way. */
    FIRST_TRY,
    /** Connected. */
    UP,
    /** In an outage, waiting to retry. */
    DOWN,
    /** In an outage, a retry under way. */
    RETRYING
  }

  private final String name;
  private final ReconnectPolicy policy;
  private final ReconnectTolerance tolerance;
  private final boolean resumes;
  private final ReconnectTally tally;
  private final PageTimes page;

  private Phase phase = Phase.IDLE;
  private int counter; // retries since the last reset
  private long previousNs; // decorrelated jitter's previous delay
  private long lossNs; // when the outage began or the last retry was refused
  private long heardNs = -1; // when the page heard of that loss, where its next attempt said
  private long openNs;
  private boolean mayHaveReset; // the connection lost was up about resetAfter: either is right

  private long excess;
  private long excessIndex = -1;
  private long excessNs;
  private long excessAttempt;
  private long firstGiveUpNs = Long.MAX_VALUE;
  private long lastGiveUpNs = Long.MIN_VALUE;
  private long exhaustedIndex = -1;
  private long exhaustedNs;
  private long exhaustedAttempts;

  private long wide; // judged retries with envelopes wider than 4 × late
  private boolean allAtTop = true;
  private long wideIndex = -1;
  private long wideDelayNs;
  private long wideLowNs;
  private long wideHighNs;
  private double chance = 1;

  private final long[] reconnectedNs;
  private int waiting;
  private int oldest;
  private long lastConsumed = TraceEvent.ABSENT;

  ReconnectStream(
      String name,
      ReconnectPolicy policy,
      ReconnectTolerance tolerance,
      boolean resumes,
      ReconnectTally tally,
      PageTimes page) {
    this.name = name;
    this.policy = policy;
    this.tolerance = tolerance;
    this.resumes = resumes;
    this.tally = tally;
    this.page = page;
    this.previousNs = policy.baseNs();
    this.reconnectedNs = new long[resumes ? RESUMPTIONS : 0];
    tally.countStream();
  }

  void attempted(long index, long ns) {
    tally.countAttempt();
    switch (phase) {
      case IDLE, UP, FIRST_TRY -> phase = Phase.FIRST_TRY;
      case RETRYING -> retried(index, ns, false); // the last one's outcome was never recorded
      case DOWN -> retried(index, ns, true);
    }
  }

  void refused(long index, long ns) {
    tally.countRefusal();
    failed(index, ns);
  }

  /**
   * The page heard of the loss at {@code ns} (its time): the next attempt's wait is timed from
   * then, as the frontend could not begin it sooner. Told with that attempt, right before it.
   */
  void heard(long ns) {
    if (phase == Phase.DOWN) {
      heardNs = ns;
    }
  }

  void opened(long ns) {
    if (resumes && (phase == Phase.DOWN || phase == Phase.RETRYING)) {
      if (waiting == reconnectedNs.length) {
        oldest = (oldest + 1) % reconnectedNs.length;
        waiting--;
      }
      reconnectedNs[(oldest + waiting++) % reconnectedNs.length] = ns;
    }
    phase = Phase.UP;
    openNs = ns;
  }

  void closed(long index, long ns, String detail) {
    if (ASKED.contains(detail)) {
      phase = Phase.IDLE;
      counter = 0;
      previousNs = policy.baseNs();
      mayHaveReset = false;
    } else if (phase == Phase.UP) {
      long upNs = ns - openNs;
      long resetNs = policy.resetAfterNs();
      mayHaveReset = false;
      if (upNs >= resetNs + tolerance.lateNs()) {
        reset();
      } else if (upNs >= resetNs - tolerance.earlyNs()) {
        mayHaveReset = true; // the page's timer may or may not have fired: the next delay tells
      }
      outage(index, ns);
    } else {
      failed(index, ns);
    }
  }

  /** The page reported giving up at {@code ns} (its time, converted), reported at {@code index}. */
  void gaveUp(long index, long ns) {
    tally.countGiveUp();
    firstGiveUpNs = Math.min(firstGiveUpNs, ns);
    lastGiveUpNs = Math.max(lastGiveUpNs, ns);
    if (exhaustedIndex >= 0
        && ns >= Units.plus(exhaustedNs - tolerance.earlyNs(), -page.boundAt(index))) {
      exhaustedIndex = -1;
    }
  }

  /** The page consumed {@code sequence} at {@code ns} (its time), reported {@code index}. */
  void consumed(long index, long ns, long sequence) {
    if (!resumes) {
      return;
    }
    boolean first = false;
    while (waiting > 0 && ns >= reconnectedNs[oldest]) {
      oldest = (oldest + 1) % reconnectedNs.length;
      waiting--;
      first = true;
    }
    if (first && lastConsumed != TraceEvent.ABSENT) {
      tally.countResumeJudged();
      if (sequence > lastConsumed + 1) {
        tally.found(ReconnectDefect.RESUME_LOST, 1, name, index, 0, lastConsumed, sequence, 0, 0, 0,
            0, 0);
      } else if (sequence <= lastConsumed) {
        tally.found(
            ReconnectDefect.RESUME_REPEATED, 1, name, index, 0, lastConsumed, sequence, 0, 0, 0, 0,
            0);
      }
    }
    lastConsumed = sequence;
  }

  /** Settles what only the whole trace shows: excess attempts, give-ups, jitter. */
  void finish() {
    if (excess > 0) {
      boolean afterGiveUp = firstGiveUpNs <= excessNs;
      tally.found(
          afterGiveUp ? ReconnectDefect.RETRY_AFTER_GIVE_UP : ReconnectDefect.TOO_MANY_ATTEMPTS,
          excess,
          name,
          excessIndex,
          excessAttempt,
          afterGiveUp ? excessNs - firstGiveUpNs : 0,
          0,
          0,
          0,
          0,
          0,
          0);
    }
    if (exhaustedIndex >= 0) {
      tally.found(
          ReconnectDefect.GIVE_UP_NOT_VISIBLE,
          1,
          name,
          exhaustedIndex,
          exhaustedAttempts,
          0,
          0,
          0,
          0,
          0,
          0,
          0);
    }
    if (policy.jitter() != Jitter.NONE && wide >= 4 && allAtTop) {
      tally.found(
          ReconnectDefect.NO_JITTER,
          1,
          name,
          wideIndex,
          wide,
          wideDelayNs,
          wideLowNs,
          wideHighNs,
          chance,
          0,
          0,
          0);
    }
  }

  /** A retry at {@code ns}; {@code timed} when the loss it follows is known. */
  private void retried(long index, long ns, boolean timed) {
    // The attempt's time is the page's, converted; the loss is Java's. Where the attempt said when
    // the page heard of the loss, the wait is timed from then, on the page's clock alone: a refusal
    // can take tens of milliseconds to reach a busy page, and no frontend can wait from before it
    // knew. Else from the loss, and a page whose event loop was held when the loss came heard of
    // it late. Either way a page held when its timer was due ran it late: its schedule may be
    // right while the machine holds it back, so that is allowed, not blamed.
    long heardAfterNs = heardNs > lossNs ? heardNs - lossNs : 0;
    heardNs = -1;
    long delayNs = ns - lossNs - heardAfterNs;
    long boundNs = page.boundAt(index);
    long heldNs = Units.plus(heardAfterNs > 0 ? 0 : page.stillHeldNs(lossNs), page.lateNs(ns));
    if (mayHaveReset) {
      mayHaveReset = false;
      if (fits(1, policy.baseNs(), delayNs, boundNs, heldNs)) {
        reset();
      }
    }
    int attempt = ++counter;
    phase = Phase.RETRYING;
    if (attempt > policy.maxAttempts()) {
      exhaustedIndex = -1; // it went on trying: too many attempts, not a silent give-up
      if (excess++ == 0) {
        excessIndex = index;
        excessNs = ns;
        excessAttempt = attempt;
      }
    } else if (timed) {
      judge(index, ns, attempt, delayNs, boundNs, heldNs, heardAfterNs);
    }
  }

  private void judge(long index, long ns, int attempt, long delayNs, long boundNs, long heldNs,
      long heardAfterNs) {
    long lowNs = policy.lowNs(attempt, previousNs);
    long highNs = policy.highNs(attempt, previousNs);
    long earliestNs = earliest(lowNs, boundNs);
    long latestNs = latest(highNs, boundNs, heldNs);
    boolean early = delayNs < earliestNs;
    boolean late = delayNs > latestNs;
    tally.judged(name, index, ns, attempt, delayNs, lowNs, highNs, earliestNs, latestNs);
    if (early || late) {
      ReconnectDefect defect =
          early
              ? ReconnectDefect.TOO_EARLY
              : highNs == policy.capNs() ? ReconnectDefect.ABOVE_CAP : ReconnectDefect.TOO_LATE;
      tally.found(defect, 1, name, index, attempt, delayNs, lowNs, highNs, 0, boundNs, heldNs,
          heardAfterNs);
    }
    long widthNs = highNs - lowNs;
    if (widthNs > 4 * tolerance.lateNs()) {
      if (wide++ == 0) {
        wideIndex = index;
        wideDelayNs = delayNs;
        wideLowNs = lowNs;
        wideHighNs = highNs;
      }
      allAtTop &= delayNs >= highNs - tolerance.lateNs();
      chance *= (double) tolerance.lateNs() / widthNs;
    }
    previousNs = Math.max(lowNs, Math.min(highNs, delayNs));
  }

  /** Whether a delay of {@code delayNs} is within attempt {@code attempt}'s tolerated envelope. */
  private boolean fits(int attempt, long previous, long delayNs, long boundNs, long heldNs) {
    return delayNs >= earliest(policy.lowNs(attempt, previous), boundNs)
        && delayNs <= latest(policy.highNs(attempt, previous), boundNs, heldNs);
  }

  /** The earliest delay accepted for an envelope from {@code lowNs}: tolerance and clock bound. */
  private long earliest(long lowNs, long boundNs) {
    return Units.plus(lowNs - tolerance.earlyNs(), -boundNs);
  }

  /**
   * The latest delay accepted for an envelope up to {@code highNs}: the tolerance, the clock bound,
   * and the time the page's event loop was held meanwhile.
   */
  private long latest(long highNs, long boundNs, long heldNs) {
    return Units.plus(Units.plus(highNs + tolerance.lateAllowanceNs(highNs), boundNs), heldNs);
  }

  /** A first try or a retry failed (refused, or its connection closed) at {@code ns}. */
  private void failed(long index, long ns) {
    if (phase == Phase.FIRST_TRY) {
      outage(index, ns);
    } else if (phase == Phase.RETRYING) {
      phase = Phase.DOWN;
      lossNs = ns;
      heardNs = -1;
      exhausted(index, ns);
    }
  }

  private void outage(long index, long ns) {
    tally.countOutage();
    phase = Phase.DOWN;
    lossNs = ns;
    heardNs = -1;
    exhausted(index, ns);
  }

  /**
   * After a loss at {@code ns}: when it used up the last retry, a give-up must follow it (beyond
   * that, the stream went on trying: too many attempts).
   */
  private void exhausted(long index, long ns) {
    if (counter != policy.maxAttempts() || mayHaveReset) {
      return;
    }
    if (lastGiveUpNs < ns - tolerance.earlyNs() && exhaustedIndex < 0) {
      exhaustedIndex = index;
      exhaustedNs = ns;
      exhaustedAttempts = counter;
    }
  }

  private void reset() {
    if (counter > 0) {
      tally.countReset();
    }
    counter = 0;
    previousNs = policy.baseNs();
  }
}
