package dev.weir.harness.conformance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A frontend under test: a folder with an {@code index.html} that follows docs/frontend-contract.md
 * (it reads its configuration from the URL, subscribes through {@code window.weir}, reports through
 * {@code weir.probe}, and exposes {@code window.reference} for the cases to close and reopen it).
 */
public record Frontend(Path folder) {

  /** Where the bundled reference frontend lives in the repository. */
  public static final Path REFERENCE = Path.of("fixtures", "frontend", "reference");

  /**
   * @throws IllegalArgumentException when the folder or its index.html is missing
   */
  public Frontend {
    folder = folder.toAbsolutePath().normalize();
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException("Frontend " + folder + ": expected a folder; there is none");
    }
    if (!Files.isRegularFile(folder.resolve("index.html"))) {
      throw new IllegalArgumentException(
          "Frontend " + folder + ": expected an index.html in it (the page weir opens); there is none");
    }
  }

  /** The folder's name, for reports: {@code reference}, {@code no-reorder}. */
  public String name() {
    return folder.getFileName().toString();
  }

  /** True when this is the bundled reference (which a repro bundle names by leaving it out). */
  public boolean isBundledReference() {
    return ReferenceFolder.find().toAbsolutePath().normalize().equals(folder);
  }

  /**
   * The bundled reference frontend: the checkout's, found from the working directory or one of its
   * parents (the repository, or a module of it), or outside a checkout the copy in the harness jar,
   * unpacked once into {@code ~/.cache/weir/reference/}.
   *
   * @throws IllegalStateException when there is neither
   */
  public static Frontend reference() {
    return new Frontend(ReferenceFolder.find());
  }

  /**
   * {@code relative} under the nearest folder, from the working directory up, that has it.
   *
   * @throws IllegalStateException when none has
   */
  static Path bundled(Path relative) {
    return findBundled(relative).orElseThrow(() -> new IllegalStateException(
        "Cannot find " + relative + " in " + Path.of("").toAbsolutePath()
            + " or any parent: run weir from its repository"));
  }

  /** {@code relative} under the nearest folder, from the working directory up, that has it. */
  static Optional<Path> findBundled(Path relative) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve(relative))) {
        return Optional.of(dir.resolve(relative));
      }
    }
    return Optional.empty();
  }
}
