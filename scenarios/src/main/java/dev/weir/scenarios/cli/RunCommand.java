package dev.weir.scenarios.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.weir.harness.browser.BrowserRuntime;
import dev.weir.harness.check.Status;
import dev.weir.harness.check.Verdict;
import dev.weir.harness.conformance.CaseResult;
import dev.weir.harness.conformance.Conformance;
import dev.weir.harness.conformance.ConformanceCase;
import dev.weir.harness.conformance.Frontend;
import dev.weir.scenarios.bundle.ReproBundle;
import dev.weir.scenarios.report.Report;
import dev.weir.scenarios.report.ReportWriter;
import dev.weir.scenarios.run.Conditions;
import dev.weir.scenarios.run.RunConditions;
import dev.weir.scenarios.run.ScenarioRunner;
import dev.weir.scenarios.run.Stress;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code weir run conformance | PATH...}: the built-in conformance cases against a frontend, each
 * on every transport it applies to, or the scenario files under some paths, each instance on its
 * transport (what {@link Selection} chooses; {@code --seed} reseeds every scenario); a verdict
 * per checker, the table and/or JSON, and the HTML report, each with the conditions the runs ran
 * under ({@code --stress}, the load average). Exit 1 when any verdict FAILED or was INCONCLUSIVE
 * (unless {@code --allow-inconclusive}), or when {@code --repeat} saw a verdict change between
 * runs.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Runs the conformance cases against a frontend (default: the bundled reference),"
        + " or scenario files, in headless Chromium over real transports, and prints each run's"
        + " verdicts and the path of the HTML report.",
        "Exit code 1 when a checker failed (the failing checkers are named on the last line) or"
        + " when --repeat saw a verdict differ between runs; 2 on bad input."})
