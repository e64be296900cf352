package dev.weir.simulator.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Set;

/** Locates the spec fixtures under {@code src/test/resources/spec}. */
final class Fixtures {

  private Fixtures() {}

  static Path path(String name) {
    try {
      return Paths.get(Fixtures.class.getResource("/spec/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static SimulationSpec parse(String name) throws SpecException {
    try {
      return SimulationSpecParser.parse(path(name), Set.of());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
