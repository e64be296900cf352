/**
 * Faults at the transport layer, declared per stream by message sequence and seeded, so that the
 * same declaration and seed make the same decisions on every run: drop, duplicate, reorder within
 * a window, fixed and jittered delay, a producer stall, a disconnect, a page reload and a slow
 * consumer. Each applied fault is reported to a {@link dev.weir.harness.transport.fault.FaultLog},
 * which the trace records; {@link dev.weir.harness.transport.fault.Faults} plugs them into a
 * transport's offer.
 */
package dev.weir.harness.transport.fault;
