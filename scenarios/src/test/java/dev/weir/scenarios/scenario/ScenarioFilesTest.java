package dev.weir.scenarios.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discovery finds the YAML files under a folder, at any depth, in an order set by their paths alone. */
class ScenarioFilesTest {

  @Test
  void yamlFilesAtAnyDepthSortedByRelativePath(@TempDir Path dir) throws IOException {
    // created out of order, so a listing in creation order would differ
    for (String name : List.of("z.yaml", "b/x.yml", "a.yaml", "b/a/deep.yaml", "notes.md", "b.yaml.bak", "A.yaml")) {
      Files.createDirectories(dir.resolve(name).getParent());
      Files.writeString(dir.resolve(name), "");
    }
    Files.createDirectories(dir.resolve("folder.yaml"));
    assertEquals(List.of("A.yaml", "a.yaml", "b/a/deep.yaml", "b/x.yml", "z.yaml"),
        ScenarioFiles.discover(dir).stream().map(p -> dir.relativize(p).toString().replace('\\', '/')).toList());
  }

  @Test
  void aFileIsNotAFolder(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("one.yaml"), "");
    assertEquals(file.toString(), assertThrows(NotDirectoryException.class, () -> ScenarioFiles.discover(file))
        .getMessage());
  }
}
