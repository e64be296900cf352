/**
 * Recordings: readings stored as MCAP files and read back. {@link dev.weir.simulator.recording.RecordingWriter}
 * writes one channel per sensor ({@code /weir/<sensor id>}) with the sensor's declaration as channel metadata and the
 * run (spec, seed, duration) as a {@code weir} metadata record, in either
 * {@link dev.weir.simulator.codec.ReadingEncoding}; {@link dev.weir.simulator.recording.RecordingReader} streams them
 * back in constant memory and refuses, with the channel and message named, anything it cannot turn into readings
 * exactly. The layout is documented in {@code docs/recording-format.md}.
 */
package dev.weir.simulator.recording;
