package dev.weir.scenarios.run;

import dev.weir.harness.browser.BrowserRuntime;
import dev.weir.harness.conformance.CaseResult;
import dev.weir.harness.conformance.Conformance;
import dev.weir.harness.conformance.Frontend;
import dev.weir.harness.conformance.JudgedRun;
import dev.weir.harness.conformance.StreamCase;
import dev.weir.scenarios.bundle.ReproBundle;
import dev.weir.scenarios.scenario.ScenarioInstance;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs scenario instances in a browser runtime, each on a page of its own, keeping one frontend
 * server per frontend folder, and leaves a repro bundle behind each failing run: what the JUnit
 * engine, {@code weir run}, {@code weir replay} and {@code weir record} all call, so a scenario runs
 * the same way from each. Runs may be made from several threads at once ({@link #runAll}): a run's
 * page, server, trace and bundle are its own, and scenario runs sample no process-wide gauges.
 */
public final class ScenarioRunner {

  private final BrowserRuntime runtime;
  private final Optional<Frontend> override;
  private final Optional<Path> bundles;
  private final Map<Frontend, Conformance> conformances = new ConcurrentHashMap<>();

  /**
   * Runs every scenario against {@code override} when given, else against its own frontend, and
   * writes failing runs' bundles under {@code bundles} when given (a replay writes none: it would
   * replace the bundle it replays).
   */
  public ScenarioRunner(BrowserRuntime runtime, Optional<Frontend> override, Optional<Path> bundles) {
    this.runtime = Objects.requireNonNull(runtime, "runtime");
    this.override = Objects.requireNonNull(override, "override");
    this.bundles = Objects.requireNonNull(bundles, "bundles");
  }

  /**
   * Runs {@code instance} on its transport against its frontend.
   *
   * @return its result, with the path of its repro bundle when it failed
   * @throws IOException when its recording cannot be read, or its bundle not written
   */
  public CaseResult run(ScenarioInstance instance) throws IOException {
    Frontend frontend = frontend(instance);
    JudgedRun run = judge(instance, frontend);
    if (run.result().passed() || bundles.isEmpty()) {
      return run.result();
    }
    return run.result().withBundle(ReproBundle.write(bundles.get(), instance, frontend, run).folder());
  }

  /**
   * Runs {@code instances}, up to {@code jobs} at once (pages side by side in the one runtime),
   * handing each result to {@code done} as it comes, one at a time.
   *
   * @return the results in the order of {@code instances}
   * @throws IOException when a recording cannot be read or a bundle not written; the runs still
   *     going are interrupted
   */
  public List<CaseResult> runAll(List<ScenarioInstance> instances, int jobs, Consumer<CaseResult> done)
      throws IOException {
    if (jobs < 1) {
      throw new IllegalArgumentException("jobs: expected 1 or more, got " + jobs);
    }
    AtomicInteger threads = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(jobs, task -> {
      Thread thread = new Thread(task, "weir-run-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<CaseResult>> runs = new ArrayList<>();
      for (ScenarioInstance instance : instances) {
        runs.add(pool.submit(() -> {
          CaseResult result = run(instance);
          synchronized (done) {
            done.accept(result);
          }
          return result;
        }));
      }
      List<CaseResult> results = new ArrayList<>();
      for (int i = 0; i < runs.size(); i++) {
        results.add(result(instances.get(i), runs.get(i)));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /** What a run made, or what it threw (an I/O failure named by the instance). */
  private static CaseResult result(ScenarioInstance instance, Future<CaseResult> run)
      throws IOException {
    try {
      return run.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while " + instance.id() + " ran");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw new IOException(instance.id() + ": " + io.getMessage(), io);
      }
      if (e.getCause() instanceof RuntimeException unchecked) {
        throw unchecked;
      }
      throw new IllegalStateException(instance.id() + ": " + e.getCause(), e.getCause());
    }
  }

  /**
   * Runs {@code instance} as {@link #run} does, writing no bundle, and keeps the trace it was
   * judged from: for {@code weir record}, which keeps every run's files.
   *
   * @throws IOException when its recording cannot be read
   */
  public JudgedRun judge(ScenarioInstance instance) throws IOException {
    return judge(instance, frontend(instance));
  }

  private JudgedRun judge(ScenarioInstance instance, Frontend frontend) throws IOException {
    StreamCase scenario = ScenarioCases.of(instance);
    return conformances.computeIfAbsent(frontend, f -> new Conformance(runtime, f))
        .judge(scenario, scenario.kind());
  }

  private Frontend frontend(ScenarioInstance instance) {
    return override.orElseGet(() -> ScenarioCases.frontend(instance));
  }
}
