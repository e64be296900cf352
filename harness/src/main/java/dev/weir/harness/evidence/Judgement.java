package dev.weir.harness.evidence;

import dev.weir.harness.check.BufferChecker;
import dev.weir.harness.check.Checker;
import dev.weir.harness.check.ReconnectChecker;
import dev.weir.harness.check.ReconnectRetry;
import dev.weir.harness.check.ReconnectReview;
import dev.weir.harness.check.Verdict;
import dev.weir.harness.trace.TraceSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A run's verdicts and its evidence, each checker run once: what a runner keeps of a run for its
 * report. The reconnect checkers' retries come from the pass that gives their verdicts ({@link
 * ReconnectChecker#review}), and a buffer checker's declared capacity is drawn on the occupancy
 * plot.
 *
 * <pre>{@code
 * Judgement judged = Judgement.of(run.snapshot(), conformanceCase.checkers());
 * judged.verdicts();   // as each checker's check() gives them, in the checkers' order
 * judged.evidence();   // for the report
 * }</pre>
 *
 * @param verdicts one per checker, in the checkers' order
 * @param evidence what the report plots of the run
 */
public record Judgement(List<Verdict> verdicts, Evidence evidence) {

  public Judgement {
    verdicts = List.copyOf(verdicts);
    Objects.requireNonNull(evidence, "evidence");
  }

  /** Judges {@code trace} with each of {@code checkers} and gathers its evidence. */
  public static Judgement of(TraceSnapshot trace, List<? extends Checker> checkers) {
    List<Verdict> verdicts = new ArrayList<>();
    List<ReconnectRetry> retries = new ArrayList<>();
    long omitted = 0;
    long capacity = EvidencePass.NO_CAPACITY;
    for (Checker checker : checkers) {
      if (checker instanceof ReconnectChecker reconnect) {
        ReconnectReview review = reconnect.review(trace);
        verdicts.add(review.verdict());
        int room = Math.max(0, ReconnectChecker.RETRIES_KEPT - retries.size());
        retries.addAll(review.retries().subList(0, Math.min(room, review.retries().size())));
        omitted += review.omitted() + Math.max(0, review.retries().size() - room);
      } else {
        verdicts.add(checker.check(trace));
        if (checker instanceof BufferChecker buffer) {
          capacity = buffer.capacity();
        }
      }
    }
    return new Judgement(
        verdicts, EvidencePass.gather(trace, capacity, new Retries(retries, omitted)));
  }
}
