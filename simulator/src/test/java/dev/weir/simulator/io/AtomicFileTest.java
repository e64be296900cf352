package dev.weir.simulator.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

  @TempDir
  Path dir;

  private List<Path> files() throws IOException {
    try (var list = Files.list(dir)) {
      return list.sorted().toList();
    }
  }

  @Test
  void nothingAppearsAtTheTargetUntilCommitThenTheWholeFileDoes() throws IOException {
    Path target = dir.resolve("out.csv");
    AtomicFile file = AtomicFile.create(target);
    try (Writer w = file.utf8Writer()) {
      w.write("a,b\n1,2\n");
      w.flush();
      assertEquals(false, Files.exists(target));
      file.commit();
    }
    assertEquals("a,b\n1,2\n", Files.readString(target));
    assertEquals(List.of(target), files());
  }

  @Test
  void abortLeavesAnExistingTargetUntouchedAndNoTemporaryFile() throws IOException {
    Path target = dir.resolve("out.csv");
    Files.writeString(target, "old");
    AtomicFile file = AtomicFile.create(target);
    file.utf8Writer().append("new, half written").flush();
    file.abort();
    file.abort();
    assertEquals("old", Files.readString(target));
    assertEquals(List.of(target), files());
  }

  @Test
  void writeFillsTheWholeFileInOneCallAndLeavesTheOldOneWhenTheContentFails() throws IOException {
    Path target = dir.resolve("out.json");
    AtomicFile.write(target, out -> out.write("[1]".getBytes(StandardCharsets.UTF_8)));
    assertEquals("[1]", Files.readString(target));
    IOException failure = new IOException("disk full");
    assertEquals(failure, assertThrows(IOException.class, () -> AtomicFile.write(target, out -> {
      out.write("[2, half".getBytes(StandardCharsets.UTF_8));
      throw failure;
    })));
    assertEquals("[1]", Files.readString(target));
    assertEquals(List.of(target), files());
  }

  @Test
  void aCommittedFileHasThePermissionsOfAnyNewFileNotATempFilesOwnerOnlyOnes() throws IOException {
    Path target = dir.resolve("out.mcap");
    AtomicFile file = AtomicFile.create(target);
    file.commit();
    Path plain = Files.createFile(dir.resolve("plain"));
    assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(target));
  }

  @Test
  void missingParentDirectoriesAreCreated() throws IOException {
    Path target = dir.resolve("a/b/out.csv");
    AtomicFile file = AtomicFile.create(target);
    file.commit();
    assertEquals(true, Files.isRegularFile(target));
  }

  @Test
  void committingTwiceIsABug() throws IOException {
    AtomicFile file = AtomicFile.create(dir.resolve("x"));
    file.commit();
    assertEquals("file for " + dir.resolve("x").toAbsolutePath() + " was already committed or aborted",
        assertThrows(IllegalStateException.class, file::commit).getMessage());
  }
}
