package dev.weir.harness.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weir.harness.browser.BrowserRuntime;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference frontend outside a checkout: the harness's class path carries it (the jar, in a
 * project that depends on weir), unpacked once per content into a cache folder, and a frontend
 * served from that copy passes a conformance case in a real browser.
 */
class ReferenceFolderTest {

  private static final Path CHECKOUT = Frontend.bundled(Frontend.REFERENCE);

  @TempDir Path dir;

  /** The checkout's reference files, less its in-page tests, by relative path. */
  private static List<String> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString())
          .filter(p -> !p.startsWith("test/")).sorted().toList();
    }
  }

  private static void assertSameFiles(Path expected, Path actual) throws IOException {
    assertEquals(files(expected), files(actual));
    for (String file : files(expected)) {
      assertArrayEquals(Files.readAllBytes(expected.resolve(file)), Files.readAllBytes(actual.resolve(file)), file);
    }
  }

  @Test
  void theClassPathCarriesTheReferenceWithoutItsTests() throws IOException {
    Path carried = ReferenceFolder.fromClassPath();
    assertSameFiles(CHECKOUT, carried);
    assertTrue(Files.notExists(carried.resolve("test")), "the in-page tests travel too: " + carried);
  }

  @Test
  void aJarsCopyIsUnpackedOncePerContentAndServesAPassingFrontend() throws IOException {
    Path jar = dir.resolve("weir-harness.jar");
    try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
      for (String file : files(CHECKOUT)) {
        zip.putNextEntry(new ZipEntry("dev/weir/harness/conformance/reference/" + file));
        zip.write(Files.readAllBytes(CHECKOUT.resolve(file)));
        zip.closeEntry();
      }
    }
    Path cache = dir.resolve("cache");
    Path unpacked;
    Path again;
    try (FileSystem zip = FileSystems.newFileSystem(jar)) {
      Path inJar = zip.getPath("/dev/weir/harness/conformance/reference");
      unpacked = ReferenceFolder.unpack(inJar, cache);
      long modified = Files.getLastModifiedTime(unpacked.resolve("index.html")).toMillis();
      again = ReferenceFolder.unpack(inJar, cache);
      assertEquals(modified, Files.getLastModifiedTime(again.resolve("index.html")).toMillis(),
          "unpacked again");
    }
    assertEquals(unpacked, again);
    assertSameFiles(CHECKOUT, unpacked);
    try (Stream<Path> left = Files.list(cache)) {
      assertEquals(List.of(unpacked), left.toList(), "nothing but the copy in the cache");
    }

    CaseResult result = new Conformance(BrowserRuntime.shared(), new Frontend(unpacked))
        .run(new BufferCase(), "channel");
    assertTrue(result.passed(), result.statuses());
  }
}
