package dev.weir.simulator.codec;

import java.util.Arrays;

/** A growable byte array that encoders reset and refill for every message. */
final class ByteSink {

  private byte[] bytes = new byte[256];
  private int size;

  void reset() {
    size = 0;
  }

  int size() {
    return size;
  }

  byte[] bytes() {
    return bytes;
  }

  void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }

  void put(byte b) {
    ensure(1);
    bytes[size++] = b;
  }

  /** Appends ASCII text; the caller guarantees every char is below 0x80. */
  void putAscii(String s) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      bytes[size++] = (byte) s.charAt(i);
    }
  }

  void putBytes(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, bytes, size, b.length);
    size += b.length;
  }

  void putShortLe(int v) {
    ensure(2);
    bytes[size++] = (byte) v;
    bytes[size++] = (byte) (v >>> 8);
  }

  void putLongLe(long v) {
    ensure(8);
    for (int i = 0; i < 8; i++) {
      bytes[size++] = (byte) (v >>> (8 * i));
    }
  }
}
