package dev.weir.harness.check;

import static dev.weir.harness.check.FirstFinding.millis;

import java.util.Locale;

/**
 * The earliest finding of a reconnect pass, by the position of the event that shows it (ties go to
 * the more specific defect), kept as primitives: some are only settled at the end (a give-up never
 * reported), so each is offered and the earliest kept; its sentences are written once, for the one
 * reported. {@link FirstFinding} does the same for ordering defects.
 */
final class ReconnectFinding {

  private ReconnectDefect defect;
  private String stream;
  private long index = -1;
  private long attempt;
  private long first;
  private long second;
  private long third;
  private double chance;

  /**
   * @param index the event that shows the finding
   * @param attempt the attempt concerned; for no-jitter, how many retries were at the top
   * @param first a delay, or the last sequence consumed before a reconnection
   * @param second an envelope's low, or the first sequence consumed after it
   * @param third an envelope's high
   * @param chance for no-jitter, how likely a correctly jittered client is to do the same
   */
  void offer(
      ReconnectDefect defect,
      String stream,
      long index,
      long attempt,
      long first,
      long second,
      long third,
      double chance) {
    if (this.defect != null
        && (index > this.index
            || index == this.index && defect.ordinal() >= this.defect.ordinal())) {
      return;
    }
    this.defect = defect;
    this.stream = stream;
    this.index = index;
    this.attempt = attempt;
    this.first = first;
    this.second = second;
    this.third = third;
    this.chance = chance;
  }

  boolean present() {
    return defect != null;
  }

  ReconnectDefect defect() {
    return defect;
  }

  String stream() {
    return stream;
  }

  long index() {
    return index;
  }

  /** What the declared behaviour required, as a sentence. */
  String expected(ReconnectPolicy policy, ReconnectTolerance tolerance) {
    return switch (defect) {
      case RETRY_AFTER_GIVE_UP -> "no attempt once the page has reported giving up";
      case TOO_MANY_ATTEMPTS ->
          "at most " + policy.maxAttempts() + " attempts, then give up";
      case TOO_EARLY, TOO_LATE, ABOVE_CAP ->
          "attempt "
              + attempt
              + " waits "
              + millis(second)
              + " to "
              + millis(third)
              + " after "
              + since()
              + " ("
              + policy.jitter().label()
              + " jitter), within "
              + (defect == ReconnectDefect.TOO_EARLY
                  ? millis(tolerance.earlyNs()) + " early"
                  : millis(tolerance.lateAllowanceNs(third)) + " late");
      case GIVE_UP_NOT_VISIBLE ->
          "after "
              + plural(attempt, "failed attempt")
              + " the page reports giving up (a reconnect give-up)";
      case NO_JITTER ->
          "retry delays spread over their envelopes (" + policy.jitter().label() + " jitter)";
      case RESUME_LOST, RESUME_REPEATED ->
          "the first message consumed after reconnecting is sequence " + (first + 1);
    };
  }

  /** What the trace shows instead, as a sentence. */
  String actual(ReconnectPolicy policy, ReconnectTolerance tolerance) {
    return switch (defect) {
      case RETRY_AFTER_GIVE_UP ->
          "attempt " + attempt + " came " + millis(first) + " after the page reported giving up";
      case TOO_MANY_ATTEMPTS -> "attempt " + attempt + " was made";
      case TOO_EARLY -> "it came after " + millis(first) + ", too soon: a retry storm";
      case TOO_LATE -> "it came after " + millis(first) + ", " + millis(first - third) + " late";
      case ABOVE_CAP ->
          "it came after "
              + millis(first)
              + ", beyond the cap of "
              + millis(third)
              + ": the backoff is not capped";
      case GIVE_UP_NOT_VISIBLE ->
          "no give-up was reported for the stream after this, by the end of the trace";
      case NO_JITTER ->
          "all "
              + attempt
              + " retries whose envelope was wider than "
              + millis(4 * tolerance.lateNs())
              + " came within "
              + millis(tolerance.lateNs())
              + " of its top, which a jittered client does with a chance of "
              + String.format(Locale.ROOT, "%.2g", chance);
      case RESUME_LOST ->
          "it was sequence "
              + second
              + ": "
              + plural(second - first - 1, "message")
              + " lost across the outage";
      case RESUME_REPEATED ->
          "it was sequence " + second + ", consumed again after " + first + " had been";
    };
  }

  private String since() {
    return attempt == 1 ? "the connection was lost" : "attempt " + (attempt - 1) + " was refused";
  }

  private static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
