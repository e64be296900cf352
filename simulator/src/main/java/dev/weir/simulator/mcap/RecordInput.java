package dev.weir.simulator.mcap;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads an MCAP byte stream front to back, tracking the absolute offset. Record content buffers grow only as bytes
 * actually arrive, so a corrupt length on a short stream fails as truncation instead of allocating the claimed size.
 */
final class RecordInput {
  private static final int READ_SIZE = 1 << 16;

  private final InputStream in;
  private final long length;
  private long position;
  private byte[] content = new byte[READ_SIZE];

  /** @param length the stream's total length if known, else {@link Long#MAX_VALUE} */
  RecordInput(InputStream in, long length) {
    this.in = in;
    this.length = length;
  }

  long position() {
    return position;
  }

  /** Bytes left before the known end of the stream ({@code Long.MAX_VALUE}-ish when unknown). */
  long remaining() {
    return length - position;
  }

  /** Reads up to {@code len} bytes, fewer only at end of stream; returns the count. */
  int read(byte[] dst, int off, int len) throws IOException {
    int n = in.readNBytes(dst, off, len);
    position += n;
    return n;
  }

  boolean atEnd() throws IOException {
    return in.read() < 0;
  }

  /** The shared content buffer, valid until the next {@link #readContent}. */
  byte[] content() {
    return content;
  }

  /** Reads {@code n} content bytes into {@link #content()}; returns how many arrived (fewer at end of stream). */
  int readContent(int n) throws IOException {
    int got = 0;
    while (got < n) {
      if (got == content.length) {
        content = Arrays.copyOf(content, (int) Math.min(n, 2L * content.length));
      }
      int r = read(content, got, Math.min(n, content.length) - got);
      if (r == 0) {
        return got;
      }
      got += r;
    }
    return got;
  }
}
