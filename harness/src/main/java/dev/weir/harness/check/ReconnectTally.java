package dev.weir.harness.check;

/**
 * What one reconnect pass found over all streams: counts of what happened and of each defect, the
 * worst lateness and the first finding. Constant size, whatever the trace.
 */
final class ReconnectTally {

  private final long[] defects = new long[ReconnectDefect.values().length];
  private final ReconnectFinding first = new ReconnectFinding();
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
   * A retry whose delay was held against its envelope: {@code within} its tolerance or not, and
   * {@code lateNs} past the envelope's top (negative when before it).
   */
  void judged(boolean within, String stream, long attempt, long lateNs) {
    judged++;
    if (within) {
      withinEnvelope++;
    }
    if (lateNs > worstLateNs) {
      worstLateNs = lateNs;
      worstStream = stream;
      worstAttempt = attempt;
    }
  }

  /** Counts {@code n} findings of {@code defect} and keeps the one at {@code index} if earliest. */
  void found(
      ReconnectDefect defect,
      long n,
      String stream,
      long index,
      long attempt,
      long first,
      long second,
      long third,
      double chance) {
    defects[defect.ordinal()] += n;
    this.first.offer(defect, stream, index, attempt, first, second, third, chance);
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

  ReconnectFinding first() {
    return first;
  }
}
