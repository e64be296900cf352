package dev.weir.harness.bench;

import dev.weir.harness.browser.BrowserRuntime;
import dev.weir.harness.browser.Endpoint;
import dev.weir.harness.browser.Page;
import dev.weir.harness.browser.Payload;
import dev.weir.harness.transport.Transport;
import dev.weir.harness.transport.Transports;
import dev.weir.harness.transport.net.LoopbackServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@code weir bench transports}: every transport side by side in one page of one runtime, beside
 * the two ceilings they are built on, raw script evaluation and raw custom-scheme fetch.
 */
public final class TransportBench {

  /** Payload sizes measured, in bytes. */
  public static final int[] SIZES = {16, 1024, 65536, 1 << 20};

  /** Readings per message in the batched rows: as many as stay under a channel's 8 KB. */
  public static final int BATCH = 128;

  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final int LATENCY_MESSAGES = 400;
  private static final long LATENCY_GAP_NANOS = 2_000_000;
  private static final String TRANSPORT_KINDS = "command event channel scheme websocket sse";
  private static boolean blobServed;

  private final Page page;
  private final LoopbackServer server;
  private final List<TransportRow> rows = new ArrayList<>();

  private TransportBench(Page page, LoopbackServer server) {
    this.page = page;
    this.server = server;
  }

  /**
   * Runs every measurement.
   *
   * @param progress told before each transport, such as "channel"
   */
  public static List<TransportRow> run(Consumer<String> progress) {
    BrowserRuntime runtime = BrowserRuntime.shared();
    Transports.install(runtime);
    serveBlob(runtime);
    Path root = null;
    try {
      root = Files.createTempDirectory("weir-bench-transports-");
      Files.writeString(root.resolve("index.html"), "<!doctype html><title>bench</title>");
      URI index = runtime.serve("bench-transports", root).resolve("index.html");
      try (LoopbackServer server = LoopbackServer.start();
          Page page = runtime.open(index, WAIT)) {
        TransportBench bench = new TransportBench(page, server);
        bench.measureAll(progress);
        return List.copyOf(bench.rows);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (root != null) {
        try {
          Files.deleteIfExists(root.resolve("index.html"));
          Files.deleteIfExists(root);
        } catch (IOException e) {
          // a temporary folder; nothing depends on it
        }
      }
    }
  }

  private static synchronized void serveBlob(BrowserRuntime runtime) {
    if (!blobServed) {
      runtime.endpoint(
          "bench-blob",
          (method, path, headers) -> {
            int size = Integer.parseInt(path.substring(path.indexOf('=') + 1));
            return Endpoint.Reply.ok("application/octet-stream", new byte[size]);
          });
      blobServed = true;
    }
  }

  private void measureAll(Consumer<String> progress) {
    progress.accept("raw-eval");
    for (int size : SIZES) {
      rawEval(size);
    }
    progress.accept("raw-fetch");
    for (int size : SIZES) {
      rawFetch(size);
    }
    for (String kind : TRANSPORT_KINDS.split(" ")) {
      progress.accept(kind);
      Function<Page, Transport> factory = factory(kind);
      double[] latency = latency(factory.apply(page));
      for (int size : SIZES) {
        double[] throughput = throughput(factory.apply(page), size, 1);
        rows.add(row(kind, size, 1, throughput, size == 16 ? latency : null));
      }
      if (kind.equals("channel") || kind.equals("scheme") || kind.equals("websocket")) {
        rows.add(
            row(kind, batch(BATCH, 0).size(), BATCH,
                throughput(factory.apply(page), 0, BATCH), null));
      }
    }
  }

  private Function<Page, Transport> factory(String kind) {
    return switch (kind) {
      case "command" -> p -> Transports.on(p).command();
      case "event" -> p -> Transports.on(p).event();
      case "channel" -> p -> Transports.on(p).channel();
      case "scheme" -> p -> Transports.on(p).scheme();
      case "websocket" -> p -> Transports.on(p).websocket(server);
      case "sse" -> p -> Transports.on(p).sse(server);
      default -> throw new IllegalArgumentException(kind);
    };
  }

  private static int count(int size) {
    return size <= 16 ? 20_000 : size <= 1024 ? 10_000 : size <= 65536 ? 400 : 30;
  }

  private static Payload payload(int size) {
    return Payload.json("\"" + "x".repeat(size - 2) + "\"");
  }

  /** A batch of {@code readings} JSON readings, as a sensor stream would send them. */
  private static Payload batch(int readings, int seq) {
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < readings; i++) {
      json.append(i == 0 ? "" : ",")
          .append("{\"sensor\":\"accel\",\"index\":")
          .append(seq * readings + i)
          .append(",\"values\":[0.012,-0.49,9.81]}");
    }
    return Payload.json(json.append(']').toString());
  }

