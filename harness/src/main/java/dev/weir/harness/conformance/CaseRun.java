package dev.weir.harness.conformance;

import dev.weir.harness.browser.BrowserRuntime;
import dev.weir.harness.browser.Page;
import dev.weir.harness.probe.PageTiming;
import dev.weir.harness.probe.Probe;
import dev.weir.harness.trace.Trace;
import dev.weir.harness.trace.TraceSnapshot;
import dev.weir.harness.transport.Offer;
import dev.weir.harness.transport.Transport;
import dev.weir.harness.transport.Transports;
import dev.weir.harness.transport.net.LoopbackServer;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.UnaryOperator;

/**
 * One case on one transport: a fresh page of the frontend, its transport and probe recording into
 * one trace, and the producer. What a {@link ConformanceCase} drives; closed after the case,
 * page and producer with it.
 */
public final class CaseRun implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(15);
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

  private final String kind;
  private final Trace trace = Trace.start();
  private final Page page;
  private final Transport transport;
  private final URI frontend;
  private final UnaryOperator<Offer> transportHalf;
  private Producer producer;
  private String incomplete;

  CaseRun(BrowserRuntime runtime, URI frontend, String kind, LoopbackServer server,
      UnaryOperator<Offer> transportHalf) {
    this.kind = kind;
    this.frontend = frontend;
    this.transportHalf = transportHalf;
    // The page's stream must be offered before the frontend's scripts subscribe: set up on a
    // blank page, then navigate to the frontend.
    this.page = runtime.open(URI.create("about:blank"));
    PageTiming.attach(page, trace);
    Probe.attach(page, trace);
    this.transport = Transports.on(page, trace).of(kind, server);
  }

  /** The transport kind this run uses. */
  public String kind() {
    return kind;
  }

  /**
   * Offers {@code stream} to the producer, opens the frontend with {@code config} (plus its
   * transport and stream) and waits until it has started. A producer that goes as fast as the
   * frontend takes its stream is paced by what the page has taken, unless a declared window paces
   * it: weir never queues more than the page can take, so it never makes a stall of its own.
   */
  void start(String stream, Map<String, Object> config, Offer offer, Producer producer) {
    this.producer = producer;
    Offer paced = producer.asFastAsTaken() ? offer.pacedBy(Offer.AS_TAKEN) : offer;
    transport.offer(stream, transportHalf.apply(paced), producer);
    producer.start();
    StringJoiner query = new StringJoiner("&", "?", "");
    query.add("transport=" + kind).add("stream=" + encode(stream));
    config.forEach((key, value) -> query.add(encode(key) + "=" + encode(String.valueOf(value))));
    String url = frontend.resolve("index.html") + query.toString();
    page.execute("location.href = " + quoted(url) + ";");
    Poll.until(this::started, START_TIMEOUT, () -> "the frontend at " + url
        + " to start (window.reference defined); page console: " + page.console());
  }

  /** Reloads the page and waits until the frontend has started again in the new document. */
  void reload() {
    page.evaluate("(window.weirOldDocument = true)", CALL_TIMEOUT);
    page.execute("location.reload();");
    Poll.until(this::started, START_TIMEOUT,
        () -> "the frontend to start again after a reload; page console: " + page.console());
  }

  /** Closes the page, as a user closing the window would; nothing is sampled afterwards. */
  void closePage() {
    page.close();
  }

  private boolean started() {
    try {
      return page.evaluate(
          "location.href.startsWith('weir:') && !window.weirOldDocument && !!window.reference",
          Duration.ofSeconds(1)).equals("true");
    } catch (IllegalStateException navigating) {
      return false; // the evaluation went with the old document
    }
  }

  Producer producer() {
    return producer;
  }

  Trace trace() {
    return trace;
  }

  /** The frontend's state as its handle reports it: open, reconnecting, gave-up, ended, closed. */
  String state() {
    return page.evaluate("window.reference.state", CALL_TIMEOUT).replace("\"", "");
  }

  /** Closes the frontend's consumer from the page, as an application would, and waits for it. */
  void closeFrontend() {
    page.evaluate("window.reference.close().then(() => true)", CALL_TIMEOUT);
  }

  /** Starts a fresh consumer on the same page after a close. */
  void openFrontend() {
    page.evaluate("(window.reference.open(), true)", CALL_TIMEOUT);
  }

  /**
   * Waits until the trace has stopped growing for 250 ms (reports in, nothing in flight), or 1.5 s
   * at most: a frontend that never stops its stream is the checkers' to judge, not a reason to wait.
   */
  void settle() {
    settle(Duration.ofMillis(1500));
  }

  /**
   * How a case ends: the trace settles, the frontend closes its subscription, and the trace
   * settles again, so the close and what follows it are in the trace the checkers judge.
   */
  void closeWhenSettled() {
    settle();
    closeFrontend();
    settle();
  }

  /** {@link #settle()} with another limit. */
  void settle(Duration atMost) {
    Poll.quiet(trace::size, Duration.ofMillis(250), atMost);
  }

  /** Waits until the producer has sent {@code count} messages in all. */
  void awaitSent(long count) {
    Poll.until(() -> producer.sent() >= count, Duration.ofSeconds(30),
        () -> count + " messages sent (sent " + producer.sent() + ")");
  }

  /**
   * Waits until the producer is done (its count sent and the stream ended), or {@code timeout}
   * passed: a frontend that stops taking the stream is for the checkers to judge, not a reason to
   * abandon the run. A run whose producer did not finish did not complete: it is stopped,
   * {@link #incomplete()} says why, and its passes are not passes.
   */
  void awaitProducer(Duration timeout) {
    if (!Poll.atMost(producer::done, timeout)) {
      stopUnfinished();
    }
  }

  /**
   * Waits until the producer is done: at least {@code length}, then as long as it keeps sending
   * (a stream sent as fast as the page takes it has no length known ahead), until it has sent
   * nothing for {@code idle}, and at most {@code atMost}. A producer not done by then leaves the
   * run incomplete, as for {@link #awaitProducer(Duration)}.
   */
  void awaitProducer(Duration length, Duration idle, Duration atMost) {
    if (!Poll.whileProgressing(producer::done, producer::sent, length, idle, atMost)) {
      stopUnfinished();
    }
  }

  /**
   * Stops a producer the run will not wait for any longer, then says what it sent: stopped before
   * the page closes, so what was sent has the settle to arrive (a run cut short strands nothing in
   * flight for a checker to call lost), and the count it reports is the count the run's files
   * hold.
   */
  private void stopUnfinished() {
    producer.close();
    incomplete = producer.unfinished();
  }

  /** Why the run did not complete (its producer never finished), if it did not. */
  Optional<String> incomplete() {
    return Optional.ofNullable(incomplete);
  }

  /** Messages the producer sent, over every subscription. */
  long sent() {
    return producer == null ? 0 : producer.sent();
  }

  /** Messages the producer's timeline has. */
  long total() {
    return producer == null ? 0 : producer.count();
  }

  /** Records the page's and transport's gauges into the trace. */
  void sampleGauges() {
    Gauges.sample(page, transport, trace);
  }

  /** Records the page's heap into the trace. */
  void sampleHeap() {
    Gauges.sampleHeap(page, trace);
  }

  /** Periodic heap samples, until closed. */
  interface Sampling extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Records the page's heap into the trace every {@code period} until the returned sampling is
   * closed (which waits for a sample under way): memory over a run whose buffers fill at a moment
   * no case code knows.
   */
  Sampling sampleHeapEvery(Duration period) {
    Thread sampler = new Thread(() -> {
      try {
        while (!Thread.currentThread().isInterrupted()) {
          Thread.sleep(period.toMillis());
          sampleHeap();
        }
      } catch (InterruptedException stopped) {
        // closed
      } catch (RuntimeException pageGone) {
        // the page closed or failed: the run's end will say so
      }
    }, "weir-heap-sampler");
    sampler.setDaemon(true);
    sampler.start();
    return () -> {
      sampler.interrupt();
      try {
        sampler.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
  }

  /** Everything recorded so far. */
  TraceSnapshot snapshot() {
    return trace.snapshot();
  }

  /**
   * @throws HarnessFault when a self-check of the run failed (the page's clock met an
   *     impossibility), naming {@code run}
   */
  void selfCheck(String run) {
    page.clock().fault().ifPresent(evidence -> {
      throw new HarnessFault(run, evidence);
    });
  }

  @Override
  public void close() {
    try {
      if (producer != null) {
        producer.close();
      }
    } finally {
      page.close();
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static String quoted(String text) {
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
