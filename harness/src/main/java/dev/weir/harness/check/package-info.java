/**
 * Checkers: each judges a run from its {@link dev.weir.harness.trace.TraceSnapshot} alone and
 * returns a {@link dev.weir.harness.check.Verdict} — a status, named counts and fractions, and the
 * first violation with the events around it on its stream — that reports and repro bundles print as
 * JSON.
 *
 * <p>{@link dev.weir.harness.check.Checker} is the one interface; a checker's declared bounds are
 * its constructor's arguments. Checkers read the trace in passes over a {@link
 * dev.weir.harness.trace.TraceCursor}, so their time is linear in the trace and their memory is set
 * by their bounds and (for ordering) by what is outstanding, not by its length. The five checkers:
 *
 * <ul>
 *   <li>{@link dev.weir.harness.check.OrderingChecker}: each stream's arrivals against its sends
 *       (nothing out of order, twice, lost, never sent or late);
 *   <li>{@link dev.weir.harness.check.CleanupChecker}: closing a stream really ends it, and what
 *       the harness samples comes back to its baseline;
 *   <li>{@link dev.weir.harness.check.BackpressureChecker}: what is in flight stays within the
 *       declared bound, and only the declared policy drops;
 *   <li>{@link dev.weir.harness.check.BufferChecker}: a frontend's circular buffers hold exactly
 *       the newest items, and the heap stays flat once they are full;
 *   <li>{@link dev.weir.harness.check.ReconnectChecker}: reconnection attempts follow the declared
 *       backoff, give up visibly, and resume where they left off.
 * </ul>
 *
 * <p>Each checker has a tally (what its pass counted), a report (the verdict's counts, sentences
 * and summary) and a defect enum; all keep their first finding in one {@code EarliestFinding}. The
 * verdict model and each checker's semantics are in {@code docs/checkers.md}.
 */
package dev.weir.harness.check;
