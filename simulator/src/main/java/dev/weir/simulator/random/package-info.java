/**
 * Counter-based random numbers: every draw is a pure function of (seed, key, index), so any
 * sample of any stream can be computed directly, in any order, on any thread, with the same bits
 * on every JDK. Keys name a stream by sensor, purpose and ordinal; {@link
 * dev.weir.simulator.random.CounterRandom} turns a (seed, key) pair into a seekable stream of
 * 64-bit words, uniform doubles and standard Gaussians.
 */
package dev.weir.simulator.random;
