package dev.weir.simulator.io;

import java.util.Arrays;

/**
 * A growable byte array with little-endian primitives, cleared and refilled for every record or
 * message, so encoding allocates nothing once it has grown to the largest size seen.
 */
public final class ByteSink {
  private byte[] buf;
  private int size;

  public ByteSink(int capacity) {
    buf = new byte[capacity];
  }

  public byte[] array() {
    return buf;
  }

  public int size() {
    return size;
  }

  public void clear() {
    size = 0;
  }

  /** Makes room for {@code extra} more bytes and returns the write position; the array may be replaced. */
  public int reserve(int extra) {
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

  public void u8(int v) {
    int at = reserve(1);
    buf[at] = (byte) v;
  }

  public void u16(int v) {
    int at = reserve(2);
    LittleEndian.putU16(buf, at, v);
  }

  public void u32(long v) {
    int at = reserve(4);
    LittleEndian.putU32(buf, at, v);
  }

  public void u64(long v) {
    int at = reserve(8);
    LittleEndian.putU64(buf, at, v);
  }

  public void patchU32(int at, long v) {
    LittleEndian.putU32(buf, at, v);
  }

  public void patchU64(int at, long v) {
    LittleEndian.putU64(buf, at, v);
  }

  public void bytes(byte[] src, int off, int len) {
    int at = reserve(len); // before reading buf: reserve may replace it
    System.arraycopy(src, off, buf, at, len);
  }

  /** Appends text that the caller knows is ASCII (every char below 0x80), one byte per char. */
  public void ascii(String s) {
    int n = s.length();
    int at = reserve(n);
    for (int i = 0; i < n; i++) {
      buf[at + i] = (byte) s.charAt(i);
    }
  }
}
