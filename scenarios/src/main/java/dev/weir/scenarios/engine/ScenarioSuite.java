package dev.weir.scenarios.engine;

import dev.weir.scenarios.scenario.ScenarioInstance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;

/**
 * The scenarios under some paths, found exactly as the JUnit engine finds them, for {@code weir
 * run}: the same files, ids and tags, and a JUnit tag expression to choose among them.
 */
public final class ScenarioSuite {

  private final List<ScenarioTest> tests = new ArrayList<>();
  private final Map<Path, String> broken = new LinkedHashMap<>();

  private ScenarioSuite(TestDescriptor engine, Map<Path, String> missing) {
    broken.putAll(missing);
    for (TestDescriptor child : engine.getChildren()) {
      ScenarioFile file = (ScenarioFile) child;
      if (file.problem().isPresent()) {
        broken.put(file.file(), file.problem().get());
      } else {
        file.getChildren().forEach(test -> tests.add((ScenarioTest) test));
      }
    }
  }

  /** The scenario files under {@code paths}: folders are searched, files taken as they are. */
  public static ScenarioSuite discover(List<Path> paths) {
    LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
    Map<Path, String> missing = new LinkedHashMap<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        request.selectors(DiscoverySelectors.selectDirectory(path.toFile()));
      } else if (Files.isRegularFile(path)) {
        request.selectors(DiscoverySelectors.selectFile(path.toFile()));
      } else {
        missing.put(path, path + ": expected a scenario file or a folder of them; there is none");
      }
    }
    return new ScenarioSuite(new ScenarioDiscovery(
        request.build(), UniqueId.forEngine(WeirTestEngine.ID)).discover(), missing);
  }

  /** Files (and folders) that could not be read or parsed, each with the reason. */
  public Map<Path, String> broken() {
    return broken;
  }

  /**
   * The scenario instances, sorted by id, that {@code tagExpression} selects (a JUnit tag
   * expression over each scenario's tags and its transport kind; empty: all).
   *
   * @throws org.junit.platform.commons.PreconditionViolationException when the expression is
   *     malformed, saying why
   */
  public List<ScenarioInstance> instances(Optional<String> tagExpression) {
    Optional<PostDiscoveryFilter> filter = tagExpression.map(TagFilter::includeTags);
    return tests.stream()
        .filter(test -> filter.map(f -> f.apply(test).included()).orElse(true))
        .map(ScenarioTest::instance)
        .sorted(Comparator.comparing(ScenarioInstance::id))
        .toList();
  }
}
