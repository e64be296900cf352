/**
 * What every writer in weir shares. {@link dev.weir.simulator.io.AtomicFile}: every file weir
 * writes (recordings, exports) is all or nothing, so a crash or a failed write never leaves a file
 * that looks complete. {@link dev.weir.simulator.io.ByteSink} and
 * {@link dev.weir.simulator.io.LittleEndian}: little-endian encoding into a reused buffer, so the
 * MCAP writer and the reading encoders allocate nothing per message.
 */
package dev.weir.simulator.io;
