package dev.weir.scenarios.engine;

import dev.weir.scenarios.run.Shard;
import dev.weir.scenarios.scenario.ScenarioFiles;
import dev.weir.scenarios.scenario.ScenarioInstance;
import dev.weir.scenarios.scenario.ScenarioParser;
import dev.weir.simulator.spec.SpecException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.platform.commons.PreconditionViolationException;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClasspathResourceSelector;
import org.junit.platform.engine.discovery.DirectorySelector;
import org.junit.platform.engine.discovery.FileSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;

/**
 * Finds scenario files from a discovery request's selectors: directories (searched for {@code
 * *.yaml} and {@code *.yml}), single files, classpath resources that are folders or files on
 * disk, and unique ids (an IDE re-running one scenario). Each file is parsed once; a file or
 * folder that cannot be read or parsed becomes a failing test with the reason.
 */
final class ScenarioDiscovery {

  /** Configuration parameter {@code weir.shard=i/n}: run only that shard, as {@code weir run --shard}. */
  static final String SHARD = "weir.shard";

  private final EngineDiscoveryRequest request;
  private final UniqueId engineId;
  /** Files to parse, each with the instance ids to keep; an empty set keeps them all. */
  private final Map<Path, Set<String>> files = new LinkedHashMap<>();
  private final Map<Path, String> unreadable = new LinkedHashMap<>();

  ScenarioDiscovery(EngineDiscoveryRequest request, UniqueId engineId) {
    this.request = request;
    this.engineId = engineId;
  }

  TestDescriptor discover() {
    for (DirectorySelector selector : request.getSelectorsByType(DirectorySelector.class)) {
      directory(selector.getPath());
    }
    for (FileSelector selector : request.getSelectorsByType(FileSelector.class)) {
      file(selector.getPath(), Set.of());
    }
    for (ClasspathResourceSelector selector :
        request.getSelectorsByType(ClasspathResourceSelector.class)) {
      resource(selector.getClasspathResourceName());
    }
    for (UniqueIdSelector selector : request.getSelectorsByType(UniqueIdSelector.class)) {
      uniqueId(selector.getUniqueId());
    }
    EngineDescriptor engine = new EngineDescriptor(engineId, "weir scenarios");
    files.forEach((file, only) -> engine.addChild(parse(file, only)));
    unreadable.forEach((path, problem) -> engine.addChild(ScenarioFile.broken(engineId, path, problem)));
    request.getConfigurationParameters().get(SHARD).map(ScenarioDiscovery::shard)
        .ifPresent(shard -> keepOnly(shard, engine));
    return engine;
  }

  private static Shard shard(String text) {
    try {
      return Shard.parse(text);
    } catch (IllegalArgumentException e) {
      throw new PreconditionViolationException(SHARD + ": " + e.getMessage());
    }
  }

  /** Removes the scenarios outside {@code shard}, dealt out over all files by sorted id. */
  private static void keepOnly(Shard shard, TestDescriptor engine) {
    List<ScenarioTest> all = engine.getDescendants().stream()
        .filter(ScenarioTest.class::isInstance).map(ScenarioTest.class::cast)
        .sorted(Comparator.comparing(test -> test.instance().id())).toList();
    Set<ScenarioTest> kept = new HashSet<>(shard.of(all));
    all.stream().filter(test -> !kept.contains(test)).forEach(TestDescriptor::removeFromHierarchy);
  }

  private void directory(Path dir) {
    try {
      ScenarioFiles.discover(dir).forEach(file -> file(file, Set.of()));
    } catch (IOException e) {
      unreadable.put(dir, "cannot read the scenario folder " + dir + ": " + e);
    }
  }

  private void file(Path file, Set<String> only) {
    Path key = file.toAbsolutePath().normalize();
    Set<String> kept = files.get(key);
    if (kept == null) {
      files.put(key, new LinkedHashSet<>(only));
    } else if (!kept.isEmpty()) {
      if (only.isEmpty()) {
        kept.clear();
      } else {
        kept.addAll(only);
      }
    }
  }

  private void resource(String name) {
    String trimmed = name.startsWith("/") ? name.substring(1) : name;
    URL url = Thread.currentThread().getContextClassLoader().getResource(trimmed);
    Path path = url == null ? null : onDisk(url);
    if (path == null) {
      unreadable.put(Path.of(trimmed), url == null
          ? "no classpath resource " + name
          : "the classpath resource " + name + " is not a file or folder on disk (" + url
              + "): weir reads scenarios from folders, such as target/test-classes");
    } else if (Files.isDirectory(path)) {
      directory(path);
    } else {
      file(path, Set.of());
    }
  }

  private static Path onDisk(URL url) {
    if (!"file".equals(url.getProtocol())) {
      return null;
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /** {@code [engine:weir]/[file:PATH]} or {@code .../[scenario:ID]}. */
  private void uniqueId(UniqueId id) {
    List<UniqueId.Segment> segments = id.getSegments();
    if (segments.size() < 2 || !id.hasPrefix(engineId)
        || !segments.get(1).getType().equals(ScenarioFile.SEGMENT)) {
      return;
    }
    Path file = Path.of(segments.get(1).getValue());
    if (segments.size() > 2 && segments.get(2).getType().equals(ScenarioTest.SEGMENT)) {
      file(file, Set.of(segments.get(2).getValue()));
    } else {
      file(file, Set.of());
    }
  }

  private ScenarioFile parse(Path file, Set<String> only) {
    List<ScenarioInstance> instances;
    try {
      instances = ScenarioParser.parse(file);
    } catch (SpecException e) {
      return ScenarioFile.broken(engineId, file, e.getMessage());
    } catch (IOException e) {
      return ScenarioFile.broken(engineId, file, "cannot read " + file + ": " + e);
    }
    ScenarioFile parsed = ScenarioFile.parsed(engineId, file);
    for (ScenarioInstance instance : instances) {
      if (only.isEmpty() || only.contains(instance.id())) {
        parsed.addChild(new ScenarioTest(parsed.getUniqueId(), file, instance));
      }
    }
    return parsed;
  }
}
