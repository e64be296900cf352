/**
 * The simulated stream: {@link dev.weir.simulator.stream.Simulation} turns a {@link
 * dev.weir.simulator.spec.SimulationSpec} into every sensor's readings, after source faults,
 * merged by a discrete-event scheduler into one sequence ordered by virtual time. Single sensors
 * can be seeked by index and generated in parallel chunks; all of it is a pure function of the
 * spec and its seed.
 */
package dev.weir.simulator.stream;
