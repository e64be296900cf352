/**
 * Pacing: releasing a stream of readings on the wall clock at a chosen speed (real time, scaled,
 * or as fast as possible) without changing its content. The wall clock is an interface, {@link
 * dev.weir.simulator.pacing.WallClock}, with a system implementation and a manual one, so pacing
 * can be tested without real time passing.
 */
package dev.weir.simulator.pacing;
