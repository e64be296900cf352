package dev.weir.simulator.mcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Crafted damage produces errors that say what was expected, what was found, and at which byte. */
class McapErrorMessageTest {
  @TempDir
  Path dir;

  /** Uncompressed, one chunk: magic(8) Header(9+12=21) so the Chunk starts at byte 29. */
  private byte[] oneChunk(Compression compression) throws IOException {
    Path file = dir.resolve("e.mcap");
    try (McapWriter w = McapWriter.create(file, McapWriter.Options.defaults().withCompression(compression))) {
      int ch = w.addChannel(0, "/t", "json", Map.of());
      w.addMessage(ch, 1, 5, 5, new byte[] {42}, 0, 1);
    }
    return Files.readAllBytes(file);
  }

  private static String error(byte[] bytes) {
    return assertThrows(McapFormatException.class, () -> McapTestFiles.readAll(new ByteArrayInputStream(bytes),
      ReadOptions.strict())).getMessage();
  }

  @Test
  void badMagicNamesExpectedAndFoundBytes() {
    assertEquals("corrupt MCAP at byte 0 in leading magic: expected bytes 89 4D 43 41 50 30 0D 0A, found"
      + " 50 4B 03 04 14 00 00 00", error(new byte[] {0x50, 0x4B, 3, 4, 0x14, 0, 0, 0, 0}));
  }

  @Test
  void truncatedRecordSaysHowManyBytesAreMissing() throws IOException {
    byte[] bytes = oneChunk(Compression.NONE);
    assertEquals("truncated MCAP at byte 29 in Chunk record: needs 10 more bytes, file ends",
      error(Arrays.copyOf(bytes, 29 + 9 + chunkContentLength(bytes) - 10)));
  }

  @Test
  void badChunkCrcNamesDeclaredAndComputedValues() throws IOException {
    byte[] bytes = oneChunk(Compression.NONE);
    int crcAt = 29 + 9 + 24;
    long declared = u32(bytes, crcAt);
    bytes[crcAt] ^= 1;
    assertEquals(String.format("corrupt MCAP at byte 29 in Chunk record (opcode 0x06): expected uncompressed CRC"
      + " 0x%08x, found 0x%08x", declared ^ 1, declared), error(bytes));
  }

  @Test
  void unknownCompressionIsNamed() throws IOException {
    byte[] bytes = oneChunk(Compression.ZSTD);
    int nameAt = 29 + 9 + 28 + 4;
    assertEquals("zstd", new String(bytes, nameAt, 4, StandardCharsets.US_ASCII));
    bytes[nameAt + 3] = 'x';
    assertEquals("corrupt MCAP at byte 29 in Chunk record (opcode 0x06): unknown compression 'zstx'"
      + " (supported: '', 'zstd', 'lz4')", error(bytes));
  }

  @Test
  void messageOnUndeclaredChannelIsRefused() throws IOException {
    byte[] bytes = oneChunk(Compression.NONE);
    int channelIdAt = indexOf(bytes, new byte[] {Opcode.MESSAGE, 23, 0, 0, 0, 0, 0, 0, 0}) + 9;
    bytes[channelIdAt] = 9;
    assertEquals("corrupt MCAP at byte 29 in Message record (opcode 0x05): message refers to channel 9, which"
      + " no earlier Channel record defines", errorWithoutCrcs(bytes));
  }

  private static String errorWithoutCrcs(byte[] bytes) {
    return assertThrows(McapFormatException.class, () -> McapTestFiles.readAll(new ByteArrayInputStream(bytes),
      ReadOptions.strict().withValidateCrcs(false))).getMessage();
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    throw new AssertionError("pattern not found");
  }

  private static int chunkContentLength(byte[] bytes) {
    return (int) u64(bytes, 30);
  }

  private static long u32(byte[] b, int at) {
    return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
  }

  private static long u64(byte[] b, int at) {
    return u32(b, at) | u32(b, at + 4) << 32;
  }
}
