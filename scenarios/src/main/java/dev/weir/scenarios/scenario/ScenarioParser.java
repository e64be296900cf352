package dev.weir.scenarios.scenario;

import dev.weir.simulator.spec.SimulationSpecParser;
import dev.weir.simulator.spec.SpecException;
import dev.weir.simulator.spec.yaml.MapNode;
import dev.weir.simulator.spec.yaml.Problems;
import dev.weir.simulator.spec.yaml.ScalarNode;
import dev.weir.simulator.spec.yaml.YamlDocument;
import dev.weir.simulator.spec.yaml.YamlNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a scenario file (format v1, {@code weir: 1}) into the scenarios it declares: one, or one
 * per combination of its {@code matrix}.
 *
 * <p>The simulator's keys ({@code seed}, {@code duration}, {@code sensors}, {@code faults}) are
 * read by {@link SimulationSpecParser}; the rest here. Every problem is a {@link SpecException}
 * naming file, line, column and byte offset and what was expected; independent problems are
 * reported together, and a problem that only some matrix combinations have names them. Paths in
 * the file (a recording, a frontend folder) resolve against the file's folder. The format:
 * {@code docs/scenario-format.md} and {@code scenario.schema.json} next to this class.
 */
public final class ScenarioParser {

  /** The top-level keys this module owns; the simulator owns {@link SimulationSpecParser#KEYS}. */
  public static final Set<String> KEYS = Set.of(
      "weir", "name", "description", "tags", "source", "transport", "frontend", "speed", "expect", "matrix");

  private static final String SCENARIO = "a scenario: a mapping with keys weir, name, sensors, transport, expect, …";

  private ScenarioParser() {}

  /**
   * Parses a scenario file; the path as given names it in messages.
   *
   * @return one instance, or one per matrix combination in matrix order; never empty
   * @throws IOException when the file cannot be read
   */
  public static List<ScenarioInstance> parse(Path file) throws IOException, SpecException {
    Path folder = file.toAbsolutePath().getParent();
    return parse(YamlDocument.parse(file).root(), file.toString(), folder);
  }

  /**
   * Parses scenario text.
   *
   * @param sourceName names the text in messages, usually its path
   * @param folder what relative paths in the text resolve against
   */
  public static List<ScenarioInstance> parse(String text, String sourceName, Path folder) throws SpecException {
    return parse(YamlDocument.parse(text, sourceName).root(), sourceName, folder);
  }

  private static List<ScenarioInstance> parse(YamlNode root, String file, Path folder) throws SpecException {
    MapNode map = root.asMap(SCENARIO);
    Problems problems = new Problems();
    Optional<Matrix> matrix = problems.attempt(() -> Matrix.read(map)).flatMap(declared -> declared);
    if (!problems.isEmpty()) { // the scenario's own problems are independent of the matrix's
      problems.attempt(() -> new ScenarioReader(map, new Overrides(Map.of()), file, folder).read());
      problems.throwIfAny();
    }
    if (matrix.isEmpty()) {
      Scenario scenario = new ScenarioReader(map, new Overrides(Map.of()), file, folder).read();
      return List.of(new ScenarioInstance(scenario.name(), Map.of(), scenario));
    }
    return expand(matrix.get(), map, file, folder);
  }

  private static List<ScenarioInstance> expand(Matrix matrix, MapNode map, String file, Path folder)
      throws SpecException {
    List<ScenarioInstance> instances = new ArrayList<>();
    List<Overrides> lookups = new ArrayList<>();
    Map<String, SpecException> problems = new LinkedHashMap<>();
    Map<String, List<String>> problemCombinations = new LinkedHashMap<>();
    List<Map<String, ScalarNode>> combinations = matrix.combinations();
    for (Map<String, ScalarNode> combination : combinations) {
      Overrides overrides = new Overrides(combination);
      lookups.add(overrides);
      Map<String, String> parameters = matrix.parameters(combination);
      try {
        Scenario scenario = new ScenarioReader(map, overrides, file, folder).read();
        instances.add(new ScenarioInstance(ScenarioInstance.id(scenario.name(), parameters), parameters, scenario));
      } catch (SpecException found) {
        String label = ScenarioInstance.id("", parameters);
        for (SpecException problem : found.problems()) {
          problems.putIfAbsent(problem.getMessage(), problem);
          problemCombinations.computeIfAbsent(problem.getMessage(), message -> new ArrayList<>()).add(label);
        }
      }
    }
    if (!problems.isEmpty()) {
      List<SpecException> all = new ArrayList<>();
      problems.forEach((message, problem) -> all.add(
          inCombinations(problem, problemCombinations.get(message), combinations.size())));
      throw SpecException.combine(all);
    }
    Set<String> read = new LinkedHashSet<>();
    lookups.forEach(overrides -> read.addAll(overrides.read()));
    List<SpecException> unknown = matrix.unknownPaths(List.copyOf(read), lookups);
    if (!unknown.isEmpty()) {
      throw SpecException.combine(unknown);
    }
    return instances;
  }

  /**
   * A problem some combinations have and others not, naming those that have it; unless it is at a
   * matrix value, which names itself.
   */
  private static SpecException inCombinations(SpecException problem, List<String> labels, int combinations) {
    if (labels.size() == combinations || problem.path().startsWith("matrix.")) {
      return problem;
    }
    return new SpecException(problem.file(), problem.line(), problem.column(), problem.byteOffset(), problem.path(),
        problem.detail() + " (matrix " + String.join(", ", labels) + ")");
  }
}
