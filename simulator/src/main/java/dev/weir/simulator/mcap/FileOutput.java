package dev.weir.simulator.mcap;

import dev.weir.simulator.io.ByteSink;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32;

/**
 * The writer's file: a staging buffer flushed to a channel in large writes, the absolute position, and a running CRC-32
 * that can be taken and restarted at section boundaries.
 */
final class FileOutput {
  private static final int FLUSH_BYTES = 1 << 20;

  private final FileChannel channel;
  private final ByteSink sink = new ByteSink(FLUSH_BYTES + (1 << 16));
  private final CRC32 crc = new CRC32();
  private final boolean crcs;
  private long flushed;
  private int crcMark;

  FileOutput(FileChannel channel, boolean crcs) {
    this.channel = channel;
    this.crcs = crcs;
  }

  /** Where records are encoded; call {@link #maybeFlush()} after writing to it. */
  ByteSink sink() {
    return sink;
  }

  long position() {
    return flushed + sink.size();
  }

  void maybeFlush() throws IOException {
    if (sink.size() >= FLUSH_BYTES) {
      flush();
    }
  }

  /** Appends {@code len} bytes, bypassing the staging buffer when they are large. */
  void write(byte[] src, int off, int len) throws IOException {
    if (len < FLUSH_BYTES) {
      sink.bytes(src, off, len);
      maybeFlush();
      return;
    }
    flush();
    if (crcs) {
      crc.update(src, off, len);
    }
    writeFully(ByteBuffer.wrap(src, off, len));
    flushed += len;
  }

  /** The CRC-32 of everything written since the previous call (0 when CRCs are off), restarting the count. */
  long takeCrc() {
    if (!crcs) {
      return 0;
    }
    updateCrc();
    long value = crc.getValue();
    crc.reset();
    return value;
  }

  void flush() throws IOException {
    updateCrc();
    writeFully(ByteBuffer.wrap(sink.array(), 0, sink.size()));
    flushed += sink.size();
    sink.clear();
    crcMark = 0;
  }

  private void updateCrc() {
    if (crcs) {
      crc.update(sink.array(), crcMark, sink.size() - crcMark);
    }
    crcMark = sink.size();
  }

  private void writeFully(ByteBuffer b) throws IOException {
    while (b.hasRemaining()) {
      channel.write(b);
    }
  }
}
