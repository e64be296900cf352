package dev.weir.scenarios.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weir.harness.conformance.CaseResult;
import dev.weir.harness.conformance.Frontend;
import dev.weir.harness.conformance.JudgedRun;
import dev.weir.scenarios.scenario.FrontendSpec;
import dev.weir.scenarios.scenario.Scenario;
import dev.weir.scenarios.scenario.ScenarioInstance;
import dev.weir.scenarios.scenario.ScenarioParser;
import dev.weir.scenarios.scenario.ScenarioWriter;
import dev.weir.scenarios.scenario.Source;
import dev.weir.simulator.io.AtomicFolder;
import dev.weir.simulator.spec.SpecException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a failing scenario run leaves behind so that anyone can run it again: a folder holding the
 * scenario as it ran (one instance, its seed pinned, its frontend named), the readings it sent as
 * an MCAP recording that the scenario replays instead of simulating, the run's trace, its verdicts,
 * and the one-line command that replays it. Replaying it runs the same readings through the same
 * transport, faults and frontend, so a deterministic defect gives the same verdict again.
 *
 * @param folder the bundle's folder
 */
public record ReproBundle(Path folder) {

  /** Where bundles go unless told otherwise, beside the report. */
  public static final Path DEFAULT_ROOT = Path.of("target", "weir-bundles");

  static final String SCENARIO = "scenario.yaml";
  static final String COMMAND = "replay.txt";

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Writes the bundle of {@code instance}'s run against {@code frontend} into {@code root}, in a
   * folder named for the instance, replacing an older bundle of it. The folder appears whole or not
   * at all ({@link AtomicFolder}).
   *
   * @throws IOException when a part cannot be written; nothing is left behind then
   */
  public static ReproBundle write(Path root, ScenarioInstance instance, Frontend frontend, JudgedRun run)
      throws IOException {
    Path target = root.resolve(instance.fileName()).toAbsolutePath().normalize();
    Scenario ran = instance.scenario();
    Scenario pinned = new Scenario(target.resolve(SCENARIO).toString(), ran.name(), ran.description(),
        ran.tags(), new Source.Recorded(target.resolve(RunFiles.STREAM), ran.seed(), ran.source().durationNs()),
        ran.transport(), new FrontendSpec(frontendDir(frontend), ran.frontend().config()), ran.speed(),
        ran.expectations());
    AtomicFolder.write(target, folder -> {
      RunFiles.write(folder, ran, run);
      Files.writeString(folder.resolve(SCENARIO), header(instance) + ScenarioWriter.yaml(pinned, target));
      Files.writeString(folder.resolve(COMMAND), command(target) + "\n");
    });
    return new ReproBundle(target);
  }

  /** The command that replays the bundle in {@code folder}, for messages and its {@code replay.txt}. */
  public static String command(Path folder) {
    return "./weir replay '" + folder.toAbsolutePath().normalize().toString().replace("'", "'\\''") + "'";
  }

  /**
   * The scenario the bundle replays.
   *
   * @throws IOException when its scenario file cannot be read
   * @throws SpecException when it does not parse (it was edited, or is not a bundle)
   */
  public ScenarioInstance instance() throws IOException, SpecException {
    List<ScenarioInstance> instances = ScenarioParser.parse(folder.resolve(SCENARIO));
    if (instances.size() != 1) {
      throw new IllegalArgumentException(folder.resolve(SCENARIO) + ": expected one scenario (a bundle's),"
          + " found a matrix of " + instances.size());
    }
    return instances.get(0);
  }

  /** The run's outcome when the bundle was written, as {@link CaseResult#outcome()} put it. */
  public String outcome() throws IOException {
    JsonNode verdict = JSON.readTree(folder.resolve(RunFiles.VERDICT).toFile());
    if (!RunFiles.FORMAT.equals(verdict.path("format").asText())) {
      throw new IOException(folder.resolve(RunFiles.VERDICT) + ": expected format " + RunFiles.FORMAT + ", found "
          + verdict.path("format"));
    }
    return verdict.path("outcome").asText();
  }

  /** The bundled reference is named by leaving the folder out, so the bundle runs from any checkout. */
  private static Optional<Path> frontendDir(Frontend frontend) {
    return frontend.isBundledReference() ? Optional.empty() : Optional.of(frontend.folder());
  }

  private static String header(ScenarioInstance instance) {
    return "# Repro bundle of " + instance.id() + ", from " + instance.scenario().file() + ".\n"
        + "# Its readings are " + RunFiles.STREAM + " (what the run sent); replay with the command in " + COMMAND + ".\n";
  }
}
