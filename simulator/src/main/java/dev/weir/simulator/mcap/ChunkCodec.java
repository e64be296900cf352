package dev.weir.simulator.mcap;

import dev.weir.simulator.io.ByteSink;
import com.github.luben.zstd.Zstd;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import net.jpountz.lz4.LZ4FrameInputStream;
import net.jpountz.lz4.LZ4FrameOutputStream;

/** Compresses and decompresses chunk records: zstd frames and LZ4 frames, as MCAP specifies. */
final class ChunkCodec {
  private static final int ZSTD_LEVEL = 3;

  private ChunkCodec() {}

  /** Replaces the contents of {@code out} with {@code src[0, len)} compressed. */
  static void compress(Compression compression, byte[] src, int len, ByteSink out) throws IOException {
    out.clear();
    switch (compression) {
      case NONE -> out.bytes(src, 0, len);
      case ZSTD -> {
        int bound = (int) Math.min(Zstd.compressBound(len), Integer.MAX_VALUE - 16);
        out.reserve(bound);
        long n = Zstd.compressByteArray(out.array(), 0, bound, src, 0, len, ZSTD_LEVEL);
        if (Zstd.isError(n)) {
          throw new IOException("zstd compression failed: " + Zstd.getErrorName(n));
        }
        out.clear();
        out.reserve((int) n);
      }
      case LZ4 -> {
        try (LZ4FrameOutputStream lz4 = new LZ4FrameOutputStream(new SinkStream(out),
          LZ4FrameOutputStream.BLOCKSIZE.SIZE_64KB)) {
          lz4.write(src, 0, len);
        }
      }
    }
  }

  /**
   * Decompresses {@code src[off, off+len)} into exactly {@code dst[0, size)}.
   *
   * @return null on success, else why the data is not a valid frame of exactly {@code size} bytes
   */
  static String decompress(Compression compression, byte[] src, int off, int len, byte[] dst, int size) {
    try {
      if (compression == Compression.ZSTD) {
        long n = Zstd.decompressByteArray(dst, 0, size, src, off, len);
        if (Zstd.isError(n)) {
          return "zstd data does not decompress to the declared " + size + " bytes: "
            + Zstd.getErrorName(n);
        }
        return n == size ? null : "zstd data decompresses to " + n + " bytes, not the declared " + size;
      }
      LZ4FrameInputStream in = new LZ4FrameInputStream(new ByteArrayInputStream(src, off, len));
      int n = in.readNBytes(dst, 0, size);
      if (n < size) {
        return "lz4 data decompresses to " + n + " bytes, not the declared " + size;
      }
      return in.read() < 0 ? null : "lz4 data decompresses to more than the declared " + size + " bytes";
    } catch (IOException | RuntimeException e) {
      // Decoders of hostile bytes may fail in their own ways; all of them mean "not valid compressed data".
      return compression.mcapName() + " data does not decompress to the declared " + size + " bytes: "
        + e.getMessage();
    }
  }

  /** Lets LZ4FrameOutputStream write straight into a reusable sink. */
  private static final class SinkStream extends OutputStream {
    private final ByteSink sink;

    SinkStream(ByteSink sink) {
      this.sink = sink;
    }

    @Override
    public void write(int b) {
      sink.u8(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      sink.bytes(b, off, len);
    }
  }
}
