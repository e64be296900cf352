package dev.weir.simulator.mcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Truncated and bit-flipped files: the streamed reader either reads them correctly or ends in a
 * {@link McapFormatException}, never another exception; with CRCs written every flip is detected; and salvage yields
 * exactly the messages of the records that fit before the damage.
 */
class McapCorruptionTest {
  private static final Duration HANG_GUARD = Duration.ofMinutes(2);

  @TempDir
  Path dir;

  private byte[] sample(Compression compression, boolean crcs, int messages) throws IOException {
    Path file = dir.resolve("c.mcap");
    SampleRecording.write(file, McapWriter.Options.defaults().withCompression(compression).withChunkSize(600)
      .withCrcs(crcs), messages, 11);
    return Files.readAllBytes(file);
  }

  @ParameterizedTest
  @EnumSource(Compression.class)
  void everyTruncationFailsWithFormatErrorAndSalvagesTheCompleteRecordsBeforeIt(Compression compression)
    throws IOException {
    byte[] bytes = sample(compression, true, 20);
    List<Long> messageEnds = messageEnds(bytes);
    List<Message> all = McapTestFiles.messagesOf(read(bytes, ReadOptions.strict()));
    assertTimeoutPreemptively(HANG_GUARD, () -> {
      for (int length = 0; length < bytes.length; length++) {
        byte[] prefix = Arrays.copyOf(bytes, length);
        expectFormatError(prefix, ReadOptions.strict());
        int fitting = (int) messageEnds.stream().filter(end -> end <= prefix.length).count();
        assertSalvage(prefix, all.subList(0, fitting), true);
      }
    });
  }

  @ParameterizedTest
  @EnumSource(Compression.class)
  void randomTruncationsOfALargerFileFailWithFormatErrors(Compression compression) throws IOException {
    byte[] bytes = sample(compression, true, 2000);
    SplittableRandom random = new SplittableRandom(5);
    assertTimeoutPreemptively(HANG_GUARD, () -> {
      for (int i = 0; i < 200; i++) {
        expectFormatError(Arrays.copyOf(bytes, random.nextInt(bytes.length)), ReadOptions.strict());
      }
    });
  }

  @ParameterizedTest
  @EnumSource(Compression.class)
  void everyBitFlipIsDetectedWhenTheFileHasCrcs(Compression compression) throws IOException {
    byte[] bytes = sample(compression, true, 200);
    List<Message> all = McapTestFiles.messagesOf(read(bytes, ReadOptions.strict()));
    SplittableRandom random = new SplittableRandom(9);
    assertTimeoutPreemptively(HANG_GUARD, () -> {
      for (int i = 0; i < 1500; i++) {
        byte[] flipped = flip(bytes, random);
        expectFormatError(flipped, ReadOptions.strict());
        assertSalvage(flipped, all, false);
      }
    });
  }

  @ParameterizedTest
  @EnumSource(Compression.class)
  void bitFlipsWithoutCrcsEndInFormatErrorsOrReadableFiles(Compression compression) throws IOException {
    byte[] bytes = sample(compression, false, 200);
    SplittableRandom random = new SplittableRandom(13);
    assertTimeoutPreemptively(HANG_GUARD, () -> {
      for (int i = 0; i < 1500; i++) {
        byte[] flipped = flip(bytes, random);
        try {
          read(flipped, ReadOptions.strict());
          read(flipped, ReadOptions.strict().withValidateCrcs(false));
        } catch (McapFormatException expected) {
          assertTrue(expected.getMessage().startsWith("corrupt MCAP at byte ")
            || expected.getMessage().startsWith("truncated MCAP at byte "), expected.getMessage());
        }
      }
    });
  }

  /** The byte offset at which each message's enclosing top-level record (chunk or message) ends. */
  private static List<Long> messageEnds(byte[] bytes) throws IOException {
    List<Long> ends = new ArrayList<>();
    try (McapStreamReader reader = McapStreamReader.open(new ByteArrayInputStream(bytes), ReadOptions.strict())) {
      for (McapRecord r = reader.next(); r != null; r = reader.next()) {
        if (r instanceof Message) {
          ends.add(reader.position());
        }
      }
    }
    return ends;
  }

  private static byte[] flip(byte[] bytes, SplittableRandom random) {
    byte[] copy = bytes.clone();
    copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
    return copy;
  }

  private static List<McapRecord> read(byte[] bytes, ReadOptions options) throws IOException {
    return McapTestFiles.readAll(new ByteArrayInputStream(bytes), options);
  }

  private static void expectFormatError(byte[] bytes, ReadOptions options) throws IOException {
    try {
      read(bytes, options);
      fail("damaged file of " + bytes.length + " bytes was read without error");
    } catch (McapFormatException expected) {
      assertTrue(expected.offset() >= 0 && expected.offset() <= bytes.length, expected.getMessage());
    }
  }

  /**
   * Salvage ends normally with a damage report; its messages are {@code expected} exactly, or (for flips, whose
   * effect depends on where they land) a prefix of it unless only the data section CRC could catch the flip.
   */
  private static void assertSalvage(byte[] bytes, List<Message> expected, boolean exact) throws IOException {
    try (McapStreamReader reader = McapStreamReader.open(new ByteArrayInputStream(bytes),
      ReadOptions.strict().withSalvage(true))) {
      List<Message> salvaged = McapTestFiles.messagesOf(McapTestFiles.readAll(reader));
      assertTrue(reader.salvageReport().isPresent(), "salvage did not report the damage");
      if (exact) {
        assertEquals(expected, salvaged);
      } else {
        // A flip outside any chunk (say, a Message Index opcode turned into Message) is only caught by the
        // data section CRC at Data End, after the bogus record was yielded.
        String damage = reader.salvageReport().get().getMessage();
        boolean prefix = salvaged.equals(expected.subList(0, Math.min(salvaged.size(), expected.size())));
        assertTrue(prefix || damage.contains("expected data section CRC"), damage);
      }
    }
  }
}
