package dev.weir.simulator.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The message encodings weir writes and reads, with the names MCAP channels and schemas carry.
 *
 * <p>The names are part of the recording format: a reader picks the decoder from a channel's
 * {@code message_encoding}, so they never change for a given layout; a new layout gets a new name.
 */
public enum ReadingEncoding {

  /** One JSON object per message, described by the JSON Schema {@code weir.Reading}. */
  JSON("json", "weir.Reading", "jsonschema"),

  /** The fixed little-endian layout {@code weir.reading.v1}; channels carry no schema record. */
  BINARY("weir.reading.v1", "", "");

  private final String messageEncoding;
  private final String schemaName;
  private final String schemaEncoding;

  ReadingEncoding(String messageEncoding, String schemaName, String schemaEncoding) {
    this.messageEncoding = messageEncoding;
    this.schemaName = schemaName;
    this.schemaEncoding = schemaEncoding;
  }

  /** The MCAP channel {@code message_encoding}. */
  public String messageEncoding() {
    return messageEncoding;
  }

  /** The MCAP schema name; empty when the encoding has no schema record. */
  public String schemaName() {
    return schemaName;
  }

  /** The MCAP schema encoding; empty when the encoding has no schema record. */
  public String schemaEncoding() {
    return schemaEncoding;
  }

  /** Whether channels of this encoding reference a schema record (otherwise schema id 0). */
  public boolean hasSchema() {
    return !schemaEncoding.isEmpty();
  }

  /** The schema record's bytes; empty when {@link #hasSchema()} is false. */
  public byte[] schemaData() {
    if (!hasSchema()) {
      return new byte[0];
    }
    try (InputStream in = ReadingEncoding.class.getResourceAsStream("reading.schema.json")) {
      if (in == null) {
        throw new IllegalStateException("resource dev/weir/simulator/codec/reading.schema.json is missing");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A new encoder; not thread-safe, so use one per writer. */
  public ReadingEncoder newEncoder() {
    return this == JSON ? new JsonReadingEncoder() : new BinaryReadingEncoder();
  }

  /** A new decoder; not thread-safe, so use one per reader. */
  public ReadingDecoder newDecoder() {
    return this == JSON ? new JsonReadingDecoder() : new BinaryReadingDecoder();
  }

  /**
   * The encoding a channel's {@code message_encoding} names.
   *
   * @return empty when weir does not read that encoding
   */
  public static Optional<ReadingEncoding> forMessageEncoding(String messageEncoding) {
    for (ReadingEncoding e : values()) {
      if (e.messageEncoding.equals(messageEncoding)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }
}
