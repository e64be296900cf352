package dev.weir.scenarios.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.weir.harness.browser.BrowserRuntime;
import dev.weir.harness.check.Verdict;
import dev.weir.harness.conformance.CaseResult;
import dev.weir.harness.conformance.Cases;
import dev.weir.harness.conformance.Conformance;
import dev.weir.harness.conformance.ConformanceCase;
import dev.weir.harness.conformance.Frontend;
import dev.weir.harness.transport.Transports;
import dev.weir.scenarios.bundle.ReproBundle;
import dev.weir.scenarios.engine.ScenarioSuite;
import dev.weir.scenarios.report.Report;
import dev.weir.scenarios.report.ReportWriter;
import dev.weir.scenarios.run.ScenarioRunner;
import dev.weir.scenarios.run.Shard;
import dev.weir.scenarios.scenario.ScenarioInstance;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.platform.commons.PreconditionViolationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code weir run conformance | PATH...}: the built-in conformance cases against a frontend, each
 * on every transport it applies to, or the scenario files under some paths, each instance on its
 * transport; a verdict per checker, the table (or JSON), and the HTML report. Exit 1 when any
 * verdict FAILED, or when {@code --repeat} saw a verdict change between runs.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Runs the conformance cases against a frontend (default: the bundled reference),"
        + " or scenario files, in headless Chromium over real transports, and prints each run's"
        + " verdicts and the path of the HTML report.",
        "Exit code 1 when a checker failed (the failing checkers are named on the last line) or"
        + " when --repeat saw a verdict differ between runs; 2 on bad input."})
final class RunCommand implements Callable<Integer> {

  private static final String CONFORMANCE = "conformance";

