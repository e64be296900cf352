package dev.weir.scenarios.report;

import dev.weir.simulator.io.AtomicFolder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a report folder whole or not at all ({@link AtomicFolder}): a failed or interrupted write
 * leaves the previous report (or none) and at most a hidden temporary folder, never half a report.
 *
 * <pre>{@code
 * ReportWriter.write(new Report("weir conformance", runs, Optional.of(conditions)),
 *     ReportWriter.DEFAULT_FOLDER);
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
    return AtomicFolder.write(folder, temp -> {
      for (ReportFile file : files) {
        Path path = temp.resolve(file.name());
        Files.createDirectories(path.getParent());
        try (OutputStream out = Files.newOutputStream(path)) {
          file.write(report, out);
        }
      }
    }).resolve("index.html");
  }
}
