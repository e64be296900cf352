package dev.weir.simulator.spec;

import dev.weir.simulator.spec.yaml.MapNode;
import dev.weir.simulator.spec.yaml.Problems;
import dev.weir.simulator.spec.yaml.YamlDocument;
import dev.weir.simulator.spec.yaml.YamlNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the simulator's part of a scenario file ({@code seed}, {@code duration},
 * {@code sensors}, {@code faults}) into a {@link SimulationSpec}.
 *
 * <p>The rest of a scenario file belongs to the scenarios module, which names its keys in
 * {@code otherTopLevelKeys} so they are skipped here while any other key is reported as unknown.
 * Every problem is a {@link SpecException} with file, line, column and byte offset; independent
 * problems (several bad sensors or faults) are reported together. The accepted format is
 * described, key by key, in {@code simulation.schema.json} next to this class.
 */
public final class SimulationSpecParser {

  /** The top-level keys this parser reads. */
  public static final List<String> KEYS = List.of("seed", "duration", "sensors", "faults");

  private static final String FILE = "the scenario file";

  private SimulationSpecParser() {}

  /**
   * Parses a scenario file.
   *
   * @param otherTopLevelKeys keys owned by someone else; never null, possibly empty
   * @throws IOException when the file cannot be read
   */
  public static SimulationSpec parse(Path file, Set<String> otherTopLevelKeys) throws IOException, SpecException {
    return parse(YamlDocument.parse(file).root(), otherTopLevelKeys);
  }

  /**
   * Parses scenario text.
   *
   * @param sourceName names the text in messages, usually its path
   * @param otherTopLevelKeys keys owned by someone else; never null, possibly empty
   */
  public static SimulationSpec parse(String text, String sourceName, Set<String> otherTopLevelKeys)
      throws SpecException {
    return parse(YamlDocument.parse(text, sourceName).root(), otherTopLevelKeys);
  }

  /**
   * Reads the simulator keys of an already parsed document, so a caller parsing the rest of the
   * file reads it only once.
   *
   * @param otherTopLevelKeys keys owned by the caller; never null, possibly empty
   */
  public static SimulationSpec parse(YamlNode root, Set<String> otherTopLevelKeys) throws SpecException {
    MapNode map = root.asMap("a mapping with keys " + String.join(", ", KEYS));
    Problems problems = new Problems();
    problems.check(() -> map.allowOnly(
        Stream.concat(KEYS.stream(), otherTopLevelKeys.stream().sorted()).toList(), FILE));
    long seed = problems.attempt(() -> seed(map)).orElse(0L);
    Optional<YamlNode> durationNode = problems.attempt(() -> map.require("duration", FILE));
    Optional<Long> duration = durationNode.flatMap(node -> problems.attempt(() -> Durations.positive(node)));
    Optional<List<SensorSpec>> sensors = problems.attempt(() -> sensors(map));
    List<FaultSpec> faults = List.of();
    if (duration.isPresent() && sensors.isPresent()) {
      FaultParser faultParser = new FaultParser(duration.get(), durationNode.get().asScalar("").text(),
          sensors.get().stream().map(SensorSpec::id).toList());
      faults = problems.attempt(() -> faults(map, faultParser)).orElse(List.of());
    }
    problems.throwIfAny();
    return new SimulationSpec(seed, duration.orElseThrow(), sensors.orElseThrow(), faults);
  }

  private static long seed(MapNode map) throws SpecException {
    Optional<YamlNode> node = map.get("seed");
    String what = "a whole number from -2^63 to 2^63-1";
    return node.isPresent() ? node.get().asScalar(what).integer(what) : 0;
  }

  private static List<SensorSpec> sensors(MapNode map) throws SpecException {
    YamlNode node = map.require("sensors", FILE);
    String what = "a list of sensors like [{id: accel, model: sine, rate_hz: 100}]";
    List<YamlNode> items = node.asSeq(what).items();
    if (items.isEmpty()) {
      throw node.expected("at least one sensor");
    }
    Problems problems = new Problems();
    UniqueNames ids = new UniqueNames("sensor id");
    List<SensorSpec> sensors = new ArrayList<>();
    for (YamlNode item : items) {
      problems.attempt(() -> {
        SensorSpec sensor = SensorParser.parse(item);
        ids.claim(sensor.id(), item.asMap("").require("id", "sensor"));
        return sensor;
      }).ifPresent(sensors::add);
    }
    problems.throwIfAny();
    return sensors;
  }

  private static List<FaultSpec> faults(MapNode map, FaultParser parser) throws SpecException {
    Optional<YamlNode> node = map.get("faults");
    if (node.isEmpty()) {
      return List.of();
    }
    Problems problems = new Problems();
    List<FaultSpec> faults = new ArrayList<>();
    for (YamlNode item : node.get().asSeq("a list of faults like [{at: 2s, dropout: {for: 1s}}]").items()) {
      problems.attempt(() -> parser.parse(item)).ifPresent(faults::add);
    }
    problems.throwIfAny();
    return faults;
  }
}
