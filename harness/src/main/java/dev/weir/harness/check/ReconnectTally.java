package dev.weir.harness.check;

import java.util.ArrayList;
import java.util.List;

/**
 * What one reconnect pass found over all streams: counts of what happened and of each defect, the
 * worst lateness and the first finding. Constant size, whatever the trace.
 */
final class ReconnectTally {

  /**
   * A finding's numbers: the attempt concerned; for no-jitter, how many retries were at the top.
   */
  static final int ATTEMPT = 0;

  /** A delay, or the last sequence consumed before a reconnection. */
  static final int FIRST = 1;

  /** An envelope's low, or the first sequence consumed after it. */
  static final int SECOND = 2;

  /** An envelope's high. */
  static final int THIRD = 3;

  /**
   * For no-jitter, how likely a correctly jittered client is to do the same, as {@link
   * Double#doubleToLongBits} (read it with {@link #chance}).
   */
  static final int CHANCE = 4;

  /** A timed finding's page clock bound, allowed besides the tolerance, in ns. */
  static final int BOUND = 5;

  /** How long the page's event loop was held during the timed wait, allowed besides, in ns. */
  static final int HELD = 6;

  /**
   * For a timed finding whose attempt said when the page heard of the loss before it: how long
   * after the server's refusal or loss that was, in ns (the delay is timed from then); else 0.
   */
  static final int HEARD = 7;

  private final long[] defects = new long[ReconnectDefect.values().length];
  private final int keep;
  private final List<ReconnectRetry> retries = new ArrayList<>();
  private final EarliestFinding<ReconnectDefect> first = new EarliestFinding<>();
  private long streams;
  private long outages;
  private long attempts;
  private long refusals;
  private long resets;
  private long giveUps;
  private long judged;
  private long withinEnvelope;
  private long resumesJudged;
  private long worstLateNs;
  private String worstStream;
  private long worstAttempt;

  /** @param keep how many judged retries to list (0 for a verdict alone, which allocates none) */
  ReconnectTally(int keep) {
    this.keep = keep;
  }

  void countStream() {
    streams++;
  }

  void countOutage() {
    outages++;
  }

  void countAttempt() {
    attempts++;
  }

  void countRefusal() {
    refusals++;
  }

  /** The attempt count restarted at 1 after a connection that stayed up long enough. */
  void countReset() {
    resets++;
  }

  void countGiveUp() {
    giveUps++;
  }

  void countResumeJudged() {
    resumesJudged++;
  }

  /**
   * A retry whose delay was held against its envelope (the fields of {@link ReconnectRetry});
   * listed while fewer than keep are, built only then so that a verdict alone allocates nothing.
   */
  void judged(
      String stream,
      long index,
      long wallNs,
      int attempt,
      long delayNs,
      long lowNs,
      long highNs,
      long earliestNs,
      long latestNs) {
    boolean within = delayNs >= earliestNs && delayNs <= latestNs;
    judged++;
    if (within) {
      withinEnvelope++;
    }
    if (delayNs - highNs > worstLateNs) {
      worstLateNs = delayNs - highNs;
      worstStream = stream;
      worstAttempt = attempt;
    }
    if (retries.size() < keep) {
      retries.add(
          new ReconnectRetry(
              stream, index, wallNs, attempt, delayNs, lowNs, highNs, earliestNs, latestNs, within));
    }
  }

  /**
   * Counts {@code n} findings of {@code defect} and keeps the one at {@code index} if earliest; a
   * timed one with what it allowed besides the tolerance ({@link #BOUND}, {@link #HELD}) and how
   * long after the loss the page heard of it ({@link #HEARD}), else 0.
   */
  void found(
      ReconnectDefect defect,
      long n,
      String stream,
      long index,
      long attempt,
      long first,
      long second,
      long third,
      double chance,
      long boundNs,
      long heldNs,
      long heardAfterNs) {
    defects[defect.ordinal()] += n;
    if (this.first.offer(defect, stream, index)) {
      this.first
          .put(ATTEMPT, attempt)
          .put(FIRST, first)
          .put(SECOND, second)
          .put(THIRD, third)
          .put(CHANCE, Double.doubleToLongBits(chance))
          .put(BOUND, boundNs)
          .put(HELD, heldNs)
          .put(HEARD, heardAfterNs);
    }
  }

  /** The no-jitter chance a finding holds. */
  static double chance(EarliestFinding<ReconnectDefect> finding) {
    return Double.longBitsToDouble(finding.number(CHANCE));
  }

  long count(ReconnectDefect defect) {
    return defects[defect.ordinal()];
  }

  long streams() {
    return streams;
  }

  long outages() {
    return outages;
  }

  long attempts() {
    return attempts;
  }

  long refusals() {
    return refusals;
  }

  long resets() {
    return resets;
  }

  long giveUps() {
    return giveUps;
  }

  long judged() {
    return judged;
  }

  long withinEnvelope() {
    return withinEnvelope;
  }

  long resumesJudged() {
    return resumesJudged;
  }

  long worstLateNs() {
    return worstLateNs;
  }

  /** The stream of the latest attempt past its envelope; null when none came after its top. */
  String worstStream() {
    return worstStream;
  }

  long worstAttempt() {
    return worstAttempt;
  }

  /** The judged retries listed, at most keep. */
  List<ReconnectRetry> retries() {
    return retries;
  }

  EarliestFinding<ReconnectDefect> first() {
    return first;
  }
}
