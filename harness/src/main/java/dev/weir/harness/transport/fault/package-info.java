/**
 * Faults at the transport layer, declared per stream by message index and seeded, so that the
 * same declaration and seed make the same decisions on every run: drop, duplicate, reorder within
 * a window, fixed and jittered delay, and a producer stall. Each applied fault is reported to a
 * {@link dev.weir.harness.transport.fault.FaultLog}, which the trace records.
 */
package dev.weir.harness.transport.fault;
