package dev.weir.scenarios.scenario;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weir.simulator.spec.SpecException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/** Parses scenario fixtures (under {@code src/test/resources/scenario}) and scenario text in tests. */
final class Parse {

  /** The fixtures' folder; relative paths in scenario text resolve against it. */
  static final Path FIXTURES = fixtures();

  /**
   * The first four lines of a valid scenario with sensors, so a case appended to it starts at
   * line 5, byte 79.
   */
  static final String HEAD = """
      weir: 1
      name: s
      duration: 10s
      sensors: [{id: a, model: counter, rate_hz: 100}]
      """;

  private Parse() {}

  static Path fixture(String name) {
    return FIXTURES.resolve(name);
  }

  static List<ScenarioInstance> file(String name) throws SpecException {
    try {
      return ScenarioParser.parse(fixture(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The one scenario {@code text} declares, named {@code scenario.yaml} in messages. */
  static Scenario text(String text) throws SpecException {
    List<ScenarioInstance> instances = instances(text);
    if (instances.size() != 1) {
      throw new AssertionError("expected one scenario, found " + instances.size());
    }
    return instances.get(0).scenario();
  }

  static List<ScenarioInstance> instances(String text) throws SpecException {
    return ScenarioParser.parse(text, "scenario.yaml", FIXTURES);
  }

  /** The problem parsing {@code text} reports. */
  static SpecException error(String text) {
    return assertThrows(SpecException.class, () -> instances(text));
  }

  private static Path fixtures() {
    try {
      return Path.of(Parse.class.getResource("/scenario").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
