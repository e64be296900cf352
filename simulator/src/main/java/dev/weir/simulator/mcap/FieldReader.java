package dev.weir.simulator.mcap;

import dev.weir.simulator.io.LittleEndian;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the fields of one record's content with bounds checks, so a lying length can never read past the record; every
 * overrun becomes a {@link McapFormatException} naming the field.
 */
final class FieldReader {
  private final byte[] buf;
  private final int start;
  private int pos;
  private int limit;
  private final long fileOffset;
  private final int opcode;
  private final int chunkOffset;

  /**
   * @param fileOffset offset of the record, or of the enclosing chunk, for error messages
   * @param chunkOffset the record's offset in its chunk's uncompressed records, or -1 outside chunks
   */
  FieldReader(byte[] buf, int off, int len, long fileOffset, int opcode, int chunkOffset) {
    this.buf = buf;
    this.start = off;
    this.pos = off;
    this.limit = off + len;
    this.fileOffset = fileOffset;
    this.opcode = opcode;
    this.chunkOffset = chunkOffset;
  }

  int opcode() {
    return opcode;
  }

  byte[] buffer() {
    return buf;
  }

  int start() {
    return start;
  }

  int position() {
    return pos;
  }

  McapFormatException corrupt(String detail) {
    String where = chunkOffset < 0 ? "" : " (record at uncompressed offset " + chunkOffset + " of the chunk)";
    return McapFormatException.corrupt(fileOffset, opcode, detail + where);
  }

  private int need(long n, String field) throws McapFormatException {
    if (n > limit - pos) {
      throw corrupt("field '" + field + "' needs " + n + " bytes at content offset " + (pos - start)
        + ", but only " + (limit - pos) + " remain");
    }
    int at = pos;
    pos += (int) n;
    return at;
  }

  int u8(String field) throws McapFormatException {
    return buf[need(1, field)] & 0xFF;
  }

  int u16(String field) throws McapFormatException {
    return LittleEndian.u16(buf, need(2, field));
  }

  long u32(String field) throws McapFormatException {
    return LittleEndian.u32(buf, need(4, field));
  }

  long u64(String field) throws McapFormatException {
    return LittleEndian.u64(buf, need(8, field));
  }

  String string(String field) throws McapFormatException {
    long n = u32(field);
    int at = need(n, field);
    return new String(buf, at, (int) n, StandardCharsets.UTF_8);
  }

  /** A uint32 length-prefixed byte field, copied. */
  byte[] bytes32(String field) throws McapFormatException {
    long n = u32(field);
    int at = need(n, field);
    return Arrays.copyOfRange(buf, at, at + (int) n);
  }

  /** Skips a uint64 length-prefixed byte field and returns its start; its length is {@code position() - start}. */
  int skip64(String field) throws McapFormatException {
    long n = u64(field);
    if (n < 0) {
      throw corrupt("field '" + field + "' declares " + Long.toUnsignedString(n) + " bytes");
    }
    return need(n, field);
  }

  /** All bytes up to the end of the record. */
  byte[] rest() {
    byte[] out = Arrays.copyOfRange(buf, pos, limit);
    pos = limit;
    return out;
  }

  Map<String, String> stringMap(String field) throws McapFormatException {
    int end = enterMap(field);
    Map<String, String> map = new LinkedHashMap<>();
    while (pos < limit) {
      map.put(string(field), string(field));
    }
    limit = end;
    return map;
  }

  Map<Integer, Long> u16u64Map(String field) throws McapFormatException {
    int end = enterMap(field);
    Map<Integer, Long> map = new LinkedHashMap<>();
    while (pos < limit) {
      map.put(u16(field), u64(field));
    }
    limit = end;
    return map;
  }

  List<MessageIndex.Entry> entries(String field) throws McapFormatException {
    long n = u32(field);
    if (n % 16 != 0) {
      throw corrupt("field '" + field + "' length " + n + " is not a multiple of 16");
    }
    int at = need(n, field);
    List<MessageIndex.Entry> out = new ArrayList<>((int) (n / 16));
    for (int p = at; p < at + n; p += 16) {
      out.add(new MessageIndex.Entry(LittleEndian.u64(buf, p), LittleEndian.u64(buf, p + 8)));
    }
    return out;
  }

  /** Narrows the limit to a uint32 length-prefixed map and returns the outer limit to restore. */
  private int enterMap(String field) throws McapFormatException {
    long n = u32(field);
    int at = need(n, field);
    pos = at;
    int outer = limit;
    limit = at + (int) n;
    return outer;
  }
}
