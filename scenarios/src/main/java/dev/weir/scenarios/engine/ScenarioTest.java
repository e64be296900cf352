package dev.weir.scenarios.engine;

import dev.weir.scenarios.scenario.ScenarioInstance;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.FileSource;

/** One scenario instance: a test, named by its id, tagged with its scenario's tags and its transport. */
final class ScenarioTest extends AbstractTestDescriptor {

  static final String SEGMENT = "scenario";

  private final ScenarioInstance instance;

  ScenarioTest(UniqueId parent, Path file, ScenarioInstance instance) {
    super(parent.append(SEGMENT, instance.id()), instance.id(), FileSource.from(file.toFile()));
    this.instance = instance;
  }

  ScenarioInstance instance() {
    return instance;
  }

  @Override
  public Type getType() {
    return Type.TEST;
  }

  @Override
  public Set<TestTag> getTags() {
    Set<TestTag> tags = new LinkedHashSet<>();
    for (String tag : instance.scenario().tags()) {
      tags.add(TestTag.create(tag));
    }
    tags.add(TestTag.create(instance.scenario().transport().kind()));
    return tags;
  }
}
