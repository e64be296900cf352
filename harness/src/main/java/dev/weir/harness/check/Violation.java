package dev.weir.harness.check;

import dev.weir.harness.trace.TraceEvent;
import java.util.List;
import java.util.Objects;

/**
 * The first place a run broke (or, in a {@link Status#NON_STRICT} verdict, first deviated within
 * what is allowed): what was expected, what happened, the trace event that shows it, and the events
 * around it on the same stream, so a reader sees the violation in its surroundings without opening
 * the trace.
 *
 * @param defect what kind of violation, in the checker's words ({@code out-of-order}, {@code lost})
 * @param expected what the declared behaviour required here, as a sentence
 * @param actual what the trace shows instead, as a sentence
 * @param event the event that shows it (its index, stream, sequence and times)
 * @param before up to {@link #CONTEXT} events of the same stream just before {@code event}, oldest
 *     first; fewer near the stream's start, never null
 * @param after up to {@link #CONTEXT} events of the same stream just after {@code event}; fewer
 *     near the trace's end, never null
 */
public record Violation(
    String defect,
    String expected,
    String actual,
    TraceEvent event,
    List<TraceEvent> before,
    List<TraceEvent> after) {

  /** How many events of context a violation keeps on each side. */
  public static final int CONTEXT = 5;

  public Violation {
    Objects.requireNonNull(defect, "defect");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(actual, "actual");
    Objects.requireNonNull(event, "event");
    before = List.copyOf(before);
    after = List.copyOf(after);
    if (before.size() > CONTEXT || after.size() > CONTEXT) {
      throw new IllegalArgumentException(
          "a violation keeps at most "
              + CONTEXT
              + " events of context on each side, got "
              + before.size()
              + " before and "
              + after.size()
              + " after");
    }
  }

  /**
   * The violation in one sentence, without a final stop: {@code out-of-order at event #12 (stream
   * "s"): expected …, but …}; what every verdict's summary ends with.
   */
  public String describe() {
    return defect + " at event #" + event.index() + " (stream \"" + event.stream() + "\"): expected "
        + expected + ", but " + actual;
  }
}
