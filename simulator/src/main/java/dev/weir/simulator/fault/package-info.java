/**
 * Source-side faults: what a misbehaving sensor does to its own reading sequence before anything
 * downstream sees it (gaps, bursts, duplicates, clock errors, frozen or impossible values). A
 * {@link dev.weir.simulator.fault.FaultChain} applies a spec's faults to one sensor's readings in
 * declaration order, each seeded by (seed, fault position, sensor, index), so a sensor's faulted
 * output is as deterministic and as splittable as its clean signal.
 */
package dev.weir.simulator.fault;
