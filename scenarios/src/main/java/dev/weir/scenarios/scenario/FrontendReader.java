package dev.weir.scenarios.scenario;

import dev.weir.simulator.spec.Durations;
import dev.weir.simulator.spec.SpecException;
import dev.weir.simulator.spec.yaml.Problems;
import dev.weir.simulator.spec.yaml.YamlNode;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Reads {@code frontend: {dir, config}}: the page's folder, relative to the scenario file, and the
 * fields the reference page's config.js reads, with units ({@code gap_timeout: 200ms}) where
 * config.js takes milliseconds.
 */
final class FrontendReader {

  static final String WHAT = "a frontend like {dir: my-app/dist, config: {capacity: 500}}";

  private static final List<String> KEYS = List.of("dir", "config");
  private static final List<String> CONFIG_KEYS =
      List.of("capacity", "gap_timeout", "stall_timeout", "max_pending", "reconnect", "seed");
  private static final String COUNT = "a whole number from 1 to " + Integer.MAX_VALUE;

  private final Fields frontend;
  private final Overrides overrides;
  private final Path folder;

  FrontendReader(Fields frontend, Overrides overrides, Path folder) {
    this.frontend = frontend;
    this.overrides = overrides;
    this.folder = folder;
  }

  FrontendSpec read() throws SpecException {
    frontend.allowOnly(KEYS, "frontend");
    Problems problems = new Problems();
    Optional<Optional<Path>> dir = problems.attempt(() -> {
      Optional<YamlNode> node = frontend.get("dir");
      return node.isPresent() ? Optional.of(dir(node.get())) : Optional.<Path>empty();
    });
    Optional<FrontendConfig> config = problems.attempt(() -> config(frontend.section("config",
        "the page's configuration, a mapping like {capacity: 500, reconnect: {base: 50ms}}")));
    problems.throwIfAny();
    return new FrontendSpec(dir.orElseThrow(), config.orElseThrow());
  }

  private Path dir(YamlNode node) throws SpecException {
    String expected = "the path of a frontend folder (with an index.html), relative to the scenario file";
    String text = node.asScalar(expected).string(expected);
    Path dir;
    try {
      dir = folder.resolve(text).normalize();
    } catch (InvalidPathException notAPath) {
      throw node.expected(expected);
    }
    if (!Files.isDirectory(dir)) {
      throw node.error(node.expected("a frontend folder").detail() + "; there is no folder " + dir);
    }
    if (!Files.isRegularFile(dir.resolve("index.html"))) {
      throw node.error(node.expected("a frontend folder").detail() + "; there is no index.html in " + dir);
    }
    return dir;
  }

  private FrontendConfig config(Fields config) throws SpecException {
    config.allowOnly(CONFIG_KEYS, "frontend config");
    Problems problems = new Problems();
    Optional<OptionalInt> capacity = problems.attempt(() -> count(config, "capacity"));
    Optional<OptionalLong> gap = problems.attempt(() -> {
      Optional<YamlNode> node = config.get("gap_timeout");
      return node.isPresent() ? OptionalLong.of(Durations.positive(node.get())) : OptionalLong.empty();
    });
    Optional<OptionalLong> stall = problems.attempt(() -> {
      Optional<YamlNode> node = config.get("stall_timeout");
      return node.isPresent() ? OptionalLong.of(stallTimeout(node.get())) : OptionalLong.empty();
    });
    Optional<OptionalInt> maxPending = problems.attempt(() -> count(config, "max_pending"));
    Optional<Optional<Backoff>> reconnect = problems.attempt(() -> config.inFile("reconnect")
        ? Optional.of(new BackoffReader(config.section("reconnect", BackoffReader.WHAT)).read())
        : Optional.<Backoff>empty());
    Optional<OptionalLong> seed = problems.attempt(() -> {
      Optional<YamlNode> node = config.get("seed");
      return node.isPresent()
          ? OptionalLong.of(Values.integer(node.get(), 0, 0xffff_ffffL, "a seed from 0 to 2^32-1"))
          : OptionalLong.empty();
    });
    problems.throwIfAny();
    return new FrontendConfig(capacity.orElseThrow(), gap.orElseThrow(), stall.orElseThrow(),
        maxPending.orElseThrow(), reconnect.orElseThrow(), seed.orElseThrow());
  }

  private static OptionalInt count(Fields config, String key) throws SpecException {
    Optional<YamlNode> node = config.get(key);
    return node.isPresent() ? OptionalInt.of((int) Values.integer(node.get(), 1, Integer.MAX_VALUE, COUNT))
        : OptionalInt.empty();
  }

  /** A positive duration, or {@code never}. */
  private static long stallTimeout(YamlNode node) throws SpecException {
    if (node.asScalar("a duration like 2s, or never").text().equals("never")) {
      return FrontendConfig.NEVER;
    }
    return Durations.positive(node);
  }
}
