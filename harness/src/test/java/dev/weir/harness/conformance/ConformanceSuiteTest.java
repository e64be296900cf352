package dev.weir.harness.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weir.harness.browser.BrowserRuntime;
import dev.weir.harness.check.Verdict;
import dev.weir.harness.transport.Offer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checkers' proof, against real Chromium and real transports: the reference frontend passes
 * every case on every transport, and every broken variant under fixtures/frontend/broken — and
 * each broken Java transport half — is caught by the checker it names, on every transport that
 * checker's cases run on.
 *
 * <p>Verdicts must not flake, so the same runs repeat: {@code -Dweir.conformance.repetitions=10}
 * (docs/conformance.md, "Repeating it") runs each one ten times and requires 10 of 10.
 */
class ConformanceSuiteTest {

  private static final int REPETITIONS = Integer.getInteger("weir.conformance.repetitions", 1);
  static final Path BROKEN = Frontend.bundled(Path.of("fixtures", "frontend", "broken"));

  @Test
  void referencePassesEveryCaseOnEveryTransport() {
    List<String> failures = new ArrayList<>();
    for (int repetition = 1; repetition <= REPETITIONS; repetition++) {
      Conformance conformance = new Conformance(BrowserRuntime.shared(), Frontend.reference());
      for (CaseResult result : conformance.run(Cases.all(), kind -> true, r -> print("reference", r))) {
        for (Verdict failed : result.failures()) {
          failures.add("run " + repetition + ", " + result.caseId() + " on " + result.kind() + ": "
              + failed);
        }
      }
    }
    assertEquals(List.of(), failures, "the reference frontend must pass every case");
    System.out.println("reference: clean in " + REPETITIONS + " of " + REPETITIONS + " runs");
  }

  static Stream<Path> variants() throws IOException {
    try (Stream<Path> folders = Files.list(BROKEN)) {
      return folders.filter(Files::isDirectory).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void brokenVariantIsCaughtByItsChecker(Path variant) throws IOException {
    String checker = Files.readAllLines(variant.resolve("EXPECTED_FAILURE")).get(0).strip();
    assertCaught(variant.getFileName().toString(), new Frontend(variant), checker,
        UnaryOperator.identity());
  }

  @Test
  void javaHalfThatKeepsProducingAfterCloseIsCaughtByCleanup() {
    assertCaught("keeps-producing-after-close", Frontend.reference(), "cleanup",
        KeepsProducingAfterClose::around);
  }

  @Test
  void javaHalfThatQueuesWithoutBoundIsCaughtByBackpressure() {
    assertCaught("queues-without-bound", Frontend.reference(), "backpressure",
        QueuesWithoutBound::around);
  }

  /**
   * Runs {@code checker}'s cases, on each of their transports until one fails, and requires a
   * failure of that checker on every transport, in every repetition.
   */
  private static void assertCaught(
      String name, Frontend frontend, String checker, UnaryOperator<Offer> transportHalf) {
    List<ConformanceCase> cases = Cases.forChecker(checker);
    Set<String> kinds = new LinkedHashSet<>();
    cases.forEach(c -> kinds.addAll(c.kinds()));
    List<String> escaped = new ArrayList<>();
    for (int repetition = 1; repetition <= REPETITIONS; repetition++) {
      Conformance conformance = new Conformance(BrowserRuntime.shared(), frontend, transportHalf);
      for (String kind : kinds) {
        if (!caughtOn(conformance, cases, kind, checker, name)) {
          escaped.add("run " + repetition + " on " + kind);
        }
      }
    }
    assertEquals(List.of(), escaped,
        name + " must fail the " + checker + " checker on " + new TreeSet<>(kinds) + " every time");
    System.out.println(name + ": caught by " + checker + " on " + kinds + " in " + REPETITIONS
        + " of " + REPETITIONS + " runs");
  }

  private static boolean caughtOn(Conformance conformance, List<ConformanceCase> cases, String kind,
      String checker, String name) {
    for (ConformanceCase c : cases) {
      if (c.kinds().contains(kind)) {
        CaseResult result = conformance.run(c, kind);
        print(name, result);
        if (result.failures().stream().anyMatch(v -> v.checker().startsWith(checker))) {
          return true;
        }
      }
    }
    return false;
  }

  private static void print(String frontend, CaseResult result) {
    StringBuilder line = new StringBuilder(frontend + " · " + result.caseId() + " · " + result.kind()
        + " · " + result.took().toMillis() + " ms");
    for (Verdict verdict : result.verdicts()) {
      line.append(" · ").append(verdict.checker()).append(' ').append(verdict.status().label());
      verdict.firstViolation().ifPresent(v -> line.append(" (").append(v.defect()).append(')'));
    }
    System.out.println(line);
  }
}
