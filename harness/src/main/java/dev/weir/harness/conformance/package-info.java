/**
 * Judges a frontend: the built-in conformance cases ({@link dev.weir.harness.conformance.Cases}),
 * each driving a fresh page of the frontend over one transport with a simulated stream, declared
 * faults and a credit window, then handing the run's trace to the case's checkers. {@link
 * dev.weir.harness.conformance.Conformance} runs cases over transports and collects their verdicts;
 * the CLI's {@code weir run conformance --frontend DIR} and the broken-variant tests call it.
 */
package dev.weir.harness.conformance;
