package dev.weir.harness.check;

import dev.weir.harness.trace.TraceSnapshot;

/**
 * Judges one aspect of a run from its trace. A checker is configured once, by its constructor, with
 * the bounds the scenario declares; {@link #check} then reads only the snapshot, so the same
 * checker can judge many runs, and a saved trace judges the same way later.
 *
 * <p>Implementations read the trace in a bounded number of passes with a {@link
 * dev.weir.harness.trace.TraceCursor}, creating no object per event: time linear in the trace,
 * memory set by the declared bounds and the number of streams, not by the number of events.
 */
public interface Checker {

  /** The name verdicts and reports carry, such as {@code ordering/delivery}; never empty. */
  String name();

  /** The verdict on {@code trace}; never null. */
  Verdict check(TraceSnapshot trace);
}
