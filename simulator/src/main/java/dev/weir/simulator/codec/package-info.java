/**
 * Message encodings of a {@link dev.weir.simulator.stream.Reading}: JSON ({@code json} with a
 * JSON Schema, for tools like Foxglove and for people) and a fixed little-endian binary layout
 * ({@code weir.reading.v1}, for size and speed). Both carry the sensor id, index, sensor timestamp
 * and values, so a message is self-describing; the emission time travels outside the message (the
 * MCAP {@code log_time}). Encoders write deterministic bytes into a reused buffer; decoders reject
 * malformed input with the byte of the message where it went wrong. The layouts are documented in
 * {@code docs/recording-format.md}.
 */
package dev.weir.simulator.codec;
