package dev.weir.simulator.mcap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The target file appears only when close succeeds; aborts and failures leave neither target nor temporary file. */
class McapWriterAtomicityTest {
  @TempDir
  Path dir;

  private List<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  @Test
  void abortLeavesNoTargetAndNoTemporaryFile() throws IOException {
    McapWriter writer = McapWriter.create(dir.resolve("out.mcap"), McapWriter.Options.defaults());
    int ch = writer.addChannel(0, "/t", "json", Map.of());
    writer.addMessage(ch, 0, 1, 1, new byte[10], 0, 10);
    writer.abort();
    assertEquals(List.of(), files());
  }

  @Test
  void anExceptionMidWriteFollowedByCloseLeavesNothing() throws IOException {
    Path target = dir.resolve("out.mcap");
    McapWriter writer = McapWriter.create(target, McapWriter.Options.defaults());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
      () -> writer.addMessage(3, 0, 1, 1, new byte[1], 0, 1));
    assertEquals("channel 3 was not added (channels: 0..-1)", e.getMessage());
    writer.abort();
    assertEquals(List.of(), files());
  }

  @Test
  void existingTargetIsUntouchedUntilCloseSucceeds() throws IOException {
    Path target = dir.resolve("out.mcap");
    Files.write(target, new byte[] {1, 2, 3});
    McapWriter writer = McapWriter.create(target, McapWriter.Options.defaults());
    writer.addMetadata("m", Map.of("k", "v"));
    assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(target));
    writer.close();
    assertEquals(List.of(target), files());
    try (McapStreamReader reader = McapStreamReader.open(target, ReadOptions.strict())) {
      assertEquals(new Header("", "weir"), reader.next());
    }
  }

  @Test
  void abortKeepsTheExistingTarget() throws IOException {
    Path target = dir.resolve("out.mcap");
    Files.write(target, new byte[] {1, 2, 3});
    McapWriter.create(target, McapWriter.Options.defaults()).abort();
    assertEquals(List.of(target), files());
    assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(target));
  }
}