  @Spec
  CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "conformance|PATH",
      description = {"conformance: the built-in cases (docs/conformance.md lists them)",
          "PATH: scenario files, or folders searched for *.yaml and *.yml (docs/scenario-format.md)"})
  List<String> what;

  @Option(names = "--frontend", paramLabel = "DIR",
      description = "The frontend's folder, with its index.html (default: the bundled reference,"
          + " or each scenario's own)")
  Path frontend;

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

  @Option(names = "--repeat", paramLabel = "N", defaultValue = "1",
      description = "Run everything N times and name every run whose verdicts differ between"
          + " them (flake hunting)")
  int repeat;

  @Option(names = "--json", description = "Print the results as JSON: one object per run.")
  boolean json;

  @Option(names = "--bundles", paramLabel = "DIR", defaultValue = "target/weir-bundles",
      description = "scenarios only: where each failing run leaves its repro bundle (the scenario"
          + " as it ran, its readings, trace and verdicts; weir replay runs it again)."
          + " Default: ${DEFAULT-VALUE}")
  Path bundles;

  @Override
  public Integer call() {
    if (repeat < 1) {
      throw new BadInputException("--repeat " + repeat + ": expected 1 or more");
    }
    Plan plan = what.equals(List.of(CONFORMANCE)) ? conformance() : scenarios();
    PrintWriter err = spec.commandLine().getErr();
    long total = (long) plan.runs() * repeat;
    err.println("weir run: " + plan.title() + ", " + total + " runs");
    List<List<CaseResult>> rounds = new ArrayList<>();
    long start = System.nanoTime();
    for (int round = 0; round < repeat; round++) {
      List<CaseResult> results = new ArrayList<>();
      rounds.add(results);
      long before = (long) round * plan.runs();
      plan.run(result -> {
        results.add(result);
        long done = before + results.size();
        long etaS = (System.nanoTime() - start) / done * (total - done) / 1_000_000_000L;
        err.printf("weir run: [%d/%d] %s on %s: %s (%.1f s; about %d s to go)%n", done, total,
            result.caseId(), result.kind(), result.statuses(), result.took().toMillis() / 1000.0,
            etaS);
      });
    }
    List<CaseResult> results = rounds.get(0);
    Path index = report(plan.title(), results);
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? json(results) : table(results));
    List<String> differences = differences(rounds);
    if (repeat > 1) {
      err.println(differences.isEmpty()
          ? "Repeated " + repeat + " times: every run's verdicts the same each time."
          : "Repeated " + repeat + " times: verdicts differed for " + differences.size()
              + " runs:\n  " + String.join("\n  ", differences));
    }
    (json ? err : out).println("Report: " + index);
    out.flush();
    boolean passed = rounds.stream().flatMap(List::stream).allMatch(CaseResult::passed);
    return passed && differences.isEmpty() ? WeirCli.OK : WeirCli.CHECK_FAILED;
  }

  /** What one round runs, and how many runs that is. */
  private interface Plan {
    String title();

    long runs();

    void run(Consumer<CaseResult> each);
  }

  private Plan conformance() {
    if (tags != null || shard != null) {
      throw new BadInputException("--tags and --shard choose among scenario files; for the"
          + " conformance cases use --checker and --transport");
    }
    Frontend judged = frontend == null ? Frontend.reference() : frontend(frontend);
    List<ConformanceCase> cases = cases();
    Set<String> kinds = kinds();
    long runs = cases.stream().flatMap(c -> c.kinds().stream()).filter(kinds::contains).count();
    Conformance conformance = new Conformance(BrowserRuntime.shared(), judged);
    return new Plan() {
      public String title() {
        return "weir conformance: " + judged.folder();
      }

      public long runs() {
        return runs;
      }

      public void run(Consumer<CaseResult> each) {
        conformance.run(cases, kinds::contains, each);
      }
    };
  }

  private Plan scenarios() {
    if (checkers != null) {
      throw new BadInputException("--checker chooses among the conformance cases; a scenario's"
          + " checkers are its expect section (choose scenarios with --tags)");
    }
    List<Path> paths = new ArrayList<>();
    for (String path : what) {
      if (path.equals(CONFORMANCE)) {
        throw new BadInputException("run conformance takes no scenario paths beside it");
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
    chosen = chosen.stream()
        .filter(i -> kinds.contains(i.scenario().transport().kind())).toList();
    chosen = shard().of(chosen);
    if (chosen.isEmpty()) {
      throw new BadInputException("no scenario to run under " + String.join(", ", what)
          + (tags == null && transports == null && shard == null ? "" : " with these options"));
    }
    List<ScenarioInstance> instances = chosen;
    Optional<Frontend> override = Optional.ofNullable(frontend).map(RunCommand::frontend);
    return new Plan() {
      private ScenarioRunner runner;

      public String title() {
        return "weir scenarios: " + String.join(" ", what) + (shard == null ? "" : " (shard " + shard + ")");
      }

      public long runs() {
        return instances.size();
      }

      public void run(Consumer<CaseResult> each) {
        if (runner == null) {
          runner = new ScenarioRunner(BrowserRuntime.shared(), override, Optional.of(bundles));
        }
        for (ScenarioInstance instance : instances) {
          try {
            each.accept(runner.run(instance));
          } catch (IOException e) {
            throw new UncheckedIOException(instance.id() + ": " + e.getMessage(), e);
          }
        }
      }
    };
  }

  private Shard shard() {
    try {
      return shard == null ? Shard.ALL : Shard.parse(shard);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--shard: " + e.getMessage());
    }
  }

  /**
   * The runs whose verdicts (each checker's status and first defect) differ between rounds, each
   * as "case on transport: round 1 ..., round k ...".
   */
  private static List<String> differences(List<List<CaseResult>> rounds) {
    List<String> differences = new ArrayList<>();
    for (int i = 0; i < rounds.get(0).size(); i++) {
      CaseResult first = rounds.get(0).get(i);
      for (int round = 1; round < rounds.size(); round++) {
        CaseResult other = rounds.get(round).get(i);
        if (!first.outcome().equals(other.outcome())) {
          differences.add(first.caseId() + " on " + first.kind() + ": run 1 " + first.outcome()
              + "; run " + (round + 1) + " " + other.outcome());
          break;
        }
      }
    }
    return differences;
  }

  /** Writes the HTML, JSON and JUnit XML report; returns its index.html. */
  private static Path report(String title, List<CaseResult> results) {
    try {
      return ReportWriter.write(new Report(title, results), ReportWriter.DEFAULT_FOLDER)
          .toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the report to " + ReportWriter.DEFAULT_FOLDER
          + ": " + e.getMessage(), e);
    }
  }

  static Frontend frontend(Path folder) {
    try {
      return new Frontend(folder);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--frontend: " + e.getMessage());
    }
  }

  private List<ConformanceCase> cases() {
    if (checkers == null) {
      return Cases.all();
    }
    List<ConformanceCase> chosen = new ArrayList<>();
    for (String checker : checkers) {
      try {
        chosen.addAll(Cases.forChecker(checker));
      } catch (IllegalArgumentException e) {
        throw new BadInputException("--checker: " + e.getMessage());
      }
    }
    return chosen;
  }

  private Set<String> kinds() {
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

  /** The verdict table people read: a row per verdict, bundles, and a count of runs passed. */
  static String table(List<CaseResult> results) {
    int width = Math.max(18, results.stream().mapToInt(r -> r.caseId().length()).max().orElse(0));
    String row = "%-" + width + "s %-10s %-28s %s%n";
    StringBuilder table = new StringBuilder(
        String.format(row, "case", "transport", "verdict", "first violation"));
    Set<String> failed = new LinkedHashSet<>();
    for (CaseResult result : results) {
      for (Verdict verdict : result.verdicts()) {
        table.append(String.format(row, result.caseId(), result.kind(),
            verdict.checker() + " " + verdict.status().label(),
            verdict.firstViolation().map(v -> v.defect() + ": " + v.actual()).orElse("")));
        if (!verdict.status().passed()) {
          failed.add(verdict.checker());
        }
      }
    }
    for (CaseResult result : results) {
      result.bundle().ifPresent(bundle -> table.append(String.format(
          "%nRepro bundle of %s on %s: %s%n  replay: %s", result.caseId(), result.kind(), bundle,
          ReproBundle.command(bundle))));
    }
    long passed = results.stream().filter(CaseResult::passed).count();
    table.append(String.format("%n%d of %d runs passed.", passed, results.size()));
    table.append(failed.isEmpty() ? "\n" : " FAILED checkers: " + String.join(", ", failed) + "\n");
    return table.toString();
  }

  private static String json(List<CaseResult> results) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = new JsonFactory().createGenerator(text)) {
      json.writeStartArray();
      for (CaseResult result : results) {
        json.writeStartObject();
        json.writeStringField("case", result.caseId());
        json.writeStringField("transport", result.kind());
        json.writeNumberField("took_ms", result.took().toMillis());
        if (result.bundle().isPresent()) {
          json.writeStringField("bundle", result.bundle().get().toString());
        }
        json.writeArrayFieldStart("verdicts");
        for (Verdict verdict : result.verdicts()) {
          verdict.writeJson(json);
        }
        json.writeEndArray();
        json.writeEndObject();
      }
      json.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text + "\n";
  }
}
