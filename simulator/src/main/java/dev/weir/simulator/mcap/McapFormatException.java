package dev.weir.simulator.mcap;

import java.io.IOException;
import java.util.HexFormat;

/**
 * Thrown when bytes are not valid MCAP: corrupt or truncated. Always names the byte offset and the record kind, so a
 * damaged recording can be located with a hex editor or cut with the salvage mode of {@link McapStreamReader}.
 */
public final class McapFormatException extends IOException {
  private final long offset;
  private final String record;

  private McapFormatException(String message, long offset, String record) {
    super(message);
    this.offset = offset;
    this.record = record;
  }

  /** Byte offset in the file of the damaged record (for records inside a chunk: of the chunk). */
  public long offset() {
    return offset;
  }

  /** The record kind ({@code "Chunk"}, {@code "Message"}, ...) or file part ({@code "leading magic"}). */
  public String record() {
    return record;
  }

  static McapFormatException corrupt(long offset, int opcode, String detail) {
    String kind = Opcode.name(opcode);
    return new McapFormatException(String.format("corrupt MCAP at byte %d in %s record (opcode 0x%02x): %s",
      offset, kind, opcode, detail), offset, kind);
  }

  static McapFormatException corruptPart(long offset, String part, String detail) {
    return new McapFormatException("corrupt MCAP at byte " + offset + " in " + part + ": " + detail, offset, part);
  }

  static McapFormatException truncated(long offset, int opcode, long missing) {
    return truncatedPart(offset, Opcode.name(opcode) + " record", Opcode.name(opcode), missing);
  }

  static McapFormatException truncatedPart(long offset, String part, long missing) {
    return truncatedPart(offset, part, part, missing);
  }

  private static McapFormatException truncatedPart(long offset, String where, String record, long missing) {
    return new McapFormatException("truncated MCAP at byte " + offset + " in " + where + ": needs " + missing
      + " more bytes, file ends", offset, record);
  }

  static McapFormatException badMagic(long offset, String part, byte[] found) {
    HexFormat hex = HexFormat.ofDelimiter(" ").withUpperCase();
    return corruptPart(offset, part, "expected bytes " + hex.formatHex(Opcode.MAGIC) + ", found "
      + hex.formatHex(found));
  }

  static String crcMismatch(String what, long expected, long found) {
    return String.format("expected %s CRC 0x%08x, found 0x%08x", what, expected, found);
  }
}
