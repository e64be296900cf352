/**
 * Signal models compiled to seekable per-channel evaluators. {@link
 * dev.weir.simulator.signal.SensorSignal#compile} turns a sensor's {@link
 * dev.weir.simulator.spec.SignalSpec} into one evaluator per channel whose value at any sample
 * index costs O(1) to compute, independent of the index: periodic models keep their phase as
 * exact 64-bit fixed-point turns, noise and spikes draw from counter-based random streams, and
 * the random walk is a Brownian path built by midpoint displacement. A bulk fill path evaluates
 * ranges of samples for throughput and yields exactly the values of the single-index path.
 */
package dev.weir.simulator.signal;
