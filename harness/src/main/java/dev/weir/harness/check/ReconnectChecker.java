package dev.weir.harness.check;

import dev.weir.harness.trace.EventKind;
import dev.weir.harness.trace.TraceCursor;
import dev.weir.harness.trace.TraceSnapshot;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Judges a frontend's reconnection from the connection attempts the server saw, which a page cannot
 * hide or misreport, against the backoff it declares ({@link ReconnectPolicy}, with the reference
 * frontend's semantics): each retry's delay within its envelope and the {@link ReconnectTolerance};
 * no more attempts than allowed, and none after the page says it gave up; a give-up reported when
 * the attempts run out; the declared jitter actually applied; optionally, a resumed stream neither
 * losing nor repeating messages across an outage.
 *
 * <pre>{@code
 * Checker reconnect = new ReconnectChecker(ReconnectPolicy.DEFAULT, ReconnectTolerance.DEFAULT);
 * Verdict verdict = reconnect.check(trace.snapshot());
 * }</pre>
 *
 * <p>Every stream with a connect-attempt event is judged. One pass over the trace, plus one to the
 * first violation for its context; constant memory per stream. Semantics: {@code
 * docs/checkers.md}.
 */
public final class ReconnectChecker implements Checker {

  /** How many judged retries {@link #review} lists; a report plots no more. */
  public static final int RETRIES_KEPT = 1_024;

  private final ReconnectPolicy policy;
  private final ReconnectTolerance tolerance;
  private final boolean resumes;

  /** A checker of reconnection timing and give-ups, not of resumption. */
  public ReconnectChecker(ReconnectPolicy policy, ReconnectTolerance tolerance) {
    this(policy, tolerance, false);
  }

  /**
   * @param policy the backoff the frontend declares
   * @param tolerance how far observed delays may stray from the policy's envelopes
   * @param resumes true when the transport and frontend resume a stream after an outage: the first
   *     message consumed after each reconnection must follow the last one consumed before it
   */
  public ReconnectChecker(ReconnectPolicy policy, ReconnectTolerance tolerance, boolean resumes) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
    this.resumes = resumes;
  }

  @Override
  public String name() {
    return "reconnect";
  }

  @Override
  public Verdict check(TraceSnapshot trace) {
    return new ReconnectReport(name(), policy, tolerance, resumes).verdict(trace, pass(trace, 0));
  }

  /**
   * The verdict {@link #check} gives and, from the same pass, the retries it judged: each one's
   * delay against its envelope and tolerance, for a report to plot. Lists up to {@link
   * #RETRIES_KEPT} retries (about 100 bytes each) and counts the rest.
   */
  public ReconnectReview review(TraceSnapshot trace) {
    ReconnectTally tally = pass(trace, RETRIES_KEPT);
    Verdict verdict = new ReconnectReport(name(), policy, tolerance, resumes).verdict(trace, tally);
    return new ReconnectReview(verdict, tally.retries(), tally.judged() - tally.retries().size());
  }

  /** The one pass: every stream's connections replayed against the policy into a tally. */
  private ReconnectTally pass(TraceSnapshot trace, int keep) {
    ReconnectTally tally = new ReconnectTally(keep);
    PageTimes page = PageTimes.of(trace);
    Map<String, ReconnectStream> streams = new LinkedHashMap<>();
    TraceCursor event = trace.cursor();
    while (event.next()) {
      EventKind kind = event.kind();
      ReconnectStream stream = streams.get(event.stream());
      if (stream == null) {
        if (kind != EventKind.CONNECT_ATTEMPT) {
          continue; // a stream is judged from its first connection attempt
        }
        stream = new ReconnectStream(event.stream(), policy, tolerance, resumes, tally, page);
        streams.put(event.stream(), stream);
      }
      switch (kind) {
        case CONNECT_ATTEMPT -> stream.attempted(event.index(), event.wallNs());
        case REFUSAL -> stream.refused(event.index(), event.wallNs());
        case OPEN -> stream.opened(event.wallNs());
        case CLOSE -> stream.closed(event.index(), event.wallNs(), event.detail());
        case RECONNECT -> {
          if (event.decision().equals("give-up")) {
            stream.gaveUp(event.index(), event.wallNs());
          }
        }
        case LOSS_HEARD -> stream.heard(event.wallNs());
        case CONSUME -> stream.consumed(event.index(), event.wallNs(), event.sequence());
        default -> {}
      }
    }
    for (ReconnectStream stream : streams.values()) {
      stream.finish();
    }
    return tally;
  }

  @Override
  public String toString() {
    return name() + "[" + policy + (resumes ? ", resumes" : "") + "]";
  }
}
