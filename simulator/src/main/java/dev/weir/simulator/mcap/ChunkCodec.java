package dev.weir.simulator.mcap;

import dev.weir.simulator.io.ByteSink;
import com.github.luben.zstd.Zstd;
import io.airlift.compress.zstd.ZstdCompressor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4FrameInputStream;
import net.jpountz.lz4.LZ4FrameOutputStream;
import net.jpountz.xxhash.XXHash32;
import net.jpountz.xxhash.XXHashFactory;

/**
 * Compresses and decompresses chunk records: zstd frames and LZ4 frames, as MCAP specifies.
 *
 * <p>Both encoders are pure Java, so a recording's bytes depend on the scenario and seed alone. The
 * native encoders (zstd-jni, lz4-java's JNI build) bind their internal calls when first used, to
 * whichever copy of libzstd or liblz4 the process has loaded globally by then; a JVM that started
 * Chromium first has the system's libzstd 1.5.4 mapped, and zstd-jni then wrote other bytes
 * (measured on JDK 25). Decoding is defined by the format, so it keeps zstd-jni, the reference
 * decoder, for what it rejects in hostile input.
 */
final class ChunkCodec {
  private static final LZ4Compressor LZ4 = LZ4Factory.safeInstance().fastCompressor();
  /** A checksum is the same number from any implementation; only compressors have choices. */
  private static final XXHash32 LZ4_CHECKSUM = XXHashFactory.fastestInstance().hash32();

  private ChunkCodec() {}

  /** Replaces the contents of {@code out} with {@code src[0, len)} compressed. */
  static void compress(Compression compression, byte[] src, int len, ByteSink out) throws IOException {
    out.clear();
    switch (compression) {
      case NONE -> out.bytes(src, 0, len);
      case ZSTD -> {
        ZstdCompressor zstd = new ZstdCompressor();
        int bound = zstd.maxCompressedLength(len);
        out.reserve(bound);
        int n = zstd.compress(src, 0, len, out.array(), 0, bound);
        out.clear();
        out.reserve(n);
      }
      case LZ4 -> {
        try (LZ4FrameOutputStream lz4 = new LZ4FrameOutputStream(new SinkStream(out),
          LZ4FrameOutputStream.BLOCKSIZE.SIZE_64KB, -1L, LZ4, LZ4_CHECKSUM,
          LZ4FrameOutputStream.FLG.Bits.BLOCK_INDEPENDENCE)) {
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
