/**
 * Checkers: each judges a run from its {@link dev.weir.harness.trace.TraceSnapshot} alone and
 * returns a {@link dev.weir.harness.check.Verdict} — a status, named counts and fractions, and the
 * first violation with the events around it on its stream — that reports and repro bundles print as
 * JSON.
 *
 * <p>{@link dev.weir.harness.check.Checker} is the one interface; a checker's declared bounds are
 * its constructor's arguments. Checkers read the trace in passes over a {@link
 * dev.weir.harness.trace.TraceCursor}, so their time is linear in the trace and their memory is set
 * by their bounds, not by its length. {@link dev.weir.harness.check.OrderingChecker} judges each
 * stream's arrivals against its sends. The verdict model and each checker's semantics are in {@code
 * docs/checkers.md}.
 */
package dev.weir.harness.check;