  /** N messages as fast as the producer can send; timed until the page has the last one. */
  private double[] throughput(Transport transport, int size, int batch) {
    int n = batch > 1 ? 2_000 : count(size);
    String stream = "t" + rows.size();
    CompletableFuture<Long> done = new CompletableFuture<>();
    page.bridge().handle(stream + ":done", r -> {
      done.complete(System.nanoTime());
      return CompletableFuture.completedFuture(Payload.json("null"));
    });
    AtomicLong start = new AtomicLong();
    transport.offer(
        stream,
        sender ->
            CompletableFuture.runAsync(
                () -> {
                  start.set(System.nanoTime());
                  Payload payload = batch > 1 ? null : payload(size);
                  for (int i = 0; i < n; i++) {
                    sender.send(batch > 1 ? batch(batch, i) : payload);
                  }
                }));
    page.evaluate(
        "(window.benchUnsubscribe = null, (() => { let n = 0; return weir.subscribe('"
            + transport.kind() + "', '" + stream + "', () => { if (++n === " + n + ") weir.request('"
            + stream + ":done', n); }).then(u => (window.benchUnsubscribe = u, true)); })())",
        WAIT);
    long end = done.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    page.evaluate("Promise.resolve(benchUnsubscribe && benchUnsubscribe()).then(() => true)", WAIT);
    double seconds = (end - start.get()) / 1e9;
    double bytes = batch > 1 ? batch(batch, 0).size() : size;
    return new double[] {n / seconds, n * bytes / seconds / 1e6};
  }

  /** One-way latency of 16-byte messages sent 2 ms apart: send and receive wall clocks. */
  private double[] latency(Transport transport) {
    String stream = "l" + rows.size();
    long[] sentMicros = new long[LATENCY_MESSAGES];
    CompletableFuture<Void> sent = new CompletableFuture<>();
    transport.offer(
        stream,
        sender ->
            CompletableFuture.runAsync(
                () -> {
                  for (int i = 0; i < LATENCY_MESSAGES; i++) {
                    Instant now = Instant.now();
                    sentMicros[i] = now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
                    sender.send(Payload.json(String.format("\"%014d\"", i))); // 16 bytes
                    LockSupport.parkNanos(LATENCY_GAP_NANOS);
                  }
                  sent.complete(null);
                }));
    page.evaluate(
        "(window.arrivals = [], weir.subscribe('" + transport.kind() + "', '" + stream + "',"
            + " m => { arrivals[+m] = performance.timeOrigin + performance.now(); })"
            + ".then(u => (window.benchUnsubscribe = u, true)))",
        WAIT);
    sent.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    String arrivals =
        page.evaluate(
            "new Promise(r => { const check = () => arrivals.filter(x => x).length === "
                + LATENCY_MESSAGES + " ? r(arrivals) : setTimeout(check, 10); check(); })",
            WAIT);
    page.evaluate("Promise.resolve(benchUnsubscribe && benchUnsubscribe()).then(() => true)", WAIT);
    double[] received =
        Arrays.stream(arrivals.substring(1, arrivals.length() - 1).split(","))
            .mapToDouble(Double::parseDouble)
            .toArray();
    double[] oneWay = new double[LATENCY_MESSAGES];
    for (int i = 0; i < LATENCY_MESSAGES; i++) {
      oneWay[i] = received[i] - sentMicros[i] / 1000.0;
    }
    return new double[] {Stats.percentile(oneWay, 50), Stats.percentile(oneWay, 99)};
  }

  /** The ceiling of evaluated delivery: one executeJavaScript per message, each script distinct. */
  private void rawEval(int size) {
    int n = count(size);
    CompletableFuture<Long> done = new CompletableFuture<>();
    page.bridge().handle("raw:done", r -> {
      done.complete(System.nanoTime());
      return CompletableFuture.completedFuture(Payload.json("null"));
    });
    page.evaluate(
        "(window.rawCount = 0, window.raw = m => { if (++rawCount === " + n
            + ") weir.request('raw:done', 0); }, true)",
        WAIT);
    // Each script carries its own number, as every message's script does: n copies of one script
    // would be compiled once (V8 caches by source) and measure a ceiling no transport can reach.
    String payload = payload(size).encode().substring(1);
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      page.execute("raw(" + payload + "," + i + ");");
    }
    long end = done.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    double seconds = (end - start) / 1e9;
    rows.add(row("raw-eval", size, 1, new double[] {n / seconds, (double) n * size / seconds / 1e6}, null));
  }

  /** The ceiling of fetched delivery: one custom-scheme fetch per message, in sequence. */
  private void rawFetch(int size) {
    int n = Math.min(count(size), 2_000);
    String reply =
        page.evaluate(
            "(async () => { const s = performance.now(); for (let i = 0; i < " + n + "; i++)"
                + " await (await fetch('/.weir/bench-blob?size=" + size + "')).arrayBuffer();"
                + " return performance.now() - s; })()",
            WAIT);
    double seconds = Double.parseDouble(reply) / 1e3;
    rows.add(row("raw-fetch", size, 1, new double[] {n / seconds, (double) n * size / seconds / 1e6}, null));
  }

  private static TransportRow row(
      String transport, int size, int batch, double[] throughput, double[] latency) {
    return new TransportRow(
        transport,
        size,
        batch,
        throughput[0],
        throughput[1],
        latency == null ? Double.NaN : latency[0],
        latency == null ? Double.NaN : latency[1]);
  }
}
