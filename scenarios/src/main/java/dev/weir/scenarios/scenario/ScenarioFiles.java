package dev.weir.scenarios.scenario;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Finds the scenario files under a folder, in an order that is the same on every machine. */
public final class ScenarioFiles {

  private ScenarioFiles() {}

  /**
   * Every {@code *.yaml} and {@code *.yml} regular file under {@code dir}, at any depth, sorted by
   * their path relative to {@code dir} with '/' between names (so not by the file system's listing
   * order).
   *
   * @throws NotDirectoryException when {@code dir} is not a folder
   * @throws IOException when it cannot be walked
   */
  public static List<Path> discover(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new NotDirectoryException(dir.toString());
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(Files::isRegularFile)
          .filter(file -> {
            String name = file.getFileName().toString();
            return name.endsWith(".yaml") || name.endsWith(".yml");
          })
          .sorted(Comparator.comparing(file -> dir.relativize(file).toString().replace(File.separatorChar, '/')))
          .toList();
    }
  }
}
