/**
 * The trace: what happened on every stream of a run (sends, deliveries, lifecycle events, and what
 * the frontend's probe and the harness's gauges report), kept compactly in memory while it happens,
 * read by checkers through consistent snapshots, and written as MCAP for repro bundles and for
 * tools such as Foxglove and {@code weir inspect}.
 *
 * <p>{@link dev.weir.harness.trace.Trace} records; {@link dev.weir.harness.trace.TraceSnapshot},
 * {@link dev.weir.harness.trace.TraceCursor} and {@link dev.weir.harness.trace.EventFilter} read;
 * {@link dev.weir.harness.trace.TraceWriter} writes the file. The event model and the file layout
 * are in {@code docs/trace-format.md}.
 */
package dev.weir.harness.trace;
