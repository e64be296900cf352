/**
 * What the simulator runs: the {@link dev.weir.simulator.spec.SimulationSpec} records (sensors,
 * signal models, source faults, exact rates) and the parser that reads them from the
 * {@code seed}, {@code duration}, {@code sensors} and {@code faults} keys of a scenario file,
 * reporting every bad value as a {@link dev.weir.simulator.spec.SpecException} with its file
 * position. The accepted YAML is documented in {@code simulation.schema.json}.
 */
package dev.weir.simulator.spec;