final class RunCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  Selection selection;

  @Mixin
  StressOption stressOption;

  @Option(names = "--frontend", paramLabel = "DIR",
      description = "The frontend's folder, with its index.html (default: the bundled reference,"
          + " or each scenario's own)")
  Path frontend;

  @Option(names = "--repeat", paramLabel = "N", defaultValue = "1",
      description = "Run everything N times and name every run whose verdicts differ between"
          + " them (flake hunting)")
  int repeat;

  @Option(names = "--jobs", paramLabel = "N", defaultValue = "1",
      description = "scenarios only: run up to N scenarios at once, each on its own page in the"
          + " one browser; at most this machine's processors. Default: ${DEFAULT-VALUE}")
  int jobs;

  @Option(names = "--seed", paramLabel = "N",
      description = "scenarios only: run every scenario with this seed instead of its own (its"
          + " simulated readings, source faults and wire faults)")
  Long seed;

  @Option(names = "--json", arity = "0..1", paramLabel = "FILE", preprocessor = JsonTarget.class,
      description = {"The results as JSON, one object per run: on standard output, or with FILE"
          + " (ending in .json, or attached: --json=FILE) written to it whole, the table still"
          + " printed."})
  String json;

  @Option(names = "--bundles", paramLabel = "DIR", defaultValue = "target/weir-bundles",
      description = "scenarios only: where each failing run leaves its repro bundle (the scenario"
          + " as it ran, its readings, trace and verdicts; weir replay runs it again)."
          + " Default: ${DEFAULT-VALUE}")
  Path bundles;

  @Option(names = "--allow-inconclusive",
      description = "Exit 0 when runs were INCONCLUSIVE (could not be judged: nothing to judge, a"
          + " run that did not complete) and none FAILED. Without it an INCONCLUSIVE run exits 1:"
          + " a green build means the thing was judged.")
  boolean allowInconclusive;

  @Override
  public Integer call() throws IOException {
    Optional<Stress> stress = stressOption.stress();
    checkOptions();
    Plan plan = selection.conformance() ? conformance() : scenarios();
    PrintWriter err = spec.commandLine().getErr();
    long total = (long) plan.runs() * repeat;
    err.println("weir run: " + plan.title() + ", " + total + " runs"
        + (jobs == 1 ? "" : ", " + jobs + " at a time")
        + stress.map(s -> ", under stress: " + s.describe()).orElse(""));
    List<List<CaseResult>> rounds = new ArrayList<>();
    Conditions conditions;
    try (RunConditions under = RunConditions.start(stress)) {
      long start = System.nanoTime();
      long[] done = {0};
      for (int round = 0; round < repeat; round++) {
        rounds.add(plan.run(result -> {
          done[0]++;
          long etaS = (System.nanoTime() - start) / done[0] * (total - done[0]) / 1_000_000_000L;
          err.printf("weir run: [%d/%d] %s on %s: %s (%.1f s; about %d s to go)%n", done[0], total,
              result.caseId(), result.kind(), result.statuses(), result.took().toMillis() / 1000.0,
              etaS);
        }));
      }
      conditions = under.conditions();
    }
    List<CaseResult> results = rounds.get(0);
    Path index = report(new Report(plan.title(), results, Optional.of(conditions)));
    PrintWriter out = spec.commandLine().getOut();
    boolean jsonOnly = JsonTarget.STDOUT.equals(json);
    if (!jsonOnly) {
      out.print(table(results, conditions));
      if (repeat > 1) {
        List<CaseResult> all = rounds.stream().flatMap(List::stream).toList();
        out.printf("%nOver %d rounds: %d of %d runs passed; the table shows round 1.%n", repeat,
            all.stream().filter(CaseResult::passed).count(), all.size());
      }
    }
    if (json != null) {
      JsonTarget.write(json, json(results, conditions), out);
    }
    List<String> differences = RepeatDifferences.of(rounds);
    if (repeat > 1) {
      err.println(differences.isEmpty()
          ? "Repeated " + repeat + " times: every run's verdicts the same each time."
          : "Repeated " + repeat + " times: verdicts differed for " + differences.size()
              + " runs:\n  " + String.join("\n  ", differences));
    }
    (jsonOnly ? err : out).println("Report: " + index);
    if (json != null && !jsonOnly) {
      out.println("JSON: " + Path.of(json).toAbsolutePath());
    }
    out.flush();
    boolean passed = rounds.stream().flatMap(List::stream)
        .allMatch(allowInconclusive ? CaseResult::passedAllowingInconclusive : CaseResult::passed);
    return passed && differences.isEmpty() ? WeirCli.OK : WeirCli.CHECK_FAILED;
  }

  /** The options' own rules, checked before anything runs. */
  private void checkOptions() {
    if (repeat < 1) {
      throw new BadInputException("--repeat " + repeat + ": expected 1 or more");
    }
    if (jobs != 1 && selection.conformance()) {
      throw new BadInputException("--jobs " + jobs + ": the conformance cases run one at a time;"
          + " the cleanup case's gauges (parked channel payloads, stream tickets) are counted over"
          + " all pages in the process, so a page beside it would change them. --jobs applies to"
          + " scenario files");
    }
    int processors = Runtime.getRuntime().availableProcessors();
    if (jobs < 1 || jobs > processors) {
      throw new BadInputException("--jobs " + jobs + ": expected 1 to " + processors + " (this"
          + " machine's processors: pages at once share them, and timing checks must judge the"
          + " frontend, not a crowded machine)");
    }
    if (json != null) {
      JsonTarget.check(json);
    }
  }

  /** What one round runs, and how many runs that is. */
  private interface Plan {
    String title();

    long runs();

    /** Runs the round, handing each result to {@code done} as it comes; returns them in order. */
    List<CaseResult> run(Consumer<CaseResult> done) throws IOException;
  }

  private Plan conformance() {
    if (seed != null) {
      throw new BadInputException("--seed " + seed + ": the conformance cases take no seed; each"
          + " fixes its readings and wire faults in code, so every run of a case is the same."
          + " --seed applies to scenario files");
    }
    List<ConformanceCase> cases = selection.cases();
    Set<String> kinds = selection.kinds();
    Frontend judged = frontend == null ? Frontend.reference() : frontend(frontend);
    long runs = cases.stream().flatMap(c -> c.kinds().stream()).filter(kinds::contains).count();
    Conformance conformance = new Conformance(BrowserRuntime.shared(), judged);
    return new Plan() {
      public String title() {
        return "weir conformance: " + judged.folder();
      }

      public long runs() {
        return runs;
      }

      public List<CaseResult> run(Consumer<CaseResult> done) {
        return conformance.run(cases, kinds::contains, done);
      }
    };
  }

  private Plan scenarios() {
    List<ScenarioInstance> chosen = selection.scenarios();
    List<ScenarioInstance> instances =
        seed == null ? chosen : chosen.stream().map(i -> i.withSeed(seed)).toList();
    Optional<Frontend> override = Optional.ofNullable(frontend).map(RunCommand::frontend);
    return new Plan() {
      private ScenarioRunner runner;

      public String title() {
        return "weir scenarios: " + selection.describe() + (seed == null ? "" : ", seed " + seed);
      }

      public long runs() {
        return instances.size();
      }

      public List<CaseResult> run(Consumer<CaseResult> done) throws IOException {
        if (runner == null) {
          runner = new ScenarioRunner(BrowserRuntime.shared(), override, Optional.of(bundles));
        }
        return runner.runAll(instances, jobs, done);
      }
    };
  }

  /** Writes the HTML, JSON and JUnit XML report; returns its index.html. */
  private static Path report(Report report) {
    try {
      return ReportWriter.write(report, ReportWriter.DEFAULT_FOLDER).toAbsolutePath();
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

  /**
   * A verdict's last column: its first violation, for a measurement what it measured, for an
   * inconclusive verdict why.
   */
  private static String detail(Verdict verdict) {
    if (verdict.status() == Status.INFORMATIONAL || verdict.status() == Status.INCONCLUSIVE) {
      String why = verdict.summary().substring(verdict.status().label().length() + 2);
      return verdict.status() == Status.INFORMATIONAL ? why : why.replaceFirst(" What was.*", "");
    }
    return verdict.firstViolation().map(v -> v.defect() + ": " + v.actual()).orElse("");
  }

  /**
   * The verdict table people read: a row per verdict, bundles, the conditions the runs ran under,
   * and a count of runs passed (last, naming the failed checkers).
   */
  static String table(List<CaseResult> results, Conditions conditions) {
    int width = Math.max(18, results.stream().mapToInt(r -> r.caseId().length()).max().orElse(0));
    String row = "%-" + width + "s %-10s %-28s %s%n";
    StringBuilder table = new StringBuilder(
        String.format(row, "case", "transport", "verdict", "first violation, or what was measured"));
    Set<String> failed = new LinkedHashSet<>();
    Set<String> inconclusive = new LinkedHashSet<>();
    for (CaseResult result : results) {
      for (Verdict verdict : result.verdicts()) {
        table.append(String.format(row, result.caseId(), result.kind(),
            verdict.checker() + " " + verdict.status().label(),
            detail(verdict)));
        if (verdict.status() == Status.FAILED) {
          failed.add(verdict.checker());
        } else if (verdict.status() == Status.INCONCLUSIVE) {
          inconclusive.add(verdict.checker());
        }
      }
    }
    for (CaseResult result : results) {
      result.bundle().ifPresent(bundle -> table.append(String.format(
          "%nRepro bundle of %s on %s: %s%n  replay: %s", result.caseId(), result.kind(), bundle,
          ReproBundle.command(bundle))));
    }
    table.append('\n');
    conditions.lines().forEach(line -> table.append(line).append('\n'));
    long passed = results.stream().filter(CaseResult::passed).count();
    table.append(String.format("%d of %d runs passed.", passed, results.size()));
    table.append(failed.isEmpty() ? "" : " FAILED checkers: " + String.join(", ", failed));
    table.append(inconclusive.isEmpty() ? "" : (failed.isEmpty() ? " " : "; ")
        + "INCONCLUSIVE checkers (could not judge, not a pass): " + String.join(", ", inconclusive));
    return table.append("\n").toString();
  }

  /** A JSON object per run; each holds the command's conditions, the same in every run. */
  private static String json(List<CaseResult> results, Conditions conditions) {
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
        json.writeFieldName("conditions");
        conditions.writeJson(json);
        json.writeEndObject();
      }
      json.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text + "\n";
  }
}
