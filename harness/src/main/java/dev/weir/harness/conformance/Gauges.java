package dev.weir.harness.conformance;

import dev.weir.harness.browser.Page;
import dev.weir.harness.browser.PageCounters;
import dev.weir.harness.probe.PageTiming;
import dev.weir.harness.trace.Trace;
import dev.weir.harness.transport.Transport;
import dev.weir.harness.transport.Transports;
import java.time.Duration;

/**
 * What the harness measures of a page and its transport from outside, recorded as {@code gauge}
 * events on the stream {@value #STREAM}: the page's heap after a forced garbage collection, its
 * event listeners and DOM nodes (DevTools), Tauri's callback registry, the transport's open
 * subscriptions, and parked or unfetched payloads. Sampled at quiet points only — before the first
 * open and after each close has settled — so that every sample can be compared with the first.
 */
final class Gauges {

  static final String STREAM = PageTiming.STREAM;
  static final String HEAP = "js-heap-bytes";
  static final String LISTENERS = "listeners";
  static final String NODES = "dom-nodes";
  static final String CALLBACKS = "callbacks";
  static final String SUBSCRIPTIONS = "subscriptions";
  static final String PARKED = "parked-payloads";
  static final String UNFETCHED = "unfetched-streams";

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private Gauges() {}

  /** Records one sample of every gauge into {@code trace}. */
  static void sample(Page page, Transport transport, Trace trace) {
    int stream = trace.stream(STREAM);
    PageCounters counters = page.counters(TIMEOUT);
    trace.gauge(stream, HEAP, counters.jsHeapUsedBytes());
    trace.gauge(stream, LISTENERS, counters.jsEventListeners());
    trace.gauge(stream, NODES, counters.nodes());
    trace.gauge(stream, CALLBACKS,
        Long.parseLong(page.evaluate("window.__TAURI_INTERNALS__.callbacks.size", TIMEOUT)));
    trace.gauge(stream, SUBSCRIPTIONS, transport.openSubscriptions());
    trace.gauge(stream, PARKED, Transports.parkedPayloads());
    trace.gauge(stream, UNFETCHED, Transports.unfetchedStreams());
  }

  /** Records only the page's heap: enough for a buffer's memory over a long run. */
  static void sampleHeap(Page page, Trace trace) {
    trace.gauge(trace.stream(STREAM), HEAP, page.counters(TIMEOUT).jsHeapUsedBytes());
  }
}
