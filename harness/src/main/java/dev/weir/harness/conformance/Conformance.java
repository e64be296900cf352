package dev.weir.harness.conformance;

import dev.weir.harness.browser.BrowserRuntime;
import dev.weir.harness.check.Verdict;
import dev.weir.harness.evidence.Judgement;
import dev.weir.harness.trace.TraceSnapshot;
import dev.weir.harness.transport.Offer;
import dev.weir.harness.transport.Transports;
import dev.weir.harness.transport.net.LoopbackServer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Runs conformance cases against one frontend: each case on a transport, on a fresh page, its
 * run's trace judged by the case's checkers. Each run has a loopback server of its own for the
 * network transports, so that an outage one case declares never reaches the next.
 *
 * <pre>{@code
 * List<CaseResult> results = new Conformance(BrowserRuntime.shared(), Frontend.reference())
 *     .run(Cases.all(), kind -> true, System.out::println);
 * }</pre>
 */
public final class Conformance {

  /** Each instance serves its frontend at a host of its own, so instances never cross. */
  private static final AtomicInteger HOSTS = new AtomicInteger();

  private final BrowserRuntime runtime;
  private final UnaryOperator<Offer> transportHalf;
  private final URI base;
  /** A client that closes its EventSource is noticed at the next heartbeat: make that soon. */
  private static final LoopbackServer.Settings SERVER =
      LoopbackServer.Settings.DEFAULT.withHeartbeat(Duration.ofMillis(50));

  /** Judges {@code frontend} over weir's own transports. */
  public Conformance(BrowserRuntime runtime, Frontend frontend) {
    this(runtime, frontend, UnaryOperator.identity());
  }

  /**
   * Judges {@code frontend} over transports whose Java half is changed by {@code transportHalf}
   * (given each case's offer, it returns the one to make): how tests show a checker catching a
   * broken backend, such as one that keeps producing after a close.
   */
  public Conformance(BrowserRuntime runtime, Frontend frontend, UnaryOperator<Offer> transportHalf) {
    this.runtime = Objects.requireNonNull(runtime, "runtime");
    this.transportHalf = Objects.requireNonNull(transportHalf, "transportHalf");
    Transports.install(runtime);
    // Frontends may reuse the bundled reference's modules at /.weir/reference/ (the broken
    // variants do), in a checkout or from the jar.
    runtime.serveShared("reference", ReferenceFolder.find());
    this.base = runtime.serve("frontend-" + HOSTS.incrementAndGet(), frontend.folder());
  }

  /**
   * Runs {@code cases} on each of their transports that {@code kinds} accepts, in order, reporting
   * each result to {@code progress} as it comes.
   */
  public List<CaseResult> run(
      List<ConformanceCase> cases, Predicate<String> kinds, Consumer<CaseResult> progress) {
    List<CaseResult> results = new ArrayList<>();
    for (ConformanceCase c : cases) {
      for (String kind : c.kinds()) {
        if (kinds.test(kind)) {
          CaseResult result = run(c, kind);
          results.add(result);
          progress.accept(result);
        }
      }
    }
    return results;
  }

  /**
   * Runs one case on one transport.
   *
   * @throws IllegalArgumentException when the case does not apply to {@code kind}
   */
  public CaseResult run(ConformanceCase c, String kind) {
    return judge(c, kind).result();
  }

  /**
   * Runs one case on one transport and keeps the trace it was judged from.
   *
   * @throws IllegalArgumentException when the case does not apply to {@code kind}
   */
  public JudgedRun judge(ConformanceCase c, String kind) {
    if (!c.kinds().contains(kind)) {
      throw new IllegalArgumentException(
          "Case " + c.id() + " runs on " + String.join(", ", c.kinds()) + ", not on " + kind);
    }
    long start = System.nanoTime();
    TraceSnapshot trace;
    Optional<String> incomplete;
    long sent;
    long total;
    try (LoopbackServer server = LoopbackServer.start(SERVER);
        CaseRun run = new CaseRun(runtime, base, kind, server, transportHalf)) {
      c.drive(run);
      trace = run.snapshot();
      run.selfCheck(c.id() + " on " + kind);
      incomplete = run.incomplete();
      sent = run.sent();
      total = run.total();
    }
    Judgement judged = Judgement.of(trace, c.checkers());
    List<Verdict> verdicts = incomplete.isEmpty() ? judged.verdicts()
        : judged.verdicts().stream().map(v -> v.incomplete(incomplete.get())).toList();
    return new JudgedRun(new CaseResult(c.id(), c.description(), kind, verdicts,
        Duration.ofNanos(System.nanoTime() - start), judged.evidence()), trace, sent, total);
  }
}
