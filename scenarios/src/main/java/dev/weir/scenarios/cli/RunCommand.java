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
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code weir run conformance}: the built-in conformance cases against a frontend, each on every
 * transport it applies to, with a verdict per checker. Exit 1 when any verdict FAILED.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Runs the conformance cases against a frontend (default: the bundled reference)"
        + " in headless Chromium, over real transports, and prints each case's verdicts.",
        "Exit code 1 when a checker failed; the failing checkers are named on the last line."})
final class RunCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "WHAT",
      description = "conformance: the built-in cases (docs/checkers.md lists them)")
  String what;

  @Option(names = "--frontend", paramLabel = "DIR",
      description = "The frontend's folder, with its index.html (default: fixtures/frontend/reference)")
  Path frontend;

  @Option(names = "--transport", split = ",", paramLabel = "KIND",
      description = "Only these transports: channel, event, command, scheme, websocket, sse")
  List<String> transports;

  @Option(names = "--checker", split = ",", paramLabel = "NAME",
      description = "Only the cases of these checkers: ordering, cleanup, backpressure, reconnect, buffer")
  List<String> checkers;

  @Option(names = "--json", description = "Print the results as JSON: one object per case and transport.")
  boolean json;

  @Override
  public Integer call() {
    if (!what.equals("conformance")) {
      throw new BadInputException("run " + what + ": expected 'conformance' (scenario files are not"
          + " supported yet)");
    }
    Frontend judged = frontend();
    List<ConformanceCase> cases = cases();
    Set<String> kinds = kinds();
    long runs = cases.stream().flatMap(c -> c.kinds().stream()).filter(kinds::contains).count();
    PrintWriter err = spec.commandLine().getErr();
    err.println("weir run conformance: " + judged.folder() + ", " + runs + " runs");
    List<CaseResult> results = new ArrayList<>();
    long start = System.nanoTime();
    new Conformance(BrowserRuntime.shared(), judged).run(cases, kinds::contains, result -> {
      results.add(result);
      long elapsed = System.nanoTime() - start;
      long etaS = elapsed / results.size() * (runs - results.size()) / 1_000_000_000L;
      err.printf("weir run conformance: [%d/%d] %s on %s: %s (%.1f s; about %d s to go)%n",
          results.size(), runs, result.caseId(), result.kind(), statuses(result),
          result.took().toMillis() / 1000.0, etaS);
    });
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? json(results) : table(results));
    out.flush();
    return results.stream().allMatch(CaseResult::passed) ? WeirCli.OK : WeirCli.CHECK_FAILED;
  }

  private Frontend frontend() {
    try {
      return frontend == null ? Frontend.reference() : new Frontend(frontend);
    } catch (IllegalArgumentException | IllegalStateException e) {
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

  private static String statuses(CaseResult result) {
    StringBuilder text = new StringBuilder();
    for (Verdict verdict : result.verdicts()) {
      if (!text.isEmpty()) {
        text.append(", ");
      }
      text.append(verdict.checker()).append(' ').append(verdict.status().label());
    }
    return text.toString();
  }

  private static String table(List<CaseResult> results) {
    StringBuilder table = new StringBuilder(
        String.format("%-18s %-10s %-28s %s%n", "case", "transport", "verdict", "first violation"));
    Set<String> failed = new LinkedHashSet<>();
    for (CaseResult result : results) {
      for (Verdict verdict : result.verdicts()) {
        table.append(String.format("%-18s %-10s %-28s %s%n", result.caseId(), result.kind(),
            verdict.checker() + " " + verdict.status().label(),
            verdict.firstViolation().map(v -> v.defect() + ": " + v.actual()).orElse("")));
        if (!verdict.status().passed()) {
          failed.add(verdict.checker());
        }
      }
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
