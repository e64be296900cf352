package dev.weir.scenarios.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Writes a report folder whole or not at all: every file goes into a hidden folder beside the
 * target, which then takes the target's place by renames. A failed or interrupted write leaves the
 * previous report (or none) and at most a hidden temporary folder, never half a report.
 *
 * <pre>{@code
 * ReportWriter.write(new Report("weir conformance", runs), ReportWriter.DEFAULT_FOLDER);
 * }</pre>
 */
public final class ReportWriter {

  /** Where a report goes unless told otherwise: {@code target/weir-report}. */
  public static final Path DEFAULT_FOLDER = Path.of("target", "weir-report");

  private static final List<ReportFile> FILES =
      List.of(
          new IndexHtml(),
          new IndexJson(),
          new JunitXml(),
          new Asset("uPlot.iife.min.js"),
          new Asset("uPlot.min.css"),
          new Asset("LICENSE"),
          new Asset("report.js"),
          new Asset("report.css"));

  private static final AtomicLong COUNTER = new AtomicLong();

  private final List<ReportFile> files;

  ReportWriter(List<ReportFile> files) {
    this.files = List.copyOf(files);
  }

  /**
   * Writes {@code report} into {@code folder} ({@code index.html}, {@code index.json}, {@code
   * junit.xml}, {@code assets/}), replacing what was there; creates missing parents.
   *
   * @return {@code folder}'s {@code index.html}
   */
  public static Path write(Report report, Path folder) throws IOException {
    return new ReportWriter(FILES).into(report, folder);
  }

  Path into(Report report, Path folder) throws IOException {
    Path target = folder.toAbsolutePath().normalize();
    Files.createDirectories(target.getParent());
    Path temp = sibling(target, "tmp");
    try {
      for (ReportFile file : files) {
        Path path = temp.resolve(file.name());
        Files.createDirectories(path.getParent());
        try (OutputStream out = Files.newOutputStream(path)) {
          file.write(report, out);
        }
      }
      replace(target, temp);
    } catch (IOException | RuntimeException e) {
      try {
        delete(temp);
      } catch (IOException | UncheckedIOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    return target.resolve("index.html");
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

  private static void delete(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.delete(path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
