/**
 * File output that is all or nothing: every file weir writes (recordings, exports) goes through
 * {@link dev.weir.simulator.io.AtomicFile}, so a crash or a failed write never leaves a file that
 * looks complete.
 */
package dev.weir.simulator.io;
