package dev.weir.scenarios.scenario;

import dev.weir.simulator.spec.Durations;
import dev.weir.simulator.spec.SimulationSpec;
import dev.weir.simulator.spec.SimulationSpecParser;
import dev.weir.simulator.spec.SpecException;
import dev.weir.simulator.spec.yaml.MapNode;
import dev.weir.simulator.spec.yaml.Problems;
import dev.weir.simulator.spec.yaml.YamlNode;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Reads where a scenario's readings come from: the simulator's keys, through the simulator's own
 * parser, or {@code source: {recording: PATH}}, which replaces the sensors. Of the simulator's
 * keys, only {@code seed} may be set by a matrix.
 */
final class SourceReader {

  static final String WHAT = "a recording source like {recording: field.mcap, speed: 20x}";

  private static final List<String> KEYS = List.of("recording", "speed");
  private static final String SEED = "a whole number from -2^63 to 2^63-1";

  private final MapNode root;
  private final Fields source;
  private final Overrides overrides;
  private final Path folder;

  SourceReader(MapNode root, Fields source, Overrides overrides, Path folder) {
    this.root = root;
    this.source = source;
    this.overrides = overrides;
    this.folder = folder;
  }

  Source read() throws SpecException {
    source.allowOnly(KEYS, "source");
    if (!root.has("source")) {
      SimulationSpec simulation = SimulationSpecParser.parse(root, ScenarioParser.KEYS);
      Optional<YamlNode> seed = overrides.lookup("seed");
      return new Source.Simulated(seed.isPresent() ? simulation.withSeed(seed(seed.get())) : simulation);
    }
    return recorded();
  }

  private Source recorded() throws SpecException {
    Problems problems = new Problems();
    problems.check(() -> root.allowOnly(
        Stream.concat(SimulationSpecParser.KEYS.stream(), ScenarioParser.KEYS.stream().sorted()).toList(),
        ScenarioReader.FILE));
    for (String simulated : List.of("sensors", "faults")) {
      if (root.has(simulated)) {
        problems.add(root.keyError(simulated, "expected no \"" + simulated + "\" with a recording source: the"
            + " recording replaces the simulator's sensors and source faults (wire faults go under transport.faults)"));
      }
    }
    Optional<Path> recording = problems.attempt(() -> recording(source.require("recording", "source")));
    Optional<Long> seed = problems.attempt(() -> {
      Optional<YamlNode> node = overrides.lookup("seed").or(() -> root.get("seed"));
      return node.isPresent() ? seed(node.get()) : 0L;
    });
    Optional<OptionalLong> duration = problems.attempt(() -> {
      Optional<YamlNode> node = root.get("duration");
      return node.isPresent() ? OptionalLong.of(Durations.positive(node.get())) : OptionalLong.empty();
    });
    problems.throwIfAny();
    return new Source.Recorded(recording.orElseThrow(), seed.orElseThrow(), duration.orElseThrow());
  }

  private Path recording(YamlNode node) throws SpecException {
    String expected = "the path of a recording (an MCAP file), relative to the scenario file";
    String text = node.asScalar(expected).string(expected);
    Path path;
    try {
      path = folder.resolve(text).normalize();
    } catch (InvalidPathException notAPath) {
      throw node.expected(expected);
    }
    if (!Files.isRegularFile(path)) {
      throw node.error(node.expected("a recording file").detail() + "; there is no file " + path);
    }
    return path;
  }

  private static long seed(YamlNode node) throws SpecException {
    return node.asScalar(SEED).integer(SEED);
  }
}
