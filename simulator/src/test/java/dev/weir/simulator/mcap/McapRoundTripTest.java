package dev.weir.simulator.mcap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** What the writer writes, both readers read back unchanged, for every compression and option combination. */
class McapRoundTripTest {
  @TempDir
  Path dir;

  static Stream<Arguments> optionCombinations() {
    List<Arguments> out = new ArrayList<>();
    for (Compression c : Compression.values()) {
      for (int flags = 0; flags < 32; flags++) {
        out.add(Arguments.of(McapWriter.Options.defaults().withCompression(c).withChunkSize(2048)
          .withMessageIndexes((flags & 1) != 0).withChunkIndexes((flags & 2) != 0)
          .withStatistics((flags & 4) != 0).withSummaryOffsets((flags & 8) != 0)
          .withCrcs((flags & 16) != 0)));
      }
    }
    out.add(Arguments.of(McapWriter.Options.defaults().withChunkSize(0)));
    out.add(Arguments.of(McapWriter.Options.defaults().withChunkSize(1)));
    return out.stream();
  }

  @ParameterizedTest
  @MethodSource("optionCombinations")
  void streamedReaderReadsBackEveryMessageInWriteOrder(McapWriter.Options options) throws IOException {
    Path file = dir.resolve("rt.mcap");
    List<Message> written = SampleRecording.write(file, options, 300, 42);
    List<McapRecord> records;
    try (McapStreamReader reader = McapStreamReader.open(file, ReadOptions.strict())) {
      records = McapTestFiles.readAll(reader);
    }
    assertEquals(written, McapTestFiles.messagesOf(records));
    assertEquals(new Header("", "weir"), records.get(0));
    assertTrue(records.stream().anyMatch(r -> r instanceof Attachment a && a.name().equals("calibration.txt")));
    assertTrue(records.stream().anyMatch(r -> r instanceof Metadata m && m.name().equals("run")));
  }

  @ParameterizedTest
  @MethodSource("optionCombinations")
  void indexedReaderReturnsTheMessagesOfATimeRangeInLogTimeOrder(McapWriter.Options options) throws IOException {
    if (!options.chunkIndexes() || options.chunkSize() == 0) {
      return;
    }
    Path file = dir.resolve("rt.mcap");
    List<Message> written = SampleRecording.write(file, options, 300, 42);
    long start = 50_000;
    long end = 120_000;
    List<Message> expected = new ArrayList<>(written.stream()
      .filter(m -> m.logTime() >= start && m.logTime() < end).toList());
    expected.sort(Comparator.comparingLong(Message::logTime));
    try (McapIndexedReader reader = McapIndexedReader.open(file)) {
      List<Message> actual = new ArrayList<>();
      reader.messages(start, end).forEachRemaining(actual::add);
      assertEquals(expected, actual);
      assertEquals(List.of(1), List.copyOf(reader.schemas().keySet()));
      assertEquals(List.of(0, 1), List.copyOf(reader.channels().keySet()));
      assertEquals(options.statistics() ? 300L : -1L,
        reader.statistics().map(Statistics::messageCount).orElse(-1L));
    }
  }

  @Test
  void sameCallsWriteByteIdenticalFiles() throws IOException {
    for (Compression c : Compression.values()) {
      McapWriter.Options options = McapWriter.Options.defaults().withCompression(c).withChunkSize(4096);
      SampleRecording.write(dir.resolve("a.mcap"), options, 500, 7);
      SampleRecording.write(dir.resolve("b.mcap"), options, 500, 7);
      assertArrayEquals(Files.readAllBytes(dir.resolve("a.mcap")), Files.readAllBytes(dir.resolve("b.mcap")),
        c.name());
    }
  }

  @Test
  void streamedReaderGivesIdenticalRecordsWhateverTheReadSizes() throws IOException {
    for (Compression c : Compression.values()) {
      Path file = dir.resolve("h.mcap");
      SampleRecording.write(file, McapWriter.Options.defaults().withCompression(c).withChunkSize(1024), 200, 3);
      byte[] bytes = Files.readAllBytes(file);
      ReadOptions options = ReadOptions.strict().withIncludeChunkRecords(true);
      List<McapRecord> whole = McapTestFiles.readAll(new ByteArrayInputStream(bytes), options);
      assertEquals(whole, McapTestFiles.readAll(McapTestFiles.trickle(bytes, 1), options));
      assertEquals(whole, McapTestFiles.readAll(McapTestFiles.trickle(bytes, 3, 1, 7, 2, 64, 5, 1000), options));
    }
  }

  @ParameterizedTest
  @EnumSource(Compression.class)
  void payloadsLargerThanTheWriterBuffersSurviveBothReaders(Compression compression) throws IOException {
    Path file = dir.resolve("big.mcap");
    byte[] big = new byte[3 << 20];
    new java.util.SplittableRandom(1).nextBytes(big);
    try (McapWriter writer = McapWriter.create(file, McapWriter.Options.defaults().withCompression(compression))) {
      int ch = writer.addChannel(0, "/big", "x-raw", java.util.Map.of());
      writer.addMessage(ch, 0, 1, 1, big, 0, big.length);
      writer.addAttachment("big.bin", "application/octet-stream", 2, 0, big);
      writer.addMessage(ch, 1, 3, 3, big, 5, 70_000);
    }
    List<McapRecord> records;
    try (McapStreamReader reader = McapStreamReader.open(file, ReadOptions.strict())) {
      records = McapTestFiles.readAll(reader);
    }
    List<Message> expected = List.of(new Message(0, 0, 1, 1, big),
      new Message(0, 1, 3, 3, java.util.Arrays.copyOfRange(big, 5, 70_005)));
    assertEquals(expected, McapTestFiles.messagesOf(records));
    assertTrue(records.stream().anyMatch(r -> r instanceof Attachment a && java.util.Arrays.equals(a.data(), big)));
    try (McapIndexedReader reader = McapIndexedReader.open(file)) {
      List<Message> indexed = new ArrayList<>();
      reader.messages(0, -1L).forEachRemaining(indexed::add);
      assertEquals(expected, indexed);
    }
  }
}
