package dev.weir.simulator.io;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A folder written whole or not at all, as {@link AtomicFile} is for a file: its files go into a
 * hidden folder beside the target, which then takes the target's place by renames. A failed or
 * interrupted write leaves the previous folder (or none) and at most a hidden temporary folder,
 * never half a folder. Reports and repro bundles are written this way.
 */
public final class AtomicFolder {

  /** Fills a folder, which exists and is empty when it is called. */
  @FunctionalInterface
  public interface Contents {
    void writeInto(Path folder) throws IOException;
  }

  private static final AtomicLong COUNTER = new AtomicLong();

  private AtomicFolder() {}

  /**
   * Writes {@code contents} into {@code target}, replacing what was there; creates missing parents.
   *
   * @return {@code target}, absolute
   */
  public static Path write(Path target, Contents contents) throws IOException {
    Path folder = target.toAbsolutePath().normalize();
    Files.createDirectories(folder.getParent());
    Path temp = sibling(folder, "tmp");
    try {
      contents.writeInto(temp);
      replace(folder, temp);
    } catch (IOException | RuntimeException e) {
      try {
        delete(temp);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    return folder;
  }

  /** Deletes {@code folder} and everything in it; nothing if it is already gone. */
  public static void delete(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  /** Moves {@code temp} onto {@code target}; the old target, if any, is set aside then deleted. */
  private static void replace(Path target, Path temp) throws IOException {
    if (!Files.exists(target)) {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      return;
    }
    Path old = sibling(target, "old");
    Files.delete(old); // only its name was wanted: the move needs it free
    Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
      throw e;
    }
    delete(old);
  }

  /** A new empty hidden folder beside {@code target}: {@code .<name>.<pid>.<n>.<what>}. */
  private static Path sibling(Path target, String what) throws IOException {
    for (int attempt = 0; ; attempt++) {
      Path sibling = target.resolveSibling("." + target.getFileName() + "."
          + ProcessHandle.current().pid() + "." + COUNTER.incrementAndGet() + "." + what);
      try {
        return Files.createDirectory(sibling);
      } catch (FileAlreadyExistsException stale) {
        if (attempt == 100) {
          throw stale;
        }
      }
    }
  }
}
