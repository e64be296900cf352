package dev.weir.simulator.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFolderTest {

  @TempDir Path dir;

  private List<String> names(Path folder) throws IOException {
    try (Stream<Path> list = Files.list(folder)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aWriteReplacesTheFolderAndLeavesNothingBesideIt() throws IOException {
    Path target = dir.resolve("out");
    AtomicFolder.write(target, f -> Files.writeString(f.resolve("a"), "1"));
    AtomicFolder.write(target, f -> Files.writeString(f.resolve("b"), "2"));
    assertEquals(List.of("b"), names(target));
    assertEquals(List.of("out"), names(dir));
  }

  @Test
  void aFailedWriteLeavesThePreviousFolderAndNoTemporaryOne() throws IOException {
    Path target = dir.resolve("out");
    AtomicFolder.write(target, f -> Files.writeString(f.resolve("a"), "1"));
    IOException failure = assertThrows(IOException.class, () -> AtomicFolder.write(target, f -> {
      Files.writeString(f.resolve("half"), "x");
      throw new IOException("disk full");
    }));
    assertEquals("disk full", failure.getMessage());
    assertEquals(List.of("a"), names(target));
    assertEquals(List.of("out"), names(dir));
  }
}
