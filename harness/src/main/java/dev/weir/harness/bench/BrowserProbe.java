package dev.weir.harness.bench;

import dev.weir.harness.browser.BrowserRuntime;
import dev.weir.harness.browser.Page;
import dev.weir.harness.browser.Payload;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One benchmark run, in the JVM that starts the runtime: prints {@code key=value} lines of its
 * figures on standard output, after {@link #MARKER}. Run by {@link BrowserBench} in a child JVM.
 */
public final class BrowserProbe {

  static final String MARKER = "weir-bench-figures";
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final int PAGES = 10;
  private static final int ROUND_TRIPS = 2000;
  private static final int FETCH_BYTES = 64 << 20;

  private final Map<BrowserMetric, Double> figures = new EnumMap<>(BrowserMetric.class);

  private BrowserProbe() {}

  public static void main(String[] args) throws Exception {
    BrowserProbe probe = new BrowserProbe();
    probe.run();
    System.out.println(MARKER);
    probe.figures.forEach((k, v) -> System.out.println(k.key() + "=" + v));
    System.out.flush();
  }

  private void run() throws Exception {
    Path root = Files.createTempDirectory("weir-bench-");
    try {
      Files.writeString(root.resolve("index.html"), "<!doctype html><title>bench</title>");

      long runtimeStart = System.nanoTime();
      try (BrowserRuntime runtime = BrowserRuntime.shared()) {
        URI index = runtime.serve("bench", root).resolve("index.html");
        Page first = runtime.open(index);
        long firstLoaded = System.nanoTime();
        long jvmStartMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
        figures.put(BrowserMetric.JVM_TO_FIRST_PAGE, (double) (System.currentTimeMillis() - jvmStartMillis));
        figures.put(BrowserMetric.RUNTIME_TO_FIRST_PAGE, millis(firstLoaded - runtimeStart));
        first.close();
        writeZeros(root.resolve("big.bin"), FETCH_BYTES); // not before: start-up is timed

        pageLifecycle(runtime, index);
        try (Page page = runtime.open(index)) {
          memory(); // at rest, before the throughput runs fill the heaps
          roundTrips(page);
          pushes(page, BrowserMetric.PUSH_16B, null, 16, 50_000);
          pushes(page, BrowserMetric.PUSH_1KB, BrowserMetric.PUSH_1KB_MB, 1024, 20_000);
          pushes(page, BrowserMetric.PUSH_64KB, BrowserMetric.PUSH_64KB_MB, 65536, 500);
          fetch(page);
        }
      }
    } finally {
      try (Stream<Path> files = Files.list(root)) {
        for (Path file : files.toList()) {
          Files.delete(file);
        }
      }
      Files.delete(root);
    }
  }

  private void pageLifecycle(BrowserRuntime runtime, URI index) {
    double[] open = new double[PAGES];
    double[] close = new double[PAGES];
    for (int i = 0; i < PAGES; i++) {
      long t0 = System.nanoTime();
      Page page = runtime.open(index);
      long t1 = System.nanoTime();
      page.close();
      long t2 = System.nanoTime();
      open[i] = millis(t1 - t0);
      close[i] = millis(t2 - t1);
    }
    figures.put(BrowserMetric.PAGE_CREATE_LOAD, Stats.median(open));
    figures.put(BrowserMetric.PAGE_CLOSE, Stats.median(close));
  }

  /** Sequential weir.request calls timed in the page, after a warm-up. */
  private void roundTrips(Page page) {
    page.bridge().handle("echo", request -> CompletableFuture.completedFuture(request));
    String times =
        page.evaluate(
            "(async () => { const t = [];"
                + " for (let i = 0; i < 200; i++) await weir.request('echo', i);"
                + " for (let i = 0; i < " + ROUND_TRIPS + "; i++) {"
                + "   const s = performance.now(); await weir.request('echo', i);"
                + "   t.push(performance.now() - s); }"
                + " return t; })()",
            WAIT);
    double[] samples =
        Arrays.stream(times.substring(1, times.length() - 1).split(","))
            .mapToDouble(Double::parseDouble)
            .toArray();
    figures.put(BrowserMetric.ROUND_TRIP_P50, Stats.percentile(samples, 50));
    figures.put(BrowserMetric.ROUND_TRIP_P99, Stats.percentile(samples, 99));
    figures.put(BrowserMetric.ROUND_TRIP_MEAN, Arrays.stream(samples).average().orElseThrow());
  }

  /** {@code count} JSON strings of {@code size} bytes pushed at once; timed until the last arrives. */
  private void pushes(
      Page page, BrowserMetric messages, BrowserMetric megabytes, int size, int count) {
    String topic = messages.key();
    CompletableFuture<Long> done = new CompletableFuture<>();
    page.bridge()
        .handle(topic, request -> {
          done.complete(System.nanoTime());
          return CompletableFuture.completedFuture(Payload.json("null"));
        });
    page.evaluate(
        "(() => { let n = 0; weir.on('" + topic + "', () => { if (++n === " + count + ")"
            + " weir.request('" + topic + "', n); }); return true; })()",
        WAIT);
    Payload payload = Payload.json("\"" + "x".repeat(size - 2) + "\"");
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      page.bridge().push(topic, payload);
    }
    long end = done.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    double seconds = (end - start) / 1e9;
    figures.put(messages, count / seconds);
    if (megabytes != null) {
      figures.put(megabytes, (double) count * size / seconds / 1e6);
    }
  }

  private void fetch(Page page) {
    String reply =
        page.evaluate(
            "(async () => { const s = performance.now();"
                + " const b = await (await fetch('big.bin')).arrayBuffer();"
                + " return [b.byteLength, performance.now() - s]; })()",
            WAIT);
    String[] parts = reply.substring(1, reply.length() - 1).split(",");
    if (Long.parseLong(parts[0]) != FETCH_BYTES) {
      throw new IllegalStateException("fetch returned " + parts[0] + " bytes, not " + FETCH_BYTES);
    }
    figures.put(BrowserMetric.FETCH, FETCH_BYTES / 1e6 / (Double.parseDouble(parts[1]) / 1e3));
  }

  /**
   * Resident memory of this JVM and every process under it (Xvfb and CEF's helpers), one page
   * open. RSS counts shared libraries once per process; PSS shares them out, so it adds up.
   */
  private void memory() {
    ProcessHandle self = ProcessHandle.current();
    long[] totals = new long[3];
    Stream.concat(Stream.of(self), self.descendants())
        .forEach(
            p -> {
              Map<String, Long> rollup = ProcMemory.rollup(p.pid());
              totals[0] += rollup.getOrDefault("Rss", 0L);
              totals[1] += rollup.getOrDefault("Pss", 0L);
              totals[2]++;
            });
    figures.put(BrowserMetric.JVM_RSS, ProcMemory.rollup(self.pid()).getOrDefault("Rss", 0L) / 1024.0);
    figures.put(BrowserMetric.TREE_RSS, totals[0] / 1024.0);
    figures.put(BrowserMetric.TREE_PSS, totals[1] / 1024.0);
    figures.put(BrowserMetric.PROCESSES, (double) totals[2]);
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }

  private static void writeZeros(Path file, int bytes) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      byte[] block = new byte[1 << 20];
      for (int written = 0; written < bytes; written += block.length) {
        out.write(block);
      }
    }
  }
}
