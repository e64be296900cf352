package dev.weir.scenarios.cli;

import dev.weir.harness.conformance.Cases;
import dev.weir.harness.conformance.ConformanceCase;
import dev.weir.harness.transport.Transports;
import dev.weir.scenarios.engine.ScenarioSuite;
import dev.weir.scenarios.run.Shard;
import dev.weir.scenarios.scenario.ScenarioInstance;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.commons.PreconditionViolationException;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What {@code weir run} and {@code weir list} choose: the built-in conformance cases (by checker
 * and transport), or the scenario instances under some paths (by tag expression, transport and
 * shard). Both commands mix this in, so a list shows exactly what a run with the same arguments
 * runs, in the same order.
 */
final class Selection {

  static final String CONFORMANCE = "conformance";

  @Parameters(arity = "1..*", paramLabel = "conformance|PATH",
      description = {"conformance: the built-in cases (docs/conformance.md lists them)",
          "PATH: scenario files, or folders searched for *.yaml and *.yml (docs/scenario-format.md)"})
  List<String> what;

  @Option(names = "--transport", split = ",", paramLabel = "KIND",
      description = "Only these transports: channel, event, command, scheme, websocket, sse")
  List<String> transports;

  @Option(names = "--checker", split = ",", paramLabel = "NAME",
      description = "conformance only: the cases of these checkers: ordering, cleanup,"
          + " backpressure, reconnect, buffer, throughput, latency")
  List<String> checkers;

  @Option(names = "--tags", paramLabel = "EXPR",
      description = "scenarios only: those whose tags (or transport kind) match this JUnit tag"
          + " expression, such as 'ordering & !sse'")
  String tags;

  @Option(names = "--shard", paramLabel = "i/n",
      description = "scenarios only: the i-th of n shards (scenarios sorted by id and dealt out"
          + " in turn: each in exactly one shard), for CI matrices")
  String shard;

  /** True for {@code conformance}: the built-in cases rather than scenario files. */
  boolean conformance() {
    return what.equals(List.of(CONFORMANCE));
  }

  /** What was chosen, in words: the paths, and the shard when one was asked for. */
  String describe() {
    return String.join(" ", what) + (shard == null ? "" : " (shard " + shard + ")");
  }

  /**
   * The conformance cases chosen; each runs on those of its transports {@link #kinds()} holds, and
   * at least one runs somewhere.
   *
   * @throws BadInputException for scenario-only options, an unknown checker, or nothing to run
   */
  List<ConformanceCase> cases() {
    if (tags != null || shard != null) {
      throw new BadInputException("--tags and --shard choose among scenario files; for the"
          + " conformance cases use --checker and --transport");
    }
    List<ConformanceCase> chosen = checkers == null ? Cases.all() : casesOf(checkers);
    Set<String> kinds = kinds();
    if (chosen.stream().flatMap(c -> c.kinds().stream()).noneMatch(kinds::contains)) {
      throw new BadInputException("no conformance case of these checkers runs on "
          + String.join(", ", kinds));
    }
    return chosen;
  }

  private static List<ConformanceCase> casesOf(List<String> checkers) {
    List<ConformanceCase> cases = new ArrayList<>();
    for (String checker : checkers) {
      try {
        cases.addAll(Cases.forChecker(checker));
      } catch (IllegalArgumentException e) {
        throw new BadInputException("--checker: " + e.getMessage());
      }
    }
    return cases;
  }

  /**
   * The scenario instances chosen, sorted by id: every file under the paths must parse, and at
   * least one instance must be left.
   *
   * @throws BadInputException for a missing or broken file, a bad option, or nothing to run
   */
  List<ScenarioInstance> scenarios() {
    if (checkers != null) {
      throw new BadInputException("--checker chooses among the conformance cases; a scenario's"
          + " checkers are its expect section (choose scenarios with --tags)");
    }
    List<Path> paths = new ArrayList<>();
    for (String path : what) {
      if (path.equals(CONFORMANCE)) {
        throw new BadInputException("conformance takes no scenario paths beside it");
      }
      paths.add(Path.of(path));
    }
    ScenarioSuite suite = ScenarioSuite.discover(paths);
    if (!suite.broken().isEmpty()) {
      throw new BadInputException(String.join("\n", suite.broken().values()));
    }
    List<ScenarioInstance> chosen;
    try {
      chosen = suite.instances(Optional.ofNullable(tags));
    } catch (PreconditionViolationException e) {
      throw new BadInputException("--tags " + tags + ": " + e.getMessage());
    }
    Set<String> kinds = kinds();
    chosen = shard().of(chosen.stream()
        .filter(i -> kinds.contains(i.scenario().transport().kind())).toList());
    if (chosen.isEmpty()) {
      throw new BadInputException("no scenario to run under " + String.join(", ", what)
          + (tags == null && transports == null && shard == null ? "" : " with these options"));
    }
    return chosen;
  }

  /**
   * The transport kinds chosen: all by default.
   *
   * @throws BadInputException for a kind weir does not have
   */
  Set<String> kinds() {
    if (transports == null) {
      return new LinkedHashSet<>(Transports.KINDS);
    }
    for (String kind : transports) {
      if (!Transports.KINDS.contains(kind)) {
        throw new BadInputException("--transport " + kind + ": expected one of "
            + String.join(", ", Transports.KINDS));
      }
    }
    return new LinkedHashSet<>(transports);
  }

  private Shard shard() {
    try {
      return shard == null ? Shard.ALL : Shard.parse(shard);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--shard: " + e.getMessage());
    }
  }
}
