package dev.weir.scenarios.engine;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.FileSource;

/**
 * One scenario file: a container of its instances, or, when it does not parse, a test that fails
 * with the parser's message (file, line, column, what was expected), so a broken file fails the
 * build instead of vanishing from it.
 */
final class ScenarioFile extends AbstractTestDescriptor {

  static final String SEGMENT = "file";

  private final Path file;
  private final String problem;

  private ScenarioFile(UniqueId parent, Path file, String problem) {
    super(parent.append(SEGMENT, file.toString()), file.getFileName().toString(),
        FileSource.from(file.toFile()));
    this.file = file;
    this.problem = problem;
  }

  static ScenarioFile parsed(UniqueId parent, Path file) {
    return new ScenarioFile(parent, file, null);
  }

  static ScenarioFile broken(UniqueId parent, Path file, String problem) {
    return new ScenarioFile(parent, file, problem);
  }

  Path file() {
    return file;
  }

  /** Why the file does not parse; empty when it does. */
  Optional<String> problem() {
    return Optional.ofNullable(problem);
  }

  @Override
  public Type getType() {
    return problem == null ? Type.CONTAINER : Type.TEST;
  }
}
