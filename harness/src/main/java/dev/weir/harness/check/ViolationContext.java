package dev.weir.harness.check;

import dev.weir.harness.trace.EventFilter;
import dev.weir.harness.trace.TraceCursor;
import dev.weir.harness.trace.TraceEvent;
import dev.weir.harness.trace.TraceSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds a violation's event and the {@link Violation#CONTEXT} events either side of it on its
 * stream, in a pass of its own once the judging pass has named the event.
 *
 * <p>Why a second pass rather than a ring kept during judgement: some violations are only known at
 * the end (a message never delivered, a sequence never sent), yet they are named by an event long
 * past — the send, the first arrival — whose surroundings the judging pass could only have kept by
 * copying context for every candidate. This pass stops five events after the named one, so it reads
 * no further into the trace than the violation.
 */
final class ViolationContext {

  private ViolationContext() {}

  /**
   * The violation named by event {@code index} on {@code stream}.
   *
   * @throws IllegalArgumentException if {@code trace} has no such event on that stream
   */
  static Violation at(
      TraceSnapshot trace,
      String stream,
      long index,
      String defect,
      String expected,
      String actual) {
    TraceCursor cursor = trace.cursor(EventFilter.all().onStream(stream));
    EventRing before = new EventRing(Violation.CONTEXT);
    while (cursor.next() && cursor.index() <= index) {
      if (cursor.index() == index) {
        TraceEvent event = cursor.toEvent();
        List<TraceEvent> after = new ArrayList<>(Violation.CONTEXT);
        while (after.size() < Violation.CONTEXT && cursor.next()) {
          after.add(cursor.toEvent());
        }
        return new Violation(defect, expected, actual, event, before.events(), after);
      }
      before.add(cursor);
    }
    throw new IllegalArgumentException(
        "no event #"
            + index
            + " on stream \""
            + stream
            + "\" in a trace of "
            + trace.size()
            + " events: a checker named an event the trace does not hold");
  }
}
