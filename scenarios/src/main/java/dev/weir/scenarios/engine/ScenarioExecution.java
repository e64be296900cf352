package dev.weir.scenarios.engine;

import dev.weir.harness.browser.BrowserRuntime;
import dev.weir.harness.check.Verdict;
import dev.weir.harness.conformance.CaseResult;
import dev.weir.scenarios.bundle.ReproBundle;
import dev.weir.scenarios.run.ScenarioRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.StringJoiner;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.opentest4j.AssertionFailedError;

/**
 * Runs the discovered scenarios one after another in the shared browser runtime. A scenario
 * passes when none of its verdicts FAILED or was INCONCLUSIVE (a scenario that judged nothing is
 * not a green test); a failing one's message holds each such verdict's checker and summary, first
 * violation or reason included, and the path of its repro bundle with the command that replays it.
 */
final class ScenarioExecution {

  /** Configuration parameter {@code weir.bundles=DIR}: where failing runs' repro bundles go. */
  static final String BUNDLES = "weir.bundles";

  private final ExecutionRequest request;
  private final EngineExecutionListener listener;
  private ScenarioRunner runner; // the browser starts with the first scenario

  ScenarioExecution(ExecutionRequest request) {
    this.request = request;
    this.listener = request.getEngineExecutionListener();
  }

  void run() {
    TestDescriptor engine = request.getRootTestDescriptor();
    listener.executionStarted(engine);
    for (TestDescriptor file : engine.getChildren()) {
      run((ScenarioFile) file);
    }
    listener.executionFinished(engine, TestExecutionResult.successful());
  }

  private void run(ScenarioFile file) {
    listener.executionStarted(file);
    if (file.problem().isPresent()) {
      listener.executionFinished(file,
          TestExecutionResult.failed(new ScenarioFileError(file.problem().get())));
      return;
    }
    for (TestDescriptor test : file.getChildren()) {
      run((ScenarioTest) test);
    }
    listener.executionFinished(file, TestExecutionResult.successful());
  }

  private void run(ScenarioTest test) {
    listener.executionStarted(test);
    TestExecutionResult result;
    try {
      if (runner == null) {
        Path bundles = request.getConfigurationParameters().get(BUNDLES).map(Path::of)
            .orElse(ReproBundle.DEFAULT_ROOT);
        runner = new ScenarioRunner(BrowserRuntime.shared(), Optional.empty(), Optional.of(bundles));
      }
      CaseResult outcome = runner.run(test.instance());
      listener.reportingEntryPublished(test, ReportEntry.from("weir.verdicts", outcome.statuses()));
      result = outcome.passed()
          ? TestExecutionResult.successful()
          : TestExecutionResult.failed(new AssertionFailedError(failures(outcome)));
    } catch (IOException e) {
      result = TestExecutionResult.failed(new UncheckedIOException(e));
    } catch (RuntimeException e) {
      result = TestExecutionResult.failed(e);
    }
    listener.executionFinished(test, result);
  }

  private static String failures(CaseResult outcome) {
    StringJoiner text = new StringJoiner("\n");
    for (Verdict verdict : outcome.failures()) {
      text.add(verdict.checker() + " " + verdict.summary());
    }
    outcome.bundle().ifPresent(bundle ->
        text.add("Repro bundle: " + bundle + "\nReplay: " + ReproBundle.command(bundle)));
    return text.toString();
  }

  /** A scenario file that does not parse: the parser's message, file, line and column first. */
  static final class ScenarioFileError extends AssertionError {
    ScenarioFileError(String message) {
      super(message);
    }
  }
}
