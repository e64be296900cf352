/**
 * Evidence: what a report plots of a run, computed from its {@link
 * dev.weir.harness.trace.TraceSnapshot} in one linear pass with bounded memory and bounded output,
 * beside the checkers' verdicts: the delivery latency histogram with its quantiles, throughput and
 * buffer occupancy over time, and the reconnect checker's judged retries against their envelopes.
 *
 * <p>{@link dev.weir.harness.evidence.Judgement#of} runs a case's checkers and gathers the evidence
 * in one call (the reconnect checker's retries come from the very pass that gives its verdict);
 * {@link dev.weir.harness.evidence.Evidence#of} reads a trace alone. Evidence is informational: it
 * judges nothing. Its JSON and what each part shows: {@code docs/report.md}.
 */
package dev.weir.harness.evidence;
