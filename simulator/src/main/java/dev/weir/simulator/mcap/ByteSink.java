package dev.weir.simulator.mcap;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/** A growable byte array that encodes MCAP's little-endian primitives; reused so writing allocates nothing. */
final class ByteSink {
  private byte[] buf;
  private int size;

  ByteSink(int capacity) {
    buf = new byte[capacity];
  }

  byte[] array() {
    return buf;
  }

  int size() {
    return size;
  }

  void clear() {
    size = 0;
  }

  /** Makes room for {@code extra} more bytes and returns the write position. */
  int reserve(int extra) {
    int at = size;
    if (extra > buf.length - at) {
      long wanted = Math.max((long) at + extra, 2L * buf.length);
      buf = Arrays.copyOf(buf, (int) Math.min(wanted, Integer.MAX_VALUE - 16));
      if (extra > buf.length - at) {
        throw new IllegalStateException("record of " + extra + " bytes does not fit a Java array");
      }
    }
    size = at + extra;
    return at;
  }

  void u8(int v) {
    int at = reserve(1);
    buf[at] = (byte) v;
  }

  void u16(int v) {
    int at = reserve(2);
    LittleEndian.putU16(buf, at, v);
  }

  void u32(long v) {
    int at = reserve(4);
    LittleEndian.putU32(buf, at, v);
  }

  void u64(long v) {
    int at = reserve(8);
    LittleEndian.putU64(buf, at, v);
  }

  void patchU32(int at, long v) {
    LittleEndian.putU32(buf, at, v);
  }

  void patchU64(int at, long v) {
    LittleEndian.putU64(buf, at, v);
  }

  void bytes(byte[] src, int off, int len) {
    int at = reserve(len); // before reading buf: reserve may replace it
    System.arraycopy(src, off, buf, at, len);
  }

  void string(String s) {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    u32(utf8.length);
    bytes(utf8, 0, utf8.length);
  }

  void stringMap(Map<String, String> map) {
    int lengthAt = reserve(4);
    for (Map.Entry<String, String> e : map.entrySet()) {
      string(e.getKey());
      string(e.getValue());
    }
    patchU32(lengthAt, size - lengthAt - 4);
  }

  void u16u64Map(Map<Integer, Long> map) {
    u32(10L * map.size());
    for (Map.Entry<Integer, Long> e : map.entrySet()) {
      u16(e.getKey());
      u64(e.getValue());
    }
  }
}
