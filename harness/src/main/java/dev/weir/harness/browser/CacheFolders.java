package dev.weir.harness.browser;

import dev.weir.simulator.io.AtomicFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Per-process CEF cache folders, named for the owning process so that the next runtime can delete
 * those left by a process that was killed before it could clean up.
 */
final class CacheFolders {

  private static final String PREFIX = "weir-cef-";
  private static final Pattern NAME = Pattern.compile(Pattern.quote(PREFIX) + "([0-9]+)-.*");

  private CacheFolders() {}

  /** A new, empty folder under the temporary directory, named for this process. */
  static Path create() throws IOException {
    return Files.createTempDirectory(PREFIX + ProcessHandle.current().pid() + "-");
  }

  /** Deletes the folders of processes that no longer exist. */
  static void sweep() {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    try (DirectoryStream<Path> folders = Files.newDirectoryStream(tmp, PREFIX + "*")) {
      for (Path folder : folders) {
        Matcher m = NAME.matcher(folder.getFileName().toString());
        if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty()) {
          delete(folder);
        }
      }
    } catch (IOException | UncheckedIOException e) {
      // Another runtime may be sweeping the same folder; what is left is swept next time.
    }
  }

  /** Deletes {@code folder} and everything in it; nothing if it is null or already gone. */
  static void delete(Path folder) {
    if (folder == null) {
      return;
    }
    try {
      AtomicFolder.delete(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not delete CEF cache " + folder, e);
    }
  }
}
