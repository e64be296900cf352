package dev.weir.scenarios.scenario;

import dev.weir.harness.transport.Backpressure;
import dev.weir.simulator.pacing.Speed;
import dev.weir.simulator.spec.SpecException;
import dev.weir.simulator.spec.yaml.MapNode;
import dev.weir.simulator.spec.yaml.Position;
import dev.weir.simulator.spec.yaml.Problems;
import dev.weir.simulator.spec.yaml.ScalarNode;
import dev.weir.simulator.spec.yaml.YamlNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one scenario from a file's top-level mapping, with one matrix combination's values in
 * front of the file's. Parts that do not depend on each other report their problems together.
 */
final class ScenarioReader {

  static final String FILE = "the scenario file";

  /** A transport no expectation finds fault with, for reading {@code expect} when the file's is bad. */
  private static final TransportSpec STAND_IN_TRANSPORT = new TransportSpec(TransportSpec.DEFAULT_KIND,
      Optional.of(new TransportSpec.Window(1, TransportSpec.Window.UNLIMITED_BYTES, Backpressure.Policy.BLOCK)),
      List.of());

  private final MapNode root;
  private final Overrides overrides;
  private final String file;
  private final Path folder;

  ScenarioReader(MapNode root, Overrides overrides, String file, Path folder) {
    this.root = root;
    this.overrides = overrides;
    this.file = file;
    this.folder = folder;
  }

  Scenario read() throws SpecException {
    Fields top = Fields.of(root, overrides);
    Problems problems = new Problems();
    problems.check(() -> version(top));
    Optional<String> name = problems.attempt(() -> Values.safeId(top.require("name", FILE), "a scenario name"));
    Optional<String> description = problems.attempt(() -> text(top, "description"));
    Optional<List<String>> tags = problems.attempt(() -> tags(top));
    Optional<Fields> sourceFields = problems.attempt(() -> top.section("source", SourceReader.WHAT));
    Optional<Source> source = sourceFields.flatMap(fields ->
        problems.attempt(() -> new SourceReader(root, fields, overrides, folder).read()));
    Optional<Speed> speed = sourceFields.flatMap(fields -> problems.attempt(() -> speed(top, fields)));
    Optional<TransportSpec> transport = problems.attempt(() -> new TransportReader(
        top.section("transport", TransportReader.WHAT), overrides, source.flatMap(this::runLength)).read());
    Optional<FrontendSpec> frontend = problems.attempt(() ->
        new FrontendReader(top.section("frontend", FrontendReader.WHAT), overrides, folder).read());
    // Where the transport or frontend is bad, expect is read against stand-ins, for its own
    // problems only: the scenario is not returned then.
    Optional<List<Expectation>> expectations = problems.attempt(() -> new ExpectationReader(
        top.section("expect", ExpectationReader.WHAT), transport.orElse(STAND_IN_TRANSPORT),
        frontend.orElse(FrontendSpec.REFERENCE)).read());
    problems.throwIfAny();
    return new Scenario(file, name.orElseThrow(), description.orElseThrow(), tags.orElseThrow(), source.orElseThrow(),
        transport.orElseThrow(), frontend.orElseThrow(), speed.orElseThrow(), expectations.orElseThrow());
  }

  private static void version(Fields top) throws SpecException {
    YamlNode node = top.require("weir", FILE);
    String expected = "1, the format version (weir: 1)";
    if (node.asScalar(expected).integer(expected) != 1) {
      throw node.expected(expected);
    }
  }

  private static String text(Fields fields, String key) throws SpecException {
    Optional<YamlNode> node = fields.get(key);
    return node.isPresent() ? Values.text(node.get()) : "";
  }

  private static List<String> tags(Fields top) throws SpecException {
    Optional<YamlNode> node = top.get("tags");
    if (node.isEmpty()) {
      return List.of();
    }
    Map<String, Position> seen = new HashMap<>();
    List<String> tags = new ArrayList<>();
    for (YamlNode item : node.get().asSeq("a list of tags like [ordering, channel]").items()) {
      String tag = Values.safeId(item, "a tag");
      Position first = seen.putIfAbsent(tag, item.position());
      if (first != null) {
        throw item.error("duplicate tag \"" + tag + "\"; first at line " + first.line() + ", column " + first.column());
      }
      tags.add(tag);
    }
    return tags;
  }

  /** The top-level {@code speed}, or a recording source's; 1x when neither is given. */
  private Speed speed(Fields top, Fields source) throws SpecException {
    Optional<YamlNode> declared = top.get("speed");
    Optional<YamlNode> inSource = root.has("source") ? source.get("speed") : Optional.empty();
    if (declared.isPresent() && inSource.isPresent()) {
      Position first = declared.get().position();
      throw inSource.get().error("expected one speed, found a second: the top-level speed at line " + first.line()
          + ", column " + first.column() + "; keep one");
    }
    Optional<YamlNode> node = declared.or(() -> inSource);
    return node.isPresent() ? Units.speed(node.get()) : Speed.REAL_TIME;
  }

  /** The run's length and how the file wrote it, for messages about times past it; empty when unbounded. */
  private Optional<RunLength> runLength(Source source) {
    return root.get("duration").flatMap(node -> {
      long ns = source.durationNs().orElseThrow(); // a source with a duration key has a duration
      return node instanceof ScalarNode scalar ? Optional.of(new RunLength(ns, scalar.text())) : Optional.empty();
    });
  }
}
